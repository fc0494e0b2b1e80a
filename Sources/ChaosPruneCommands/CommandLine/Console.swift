import ChaosPruneSystem

/// Where a command's text goes: standard output and standard error, or
/// buffers (for in-process tests).
///
/// The one place the error and warning formats are written:
/// `PROGRAM: error: MESSAGE` and `PROGRAM: warning: MESSAGE`.
public final class Console: @unchecked Sendable {
    /// Where text goes.
    public enum Destination: Sendable {
        /// The process's standard streams.
        case standardStreams
        /// In-memory buffers (`capturedOutput`, `capturedError`).
        case buffers
    }

    private let destination: Destination
    /// What was written to standard output (buffers only).
    public private(set) var capturedOutput = ""
    /// What was written to standard error (buffers only).
    public private(set) var capturedError = ""
    /// The first failure to write standard output, if any.
    public private(set) var outputFailure: SystemError?

    /// Creates a console.
    public init(_ destination: Destination = .standardStreams) {
        self.destination = destination
    }

    /// Whether standard error is a terminal (progress is drawn only then).
    public var errorIsTerminal: Bool { destination == .standardStreams && StandardStreams.errorIsTerminal }

    /// Writes `text` to standard output as it is.
    public func output(_ text: String) {
        switch destination {
        case .buffers: capturedOutput += text
        case .standardStreams:
            guard outputFailure == nil else { return }
            do { try StandardStreams.output(text) } catch { outputFailure = error }
        }
    }

    /// Writes `text` to standard output and returns the exit status of a command
    /// that only prints it: 0, or 1 when the text could not be written.
    public func finish(printing text: String) -> Int32 {
        output(text)
        return outputFailure == nil ? 0 : 1
    }

    /// Writes `text` to standard error as it is.
    public func error(_ text: String) {
        switch destination {
        case .buffers: capturedError += text
        case .standardStreams: StandardStreams.error(text)
        }
    }

    /// `PROGRAM: error: MESSAGE`.
    public func report(_ error: CommandError, program: String) {
        self.error("\(program): error: \(error.message)\n")
    }

    /// `PROGRAM: warning: MESSAGE`.
    public func warn(_ message: String, program: String) {
        error("\(program): warning: \(message)\n")
    }
}
