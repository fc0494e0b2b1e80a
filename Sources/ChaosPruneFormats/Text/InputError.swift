import ChaosPruneSystem

/// A problem in an input file, located by file, line and (where it applies) column.
///
/// Prints as `FILE:LINE:COLUMN: what was expected`, the form compilers use,
/// so editors and terminals can jump to it.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (`-` for standard input).
    public var file: String
    /// 1-based line, or nil for whole-file problems.
    public var line: Int?
    /// 1-based column (field number), or nil.
    public var column: Int?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The bytes of `path` (`-` for standard input), or an error naming it.
    public static func contents(of path: String) throws(InputError) -> [UInt8] {
        do {
            return try FileContents.read(path)
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
    }

    /// `FILE:LINE:COLUMN: message`.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
