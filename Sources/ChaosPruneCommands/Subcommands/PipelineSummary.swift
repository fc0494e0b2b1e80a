import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// The one-screen summary `pipeline` and `demo` print.
enum PipelineSummary {
    static func text(_ result: PipelineRun.Result) -> String {
        let windows = result.windowStage.summary
        let granger = result.grangerStage.output
        var lines = [
            "weights          \(windows.weights)",
            "steps (rows)     \(windows.rows)",
            "windows          \(windows.windows)\(windows.droppedWindows > 0 ? " (\(windows.droppedWindows) trailing dropped)" : "")",
            "static windows   \(windows.staticWindows) of \(windows.weights * windows.windows) cells",
            "granger raised   \(granger.raisedCount) weights (p = 0, kept, as the notebook)",
            "non-causal       \(granger.selection.nonCausalCount) weights (p ≥ alpha)",
            "mask             \(granger.selection.mask.count) weights\(granger.selection.selectedAllBecauseNoneQualified ? "  ← ALL: no weight qualified (the notebook's [-0:] quirk; --fix-empty to change)" : "")",
            "time             le-window \(CFormat.format("%.2f", result.windowSeconds)) s, granger \(CFormat.format("%.2f", result.grangerSeconds)) s",
            "files",
        ]
        if granger.stationarity?.lengthsDiffer == true {
            lines.insert("stationarity     only one side differenced: every weight raised (the notebook's quirk)", at: 6)
        }
        lines += result.files.map { "  \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
