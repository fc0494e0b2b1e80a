/// A file (or standard input) read into one byte buffer a chunk at a time,
/// for the readers that split text at byte level.
///
/// The bytes not yet consumed run from `start` to `end`; `compact()` moves
/// them to the front. A regular file is never asked for more than it has left
/// (plus one byte, to see its end even if it grew), so a small file costs a
/// small buffer whatever the chunk size.
///
/// Postconditions: after `endOfFile`, `buffer[start..<end]` holds every
/// unconsumed byte of the input, followed by `terminator` when one was given
/// (a NUL, for C functions that read up to it).
public final class ChunkedInput {
    /// The file name used in messages (`-` for standard input).
    public let path: String
    /// The file's size in bytes, where known (a regular file).
    public let totalBytes: Int?
    /// The bytes read and not yet dropped by `compact()`.
    public private(set) var buffer: [UInt8] = []
    /// Offset of the first unconsumed byte in `buffer`.
    public var start = 0
    /// Bytes of the input consumed so far (a skipped byte-order mark included).
    public var bytesConsumed: Int { bytesDropped + start }
    /// Whether the input is exhausted (then `terminator`, if any, ends `buffer`).
    public private(set) var endOfFile = false

    private let descriptor: Int32
    private let owned: Bool
    private let chunk: Int
    private let terminator: UInt8?
    private var bytesFilled = 0
    private var bytesDropped = 0
    private var checkedByteOrderMark = false

    /// Opens `path` (`-` for standard input), to be read `chunk` bytes at a time at most.
    public convenience init(path: String, chunk: Int, terminator: UInt8? = nil) throws(SystemError) {
        if path == "-" {
            self.init(descriptor: Platform.standardInput, path: path, chunk: chunk, terminator: terminator)
        } else {
            self.init(descriptor: try Platform.openForReading(path), path: path, chunk: chunk, terminator: terminator, owned: true)
        }
    }

    /// Reads the open `descriptor` (closed at the end when `owned`); `path` names it in messages.
    public init(descriptor: Int32, path: String, chunk: Int, terminator: UInt8? = nil, owned: Bool = false) {
        self.path = path
        self.descriptor = descriptor
        self.owned = owned
        self.chunk = chunk
        self.terminator = terminator
        if case let .regular(size) = Platform.kind(of: descriptor) { totalBytes = size } else { totalBytes = nil }
    }

    deinit {
        if owned { Platform.close(descriptor) }
    }

    /// The end of the input's bytes in `buffer` (before the terminator).
    public var end: Int { buffer.count - (endOfFile && terminator != nil ? 1 : 0) }

    /// On the first call, skips a UTF-8 byte-order mark at the start of the
    /// input (reading as far as needed to see it).
    public func skipByteOrderMark() throws(SystemError) {
        guard !checkedByteOrderMark else { return }
        while end - start < 3, !endOfFile { try fill() }
        checkedByteOrderMark = true
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF { start += 3 }
    }

    /// Reads one more chunk after the bytes held; at the end of the input sets
    /// `endOfFile` and appends the terminator.
    public func fill() throws(SystemError) {
        guard !endOfFile else { return }
        let old = buffer.count
        let size = totalBytes.map { bytesFilled <= $0 ? min(chunk, $0 - bytesFilled + 1) : chunk } ?? chunk
        buffer.append(contentsOf: repeatElement(0, count: size))
        let count = try Platform.read(descriptor, into: &buffer, at: old, count: size, path: path)
        buffer.removeLast(size - count)
        bytesFilled += count
        if count == 0 {
            endOfFile = true
            if let terminator { buffer.append(terminator) }
        }
    }

    /// Drops the consumed bytes, keeping the unconsumed ones at the front.
    public func compact() {
        guard start > 0 else { return }
        buffer.removeFirst(start)
        bytesDropped += start
        start = 0
    }
}
