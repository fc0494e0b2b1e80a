#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain access to the process's standard streams, without Foundation.
public enum StandardStreams {
    /// Writes `text` to standard error, as it is (add the newline yourself).
    public static func error(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Reads standard input to its end, or the system's reason for failing.
    public static func readInput() -> Result<[UInt8], AtomicFileWriter.Failure> {
        readAll(descriptor: STDIN_FILENO, path: "stdin")
    }

    /// Whether standard error is a terminal (for progress displays).
    public static var errorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Reads a whole file, or nil with the system's reason.
    public static func readFile(_ path: String) -> Result<[UInt8], AtomicFileWriter.Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(AtomicFileWriter.Failure(path: path, reason: String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        return readAll(descriptor: descriptor, path: path)
    }

    /// Everything up to the end of `descriptor`; a read error is a failure, never a silently short result.
    private static func readAll(descriptor: Int32, path: String) -> Result<[UInt8], AtomicFileWriter.Failure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return .failure(AtomicFileWriter.Failure(path: path, reason: String(cString: strerror(errno)))) }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Whether `path` names an existing file (not a folder).
    public static func fileExists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFDIR
    }
}
