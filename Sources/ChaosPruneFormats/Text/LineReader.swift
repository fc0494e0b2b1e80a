import ChaosPruneSystem

/// Reads a text file a line at a time, at the byte level, as ``TextLines``
/// splits a whole file: a UTF-8 BOM is skipped, `\n` and `\r\n` end lines
/// alike, a missing final newline changes nothing.
///
/// Memory: the longest line plus one read chunk (1 MiB at most, the file's
/// size if smaller); never the file. A line longer than the reader's bound
/// (an input without line ends, such as `/dev/zero`) is refused, never read
/// without end.
public final class LineReader {
    /// The file name used in messages (`-` for standard input).
    public var path: String { input.path }
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    private let input: ChunkedInput
    private let longestLine: Int

    /// Opens `path` (`-` for standard input); lines may be up to `longestLine` bytes.
    public init(path: String, longestLine: Int = NumericCSVReader.longestLine) throws(InputError) {
        self.longestLine = longestLine
        do {
            input = try ChunkedInput(path: path, chunk: 1 << 20)
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
    }

    /// The next line without its ending, or nil after the last one.
    ///
    /// - Throws: `InputError` when the input cannot be read, or a line passes the reader's bound.
    public func next() throws(InputError) -> ArraySlice<UInt8>? {
        do {
            try input.skipByteOrderMark()
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
        // Bytes after `input.start` already searched for a line end: each byte is searched once, so a
        // line without an end costs time in proportion to its length up to the bound, not its square.
        var searched = 0
        while true {
            if let newline = input.buffer[(input.start + searched)...].firstIndex(of: 10) {
                return take(upTo: newline, skipping: 1)
            }
            searched = input.buffer.count - input.start
            if input.endOfFile {
                guard input.start < input.end else { return nil }
                return take(upTo: input.end, skipping: 0)
            }
            guard input.end - input.start <= longestLine else {
                throw InputError(file: path, line: lineNumber + 1, message: "more than \(longestLine >> 20) MiB without a line end")
            }
            input.compact()
            do {
                try input.fill()
            } catch {
                throw InputError(file: path, message: "cannot read: \(error.reason)")
            }
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
