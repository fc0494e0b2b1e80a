import ChaosPruneFormats
import ChaosPruneSystem

/// Where a command's text goes: standard output and standard error, or
/// buffers (for in-process tests). Safe to write from any thread: a stage's
/// progress callbacks and its body may share one console.
///
/// The one place the error and warning formats are written:
/// `PROGRAM: error: MESSAGE` and `PROGRAM: warning: MESSAGE`.
public final class Console: Sendable {
    /// Where text goes.
    public enum Destination: Sendable {
        /// The process's standard streams.
        case standardStreams
        /// In-memory buffers (`capturedOutput`, `capturedError`).
        case buffers
    }

    private struct State {
        var output = ""
        var error = ""
        var outputFailure: SystemError?
    }

    private let destination: Destination
    private let state = Locked(State())

    /// What was written to standard output (buffers only).
    public var capturedOutput: String { state.withLock { $0.output } }
    /// What was written to standard error (buffers only).
    public var capturedError: String { state.withLock { $0.error } }
    /// The first failure to write standard output, if any.
    public var outputFailure: SystemError? { state.withLock { $0.outputFailure } }

    /// Creates a console.
    public init(_ destination: Destination = .standardStreams) {
        self.destination = destination
    }

    /// Whether standard error is a terminal (progress is drawn only then).
    public var errorIsTerminal: Bool { destination == .standardStreams && StandardStreams.errorIsTerminal }

    /// Writes `text` to standard output as it is; after a failed write, nothing more is written.
    public func output(_ text: String) {
        state.withLock { state in
            switch destination {
            case .buffers: state.output += text
            case .standardStreams:
                guard state.outputFailure == nil else { return }
                do throws(SystemError) { try StandardStreams.output(text) } catch { state.outputFailure = error }
            }
        }
    }

    /// Writes `text` to standard output and returns the exit status of a command
    /// that only prints it: success, or `failure` with an error naming the
    /// reason when the text could not be written (a full device, a closed pipe).
    public func finish(printing text: String, program: String, failure: ExitStatus = .failure) -> ExitStatus {
        output(text)
        return reportingOutputFailure(program: program, status: failure) ?? .success
    }

    /// When writing standard output has failed: reports it as `PROGRAM: error:
    /// standard output: REASON` and returns `status`; nil when it has not.
    public func reportingOutputFailure(program: String, status: ExitStatus) -> ExitStatus? {
        guard let failure = outputFailure else { return nil }
        report(.failure("standard output: \(failure.reason)"), program: program)
        return status
    }

    /// Writes `text` to standard error as it is.
    public func error(_ text: String) {
        state.withLock { state in
            switch destination {
            case .buffers: state.error += text
            case .standardStreams: StandardStreams.error(text)
            }
        }
    }

    /// `PROGRAM: error: MESSAGE`, on one line: control characters in the
    /// message (a file name holding a newline or an escape) are escaped.
    public func report(_ error: CommandError, program: String) {
        self.error("\(program): error: \(ArgumentText.escaped(error.message))\n")
    }

    /// `PROGRAM: warning: MESSAGE`, on one line, escaped as `report`'s.
    public func warn(_ message: String, program: String) {
        error("\(program): warning: \(ArgumentText.escaped(message))\n")
    }
}
