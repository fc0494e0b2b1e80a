/// Whole-file reading: a file's bytes, or the system's reason for failing.
///
/// A read error is a failure, never a silently short result.
public enum FileContents {
    /// The bytes of `path` (`-` for standard input).
    public static func read(_ path: String) throws(SystemError) -> [UInt8] {
        if path == "-" { return try StandardStreams.readInput() }
        let descriptor = try Platform.openForReading(path)
        defer { Platform.close(descriptor) }
        return try readAll(descriptor: descriptor, path: path)
    }

    /// The most bytes a stream (standard input, a FIFO, a device) read whole
    /// may hold: 256 MiB. A regular file is bounded by its size instead.
    public static let streamLimit = 1 << 28

    /// Everything up to the end of `descriptor` (1 MiB reads; no more than a
    /// regular file has left); a stream that goes on past ``streamLimit``
    /// bytes (`/dev/zero`) is refused as too large (EFBIG) instead of read without end.
    public static func readAll(descriptor: Int32, path: String) throws(SystemError) -> [UInt8] {
        let input = ChunkedInput(descriptor: descriptor, path: path, chunk: 1 << 20)
        while !input.endOfFile {
            try input.fill()
            if input.totalBytes == nil, input.buffer.count > streamLimit {
                throw SystemError(operation: .read, path: path, code: Platform.tooLargeCode)
            }
        }
        return input.buffer
    }

    /// Whether `path` names an existing file (anything but a folder).
    public static func exists(_ path: String) -> Bool {
        switch Platform.kind(of: path) {
        case .missing, .folder: return false
        case .regular, .special: return true
        }
    }
}
