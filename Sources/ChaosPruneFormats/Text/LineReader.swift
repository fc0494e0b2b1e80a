import ChaosPruneSystem

/// Reads a text file a line at a time, at the byte level, as ``TextLines``
/// splits a whole file: a UTF-8 BOM is skipped, `\n` and `\r\n` end lines
/// alike, a missing final newline changes nothing.
///
/// Memory: the longest line plus one read chunk (1 MiB at most, the file's
/// size if smaller); never the file.
public final class LineReader {
    /// The file name used in messages (`-` for standard input).
    public var path: String { input.path }
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    private let input: ChunkedInput

    /// Opens `path` (`-` for standard input).
    public init(path: String) throws(InputError) {
        do {
            input = try ChunkedInput(path: path, chunk: 1 << 20)
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
    }

    /// The next line without its ending, or nil after the last one.
    public func next() throws(InputError) -> ArraySlice<UInt8>? {
        do {
            try input.skipByteOrderMark()
            while true {
                if let newline = input.buffer[input.start...].firstIndex(of: 10) {
                    return take(upTo: newline, skipping: 1)
                }
                if input.endOfFile {
                    guard input.start < input.end else { return nil }
                    return take(upTo: input.end, skipping: 0)
                }
                input.compact()
                try input.fill()
            }
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
    }

    private func take(upTo end: Int, skipping: Int) -> ArraySlice<UInt8> {
        let from = input.start
        let to = end > from && input.buffer[end - 1] == 13 ? end - 1 : end
        input.start = end + skipping
        lineNumber += 1
        return input.buffer[from..<to]
    }
}
