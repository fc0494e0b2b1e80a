import ChaosPruneSystem

/// Reads a text file a line at a time, at the byte level, as ``TextLines``
/// splits a whole file: a UTF-8 BOM is skipped, `\n` and `\r\n` end lines
/// alike, a missing final newline changes nothing.
///
/// Memory: the longest line plus one read chunk (1 MiB); never the file.
public final class LineReader {
    /// The file name used in messages (`-` for standard input).
    public let path: String
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var endOfFile = false
    private var checkedByteOrderMark = false
    private static let chunk = 1 << 20

    /// Opens `path` (`-` for standard input).
    public init(path: String) throws(CSVError) {
        self.path = path
        if path == "-" {
            descriptor = Platform.standardInput
        } else {
            do {
                descriptor = try Platform.openForReading(path)
            } catch {
                throw CSVError(file: path, message: "cannot read: \(error.reason)")
            }
        }
    }

    deinit {
        if descriptor != Platform.standardInput { Platform.close(descriptor) }
    }

    /// The next line without its ending, or nil after the last one.
    public func next() throws(CSVError) -> ArraySlice<UInt8>? {
        while true {
            if !checkedByteOrderMark, buffer.count - start >= 3 || endOfFile {
                checkedByteOrderMark = true
                if buffer[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
            }
            if checkedByteOrderMark, let newline = buffer[start...].firstIndex(of: 10) {
                return take(upTo: newline, skipping: 1)
            }
            if endOfFile {
                guard start < buffer.count else { return nil }
                return take(upTo: buffer.count, skipping: 0)
            }
            try fill()
        }
    }

    private func take(upTo end: Int, skipping: Int) -> ArraySlice<UInt8> {
        let from = start
        let to = end > from && buffer[end - 1] == 13 ? end - 1 : end
        start = end + skipping
        lineNumber += 1
        return buffer[from..<to]
    }

    private func fill() throws(CSVError) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
        let count: Int
        do {
            count = try Platform.read(descriptor, into: &buffer, at: old, count: Self.chunk, path: path)
        } catch {
            throw CSVError(file: path, message: "cannot read: \(error.reason)")
        }
        buffer.removeLast(Self.chunk - count)
        if count == 0 { endOfFile = true }
    }
}
