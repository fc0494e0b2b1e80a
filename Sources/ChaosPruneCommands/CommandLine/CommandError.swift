import ChaosPruneKit
import ChaosPruneSystem

/// Why a command stops: a usage error (exit 2) or a failed run (exit 1, or
/// the command's own failure status: `compare`'s 2).
///
/// Every subcommand reports through this one type, and `Console` prints it in
/// the one error format, `chaosprune SUB: error: MESSAGE`.
public enum CommandError: Error, Sendable, Equatable {
    /// The command line does not fit the command: a bad option, a bad value,
    /// a missing argument, options that contradict each other or the input's metadata.
    case usage(String)
    /// The run failed: bad input data, an unwritable output, a stage that cannot run.
    case failure(String)

    /// The one-line message.
    public var message: String {
        switch self {
        case let .usage(text), let .failure(text): return text
        }
    }

    /// A failed run from any error the stages throw (their descriptions carry
    /// the file, line, column or weight).
    public static func failure(from error: any Error) -> CommandError {
        if let error = error as? CommandError { return error }
        return .failure(String(describing: error))
    }
}
