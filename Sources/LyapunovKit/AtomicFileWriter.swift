#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file whole or not at all: bytes go to a temporary file in the
/// target's folder, which `commit()` renames over the target.
///
/// Targets that are not regular files (`/dev/stdout`, a FIFO, a terminal) and
/// the name `-` (standard output) are written directly, since they cannot be
/// replaced by a rename.
///
/// Postconditions: after `commit()` the target holds exactly the bytes written;
/// after `abandon()` (or deinitialisation without commit) the target is untouched
/// and no temporary file is left.
public final class AtomicFileWriter {
    /// A failure to create, write or rename, with the path and the system's reason.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file concerned.
        public var path: String
        /// What went wrong.
        public var reason: String

        /// "cannot write PATH: REASON".
        public var message: String { "cannot write \(path): \(reason)" }

        /// The same as `message`.
        public var description: String { message }
    }

    /// The target path.
    public let path: String
    private let temporaryPath: String?
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false

    /// Opens a writer for `path` (`-` for standard output).
    public init(path: String) throws(Failure) {
        self.path = path
        if path == "-" {
            temporaryPath = nil
            descriptor = STDOUT_FILENO
            return
        }
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            temporaryPath = nil
            descriptor = open(path, O_WRONLY | O_APPEND)
        } else {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[...$0]) } ?? ""
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            let temporary = "\(folder).\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            temporaryPath = temporary
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { abandon() }

    /// Appends `bytes` (buffered).
    public func write(_ bytes: some Collection<UInt8>) throws(Failure) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes out the buffer, closes and renames the temporary file over the target.
    public func commit() throws(Failure) {
        try flush()
        finished = true
        if let temporaryPath {
            close(descriptor)
            guard rename(temporaryPath, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporaryPath)
                throw Failure(path: path, reason: reason)
            }
        } else if descriptor != STDOUT_FILENO {
            close(descriptor)
        }
    }

    /// Discards everything written; the target is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        if let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        } else if descriptor != STDOUT_FILENO {
            close(descriptor)
        }
    }

    private func flush() throws(Failure) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                abandon()
                throw Failure(path: path, reason: reason)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to `path` whole or not at all.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(bytes)
        try writer.commit()
    }
}

/// The C library's `write(2)`, named apart from the writer's own `write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
