import ChaosPruneFormats

extension WindowSidecar {
    /// The sidecar of a finished window stage: its settings, the weights and
    /// windows it computed, and the file it read.
    public init(settings: WindowSettings, summary: WindowLEJob.Summary, sourcePath: String, sourceBytes: Int?,
                sourceFingerprint: RecordingFingerprint?) {
        var radius: Double?
        if case let .dataUnits(value) = settings.parameters.initialEpsilon { radius = value }
        self.init(tool: ToolVersion.text, script: settings.scriptName, window: settings.plan.window, overlap: settings.plan.overlap,
                  step: settings.plan.step, dimension: settings.parameters.dimension, delay: settings.parameters.delay,
                  steps: settings.parameters.steps, radius: radius, gate: settings.gate, layout: settings.layout,
                  arithmetic: settings.arithmetic.rawValue, firstWeight: summary.firstWeight,
                  lastWeight: summary.firstWeight + summary.weights - 1, totalWeights: summary.totalWeights,
                  windows: summary.windows, rows: summary.rows,
                  sourceName: sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath, sourceBytes: sourceBytes,
                  sourceFingerprint: sourceFingerprint)
    }
}
