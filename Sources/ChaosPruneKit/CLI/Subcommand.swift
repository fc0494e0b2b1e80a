/// One `chaosprune` subcommand: its name, a one-line summary, its help and its run.
///
/// `run` receives the arguments after the subcommand name and returns the exit status.
public struct Subcommand: Sendable {
    /// The name typed after `chaosprune`.
    public var name: String
    /// One line for the overview.
    public var summary: String
    /// Runs the subcommand.
    public var run: @Sendable ([String]) -> Int32

    /// Creates a subcommand.
    public init(name: String, summary: String, run: @escaping @Sendable ([String]) -> Int32) {
        self.name = name
        self.summary = summary
        self.run = run
    }
}

/// The toolkit's version, printed by `--version`.
public let chaosPruneVersion = "0.1.0"
