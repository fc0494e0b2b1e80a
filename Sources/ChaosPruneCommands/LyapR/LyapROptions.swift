import LyapunovKit

/// The settings of one `lyap_r` run, however they were spelled on the command line.
///
/// Both the TISEAN-compatible `lyap_r` command line and `chaosprune lyap-r`'s
/// GNU-style options produce this; `LyapRProgram` runs it.
public struct LyapROptions: Sendable {
    /// Where the series comes from.
    public enum Source: Sendable, Equatable {
        /// A file, optionally with a column given by a `name,N` suffix (overriding `column`).
        case file(path: String, column: Int?)
        /// Standard input.
        case standardInput
    }

    /// `-l`: the most values to use (nil: all).
    public var length: Int?
    /// `-x`: lines to skip at the start.
    public var skipLines: Int = 0
    /// `-c`: the 1-based column to read.
    public var column: Int = 1
    /// `-m -d -t -s -r`.
    public var parameters = LyapunovParameters()
    /// `-V`: verbosity bitmask; 1 = input messages, 2 = one line per epsilon pass,
    /// any non-zero value also prints the banner.
    public var verbosity: Int = 0xff
    /// `-o NAME`: the output file; nil gives `<datafile>.ros` or `stdin.ros`.
    public var outputName: String?
    /// Candidate data sources, tried from the last backwards.
    public var candidates: [String] = []
    /// The rounding model to reproduce.
    public var arithmetic: ArithmeticMode = .ieee64

    /// Creates default options (TISEAN's defaults).
    public init() {}
}
