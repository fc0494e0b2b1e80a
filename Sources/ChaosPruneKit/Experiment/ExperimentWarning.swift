/// A stage's warning inside an experiment, with the trial and variant it belongs to.
///
/// The variant is `FT` or `PT` for the recording, windows and Granger run
/// behind that mask, or the retrained variant (`dense`, `FT`, `PT`,
/// `magnitude`, `random`); nil trial and variant: summed over all retrainings.
public struct ExperimentWarning: Sendable, Equatable, CustomStringConvertible {
    /// The trial, or nil for a warning summed over trials.
    public var trial: Int?
    /// The variant, or nil for a warning summed over variants.
    public var variant: String?
    /// What the stage reported.
    public var warning: StageWarning

    /// A warning of `trial`'s `variant`.
    public init(trial: Int?, variant: String?, warning: StageWarning) {
        self.trial = trial
        self.variant = variant
        self.warning = warning
    }

    /// `trial 2, FT: …`.
    public var description: String {
        let scope = [trial.map { "trial \($0)" } ?? "every trial", variant ?? "every variant"].joined(separator: ", ")
        return "\(scope): \(warning)"
    }
}
