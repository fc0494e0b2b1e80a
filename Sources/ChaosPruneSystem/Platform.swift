#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemCalls

/// The C library, in one place: every system call and C function the package
/// uses goes through here, so this is the only file that imports
/// Glibc/Musl/Darwin. The wrappers add nothing but Swift types; callers get
/// `errno` back as a `SystemError` where a call can fail.
public enum Platform {
    /// Standard input, output and error.
    public static let standardInput: Int32 = 0
    /// Standard output.
    public static let standardOutput: Int32 = 1
    /// Standard error.
    public static let standardError: Int32 = 2

    /// The calling thread's `errno`.
    public static var errorNumber: Int32 { errno }

    /// The C library's text for an `errno` value.
    public static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `open(path, O_RDONLY | O_CLOEXEC)`.
    public static func openForReading(_ path: String) throws(SystemError) -> Int32 {
        let (descriptor, code) = onPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw SystemError(operation: .read, path: path, code: code) }
        return descriptor
    }

    /// `open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)`: a new file, never an existing one.
    public static func createExclusive(_ path: String) throws(SystemError) -> Int32 {
        let (descriptor, code) = onPath(path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
        guard descriptor >= 0 else { throw SystemError(operation: .write, path: path, code: code) }
        return descriptor
    }

    /// An exclusive advisory lock (`flock(LOCK_EX | LOCK_NB)`) on the file `path`,
    /// created if missing: its descriptor, which holds the lock until closed or
    /// the process ends (a killed process leaves no stale lock), or nil when
    /// another process holds it.
    public static func tryLock(_ path: String) throws(SystemError) -> Int32? {
        let (descriptor, code) = onPath(path) { open($0, O_RDWR | O_CREAT | O_CLOEXEC, 0o666) }
        guard descriptor >= 0 else { throw SystemError(operation: .write, path: path, code: code) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            Self.close(descriptor)
            return nil
        }
        return descriptor
    }

    /// `open(path, O_WRONLY | O_APPEND | O_CLOEXEC)`, with `O_CREAT` (mode 0666) when `create`.
    public static func openForAppending(_ path: String, create: Bool = false) throws(SystemError) -> Int32 {
        let (descriptor, code) = onPath(path) { open($0, O_WRONLY | O_APPEND | O_CLOEXEC | (create ? O_CREAT : 0), 0o666) }
        guard descriptor >= 0 else { throw SystemError(operation: .write, path: path, code: code) }
        return descriptor
    }

    /// Creates `path` empty if it is missing, keeping its bytes if present (`O_CREAT | O_APPEND`).
    public static func touch(_ path: String) throws(SystemError) {
        let (descriptor, code) = onPath(path) { open($0, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o666) }
        guard descriptor >= 0 else { throw SystemError(operation: .write, path: path, code: code) }
        close(descriptor)
    }

    /// `close(2)`.
    public static func close(_ descriptor: Int32) { _ = closeDescriptor(descriptor) }

    /// `read(2)` into `buffer` from `offset`, retried on EINTR: bytes read (0 at the end), or the failure.
    public static func read(_ descriptor: Int32, into buffer: inout [UInt8], at offset: Int, count: Int,
                            path: String) throws(SystemError) -> Int {
        while true {
            let result = buffer.withUnsafeMutableBytes { readDescriptor(descriptor, $0.baseAddress! + offset, count) }
            if result >= 0 { return result }
            if errno != EINTR { throw SystemError(operation: .read, path: path, code: errno) }
        }
    }

    /// `pread(2)` of `buffer.count` bytes from `fileOffset`, retried on EINTR
    /// and short reads: bytes read (fewer only at the end of the file), or the failure.
    public static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, atFileOffset fileOffset: Int,
                            path: String) throws(SystemError) -> Int {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(fileOffset + done))
            if result > 0 {
                done += result
            } else if result == 0 {
                break
            } else if errno != EINTR {
                throw SystemError(operation: .read, path: path, code: errno)
            }
        }
        return done
    }

    /// `write(2)` of all of `bytes`, retried on EINTR and short writes.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { writeDescriptor(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError(operation: .write, path: path, code: errno)
            }
            offset += written
        }
    }

    /// `rename(2)`.
    public static func rename(_ from: String, to: String) throws(SystemError) {
        let (result, code) = PathBytes.withCString(to) { target in onPath(from) { renameFile($0, target) } }
        guard result == 0 else { throw SystemError(operation: .write, path: to, code: code) }
    }

    /// Exchanges `a` and `b` in one step (`renameat2(RENAME_EXCHANGE)`): each
    /// then names what the other named. False, changing nothing, where the
    /// system or file system cannot.
    public static func exchange(_ a: String, _ b: String) -> Bool {
        PathBytes.withCString(a) { first in PathBytes.withCString(b) { second in csc_exchange(first, second) } } == 0
    }

    /// `link(2)`: a second name for the file `from` (within one file system); false when it cannot be made.
    public static func link(_ from: String, to: String) -> Bool {
        PathBytes.withCString(from) { source in PathBytes.withCString(to) { target in linkFile(source, target) } } == 0
    }

    /// `unlink(2)`, ignoring failure.
    public static func remove(_ path: String) { _ = PathBytes.withCString(path) { unlink($0) } }

    /// `rmdir(2)` of an empty folder, ignoring failure.
    public static func removeFolder(_ path: String) { _ = PathBytes.withCString(path) { rmdir($0) } }

    /// `mkdir(path, 0777)`, with any missing parents (as `mkdir -p`); an existing folder is fine.
    public static func makeFolder(_ path: String) throws(SystemError) {
        let (made, failure) = onPath(path) { mkdir($0, 0o777) }
        if made == 0 || failure == EEXIST { return }
        var parent = path
        while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
        guard failure == ENOENT, let slash = parent.lastIndex(of: "/"), slash != parent.startIndex else {
            throw SystemError(operation: .createFolder, path: path, code: failure)
        }
        try makeFolder(String(parent[..<slash]))
        let (result, code) = onPath(path) { mkdir($0, 0o777) }
        guard result == 0 || code == EEXIST else { throw SystemError(operation: .createFolder, path: path, code: code) }
    }

    /// Whether `path` itself (not what it points to) is a symbolic link.
    public static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return PathBytes.withCString(path) { lstat($0, &status) } == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// The file a symbolic link finally names (`realpath`), nil when it names nothing that exists.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = PathBytes.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return PathBytes.decode(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// The device and inode of the file `path` names (through symbolic links), nil when it names nothing.
    /// Two names of one file — hard links included — have the same.
    public static func fileNode(_ path: String) -> [UInt64]? {
        var status = stat()
        guard PathBytes.withCString(path, { stat($0, &status) }) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    /// Whether the calling user may write `path` (`access(W_OK)`).
    public static func isWritable(_ path: String) -> Bool { PathBytes.withCString(path) { access($0, W_OK) } == 0 }

    /// The permission bits of `path`, nil when it cannot be examined.
    public static func permissions(of path: String) -> UInt32? {
        var status = stat()
        guard PathBytes.withCString(path, { stat($0, &status) }) == 0 else { return nil }
        return UInt32(status.st_mode) & 0o7777
    }

    /// `fchmod(2)`, ignoring failure (the bytes matter more than the mode).
    public static func setPermissions(_ descriptor: Int32, _ permissions: UInt32) { _ = fchmod(descriptor, mode_t(permissions)) }

    /// The permission failure of `path`, as `errno` EACCES.
    public static func permissionDenied(_ path: String) -> SystemError { SystemError(operation: .write, path: path, code: EACCES) }

    /// `EFBIG`: more bytes than the reader takes.
    public static let tooLargeCode = EFBIG

    /// `EISDIR`: the path names a folder where a file was expected.
    public static let isAFolderCode = EISDIR

    /// The names in a folder (without `.` and `..`).
    public static func folderEntries(_ path: String) throws(SystemError) -> [String] {
        let (opened, code) = onPath(path) { opendir($0) }
        guard let stream = opened else { throw SystemError(operation: .read, path: path, code: code) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { PathBytes.decode($0.prefix { $0 != 0 }) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// What kind of thing a path names.
    public enum FileKind: Sendable, Equatable {
        /// No such path (or it cannot be examined).
        case missing
        /// A regular file of this many bytes.
        case regular(size: Int)
        /// A folder.
        case folder
        /// A device, FIFO, socket or terminal: written directly, never replaced.
        case special
    }

    /// The kind of `path` (following symbolic links).
    public static func kind(of path: String) -> FileKind {
        var status = stat()
        guard PathBytes.withCString(path, { stat($0, &status) }) == 0 else { return .missing }
        return kind(status)
    }

    /// The kind of an open descriptor.
    public static func kind(of descriptor: Int32) -> FileKind {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .missing }
        return kind(status)
    }

    private static func kind(_ status: stat) -> FileKind {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(status.st_size))
        case S_IFDIR: return .folder
        default: return .special
        }
    }

    /// Whether `descriptor` is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

    /// The process id.
    public static var processIdentifier: Int32 { getpid() }

    /// Cores online (at least 1).
    public static var processorsOnline: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// A `pthread_mutex_t` of its own (what ``Locked`` holds).
    package final class PosixMutex {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>

        package init() {
            mutex = .allocate(capacity: 1)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
        }

        deinit {
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        /// `pthread_mutex_lock`.
        package func lock() { pthread_mutex_lock(mutex) }

        /// `pthread_mutex_unlock`.
        package func unlock() { pthread_mutex_unlock(mutex) }
    }

    /// The process's arguments after the program name, each exactly as the
    /// kernel passed it (``PathBytes``): a name that is not UTF-8 still names its file.
    public static var arguments: [String] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return "" }
            return PathBytes.decode(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
        }
    }

    /// The value of an environment variable.
    public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// Installs `handler` for SIGINT, SIGTERM and SIGHUP (it receives the signal number).
    public static func installInterruptHandler(_ handler: @escaping @convention(c) (Int32) -> Void) {
        for number in [SIGINT, SIGTERM, SIGHUP] { _ = signal(number, handler) }
    }

    /// Ignores SIGPIPE and SIGXFSZ, so that a closed pipe or a file-size limit
    /// makes a write fail (EPIPE, EFBIG) and the run end as any failed write
    /// does, its temporaries removed, instead of killing the process.
    public static func ignoreOutputSignals() {
        _ = signal(SIGPIPE, SIG_IGN)
        _ = signal(SIGXFSZ, SIG_IGN)
    }

    /// `unlink(2)` of a C string, for signal handlers.
    public static func unlinkRaw(_ path: UnsafePointer<CChar>) { _ = unlink(path) }

    /// `rmdir(2)` of a C path, ignoring failure: async-signal-safe.
    public static func removeFolderRaw(_ path: UnsafePointer<CChar>) { _ = rmdir(path) }

    /// `_exit(2)`: ends the process at once, for signal handlers.
    public static func exitImmediately(_ status: Int32) -> Never { _exit(status) }

    /// Ends the process with `status`.
    public static func exitProcess(_ status: Int32) -> Never { exit(status) }

    /// The offset of the first `byte` in `[start, start + count)`, or nil.
    @inlinable
    public static func firstIndex(of byte: UInt8, in start: UnsafeRawPointer, count: Int) -> Int? {
        guard count > 0, let found = memchr(start, Int32(byte), count) else { return nil }
        return UnsafeRawPointer(found) - start
    }

    /// C `strtod` on the NUL-terminated text at `start`: the value and where the number ends
    /// (equal to `start` when there is no number).
    @inlinable
    public static func parseDouble(_ start: UnsafePointer<CChar>) -> (value: Double, end: UnsafePointer<CChar>) {
        var after: UnsafeMutablePointer<CChar>?
        let value = strtod(start, &after)
        return (value, after.map { UnsafePointer($0) } ?? start)
    }

    /// C `snprintf` of one double under `format` (such as `%e`, `%.5g`, `%f`) into `buffer`;
    /// returns the length written (at most `capacity − 1`).
    public static func format(_ format: UnsafePointer<CChar>, _ value: Double,
                              into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = withVaList([value]) { vsnprintf(buffer, capacity, format, $0) }
        return Int(min(max(count, 0), Int32(capacity - 1)))
    }
}

