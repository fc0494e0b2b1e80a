/// A failed system call: what was being done, to which path, and the C
/// library's `errno`.
///
/// Prints as `cannot read PATH: REASON` (or write, create folder), the form
/// every chaosprune message about a file takes.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done.
    public enum Operation: String, Sendable {
        /// Opening or reading.
        case read = "cannot read"
        /// Creating, writing or renaming.
        case write = "cannot write"
        /// Creating a folder.
        case createFolder = "cannot create folder"
    }

    /// What was being done.
    public var operation: Operation
    /// The file concerned (`-` for a standard stream).
    public var path: String
    /// The `errno` value.
    public var code: Int32

    /// Creates an error for `errno` value `code`.
    public init(operation: Operation, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The C library's text for `code`.
    public var reason: String { Platform.describe(code) }

    /// "cannot read PATH: REASON".
    public var description: String { "\(operation.rawValue) \(path): \(reason)" }
}
