/// Every exit status the two programs return, in one type: `chaosprune`'s
/// (0 success, 1 a failed run, 2 a usage error; `compare` 0 equal, 1
/// different, 2 trouble, as `cmp`) and `lyap_r`'s (TISEAN's own codes, and
/// ours where TISEAN crashes or never ends; see the TISEAN statuses).
public struct ExitStatus: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The status the process exits with.
    public let rawValue: Int32

    /// The status `rawValue`.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The status `value`.
    public init(integerLiteral value: Int32) { rawValue = value }

    /// The number.
    public var description: String { "\(rawValue)" }

    /// The run did what was asked.
    public static let success: ExitStatus = 0
    /// The run failed: bad input data, an unreadable input, an unwritable output, a stage that cannot run.
    public static let failure: ExitStatus = 1
    /// The command line does not fit the command.
    public static let usage: ExitStatus = 2

    /// `compare`: the files differ.
    public static let different: ExitStatus = 1
    /// `compare`: the files could not be compared (as `cmp`'s trouble).
    public static let trouble: ExitStatus = 2
}