/// The C library's mathematical functions, as the reference tools call them.
public enum CMath {
    /// `log`.
    @inlinable public static func log(_ x: Double) -> Double { cLog(x) }
    /// `log1p`.
    @inlinable public static func log1p(_ x: Double) -> Double { cLog1p(x) }
    /// `exp`.
    @inlinable public static func exp(_ x: Double) -> Double { cExp(x) }
    /// `pow`.
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    /// `erf`.
    @inlinable public static func erf(_ x: Double) -> Double { cErf(x) }
    /// `erfc`.
    @inlinable public static func erfc(_ x: Double) -> Double { cErfc(x) }
    /// `rint`: to the nearest integer, halves to even.
    @inlinable public static func rint(_ x: Double) -> Double { cRint(x) }
    /// ln Γ(a), thread-safe (`lgamma_r`).
    @inlinable public static func logGamma(_ a: Double) -> Double { cLogGamma(a) }
    #if arch(x86_64) || arch(i386)
    /// `logl` in the x87 unit's 80-bit precision.
    @inlinable public static func log(_ x: Float80) -> Float80 { cLogExtended(x) }
    #endif
}

@inlinable func cLog(_ x: Double) -> Double { log(x) }
@inlinable func cLog1p(_ x: Double) -> Double { log1p(x) }
@inlinable func cExp(_ x: Double) -> Double { exp(x) }
@inlinable func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inlinable func cErf(_ x: Double) -> Double { erf(x) }
@inlinable func cErfc(_ x: Double) -> Double { erfc(x) }
@inlinable func cRint(_ x: Double) -> Double { rint(x) }
@inlinable func cLogGamma(_ a: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(a, &sign)
}
#if arch(x86_64) || arch(i386)
@inlinable func cLogExtended(_ x: Float80) -> Float80 { logl(x) }
#endif

/// `close(2)`, named apart from `Platform.close`.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
/// `read(2)`, named apart from `Platform.read`.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(descriptor, buffer, count) }
/// `write(2)`, named apart from `Platform.writeAll`.
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
/// `rename(2)`, named apart from `Platform.rename`.
private func renameFile(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 { rename(from, to) }

private func linkFile(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 { link(from, to) }

/// Calls `body` with `path`'s bytes (``PathBytes``) as a C string; returns its
/// result and the `errno` it left, read before anything else can change it.
private func onPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) -> Result) -> (Result, Int32) {
    PathBytes.withCString(path) { (characters) -> (Result, Int32) in
        let result = body(characters)
        return (result, errno)
    }
}
