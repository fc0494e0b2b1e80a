/// Writes a file whole or not at all: bytes go to a temporary file in the
/// target's folder, which `commit()` renames over the target.
///
/// Targets that are not regular files (`/dev/stdout`, a FIFO, a terminal) and
/// the name `-` (standard output) are written directly, since they cannot be
/// replaced by a rename.
///
/// Memory: a 1 MiB buffer; larger outputs are written through in chunks.
///
/// Postconditions: after `commit()` the target holds exactly the bytes written;
/// after `abandon()` (or deinitialisation without commit) the target is untouched
/// and no temporary file is left.
public final class AtomicFileWriter {
    /// The target path.
    public let path: String
    private let temporaryPath: String?
    private var renameTarget: String?
    private var interruptSlot: Int?
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    private var closed = false

    /// Opens a writer for `path` (`-` for standard output).
    ///
    /// How the target is treated (the rule the FilesAndFailures article states):
    /// - `-`, the names of open descriptors (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
    ///   `/proc/self/fd/N`), devices, FIFOs and sockets are written directly, never replaced;
    /// - a symbolic link is written through: the file it names is replaced, the link stays;
    /// - an existing file the user may not write is refused (EACCES), as `cp` refuses it;
    /// - a replaced file keeps its permission bits;
    /// - a folder is refused (EISDIR) here, before anything is written, not when renaming.
    public init(path: String) throws(SystemError) {
        self.path = path
        if path == "-" {
            temporaryPath = nil
            descriptor = Platform.standardOutput
            return
        }
        if Self.namesAStream(path) || Platform.kind(of: path) == .special {
            temporaryPath = nil
            descriptor = try Platform.openForAppending(path)
            return
        }
        let target = Platform.isSymbolicLink(path) ? Platform.resolvedPath(path) ?? path : path
        let kind = Platform.kind(of: target)
        if kind == .folder { throw SystemError(operation: .write, path: path, code: Platform.isAFolderCode) }
        let existing = kind != .missing
        if existing, !Platform.isWritable(target) { throw Platform.permissionDenied(path) }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let temporary = HiddenSibling.path(in: folder, for: name, suffix: "tmp")
        temporaryPath = temporary
        renameTarget = target
        do {
            descriptor = try Platform.createExclusive(temporary)
        } catch {
            throw SystemError(operation: .write, path: path, code: error.code)
        }
        if existing, let permissions = Platform.permissions(of: target) { Platform.setPermissions(descriptor, permissions) }
        interruptSlot = InterruptCleanup.register(temporary)
    }

    /// Whether `path` names an open descriptor rather than a file to replace.
    public static func namesAStream(_ path: String) -> Bool {
        path == "/dev/stdout" || path == "/dev/stderr" || path.hasPrefix("/dev/fd/")
            || (path.hasPrefix("/proc/") && path.contains("/fd/"))
    }

    /// Opens `path` for appending (created if missing), as the authors' writer
    /// appends — into a copy: the temporary file starts with the target's
    /// bytes, and `commit()` renames it over the target, so a run that fails
    /// or is stopped leaves the target's previous bytes. A stream or device is
    /// written directly, as ``init(path:)`` writes it.
    public convenience init(appendingTo path: String) throws(SystemError) {
        try self.init(path: path)
        guard let target = renameTarget, case .regular = Platform.kind(of: target) else { return }
        let source = try Platform.openForReading(target)
        defer { Platform.close(source) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try Platform.read(source, into: &chunk, at: 0, count: chunk.count, path: target)
            if count == 0 { break }
            try write(chunk[..<count])
        }
    }

    deinit { abandon() }

    /// Appends `bytes` (buffered; written through once a chunk is full).
    public func write(_ bytes: some Collection<UInt8>) throws(SystemError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) throws(SystemError) {
        try write(text.utf8)
    }

    /// Writes out the buffer and closes the temporary file, keeping it for
    /// `commit()` (or `abandon()`): a run that writes many files holds one
    /// open at a time. Nothing may be written after it. A stream is left open.
    public func closeTemporaryFile() throws(SystemError) {
        try flush()
        guard temporaryPath != nil, !closed else { return }
        Platform.close(descriptor)
        closed = true
    }

    /// Writes out the buffer, closes and renames the temporary file over the target.
    public func commit() throws(SystemError) {
        try flush()
        finished = true
        if let temporaryPath {
            if !closed { Platform.close(descriptor) }
            defer { InterruptCleanup.unregister(interruptSlot) }
            do {
                try Platform.rename(temporaryPath, to: renameTarget ?? path)
            } catch {
                Platform.remove(temporaryPath)
                throw error
            }
        } else if descriptor != Platform.standardOutput {
            Platform.close(descriptor)
        }
    }

    /// Discards everything written; the target is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        if let temporaryPath {
            if !closed { Platform.close(descriptor) }
            Platform.remove(temporaryPath)
            InterruptCleanup.unregister(interruptSlot)
        } else if descriptor != Platform.standardOutput {
            Platform.close(descriptor)
        }
    }

    private func flush() throws(SystemError) {
        do {
            try Platform.writeAll(descriptor, buffer, path: path)
        } catch {
            abandon()
            throw error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Commits `writers` as one: every buffer is written out first, and only
    /// when all have been are the temporaries renamed over their targets; a
    /// failure before that abandons them all, so no target is replaced.
    public static func commitAll(_ writers: [AtomicFileWriter]) throws(SystemError) {
        do {
            for writer in writers { try writer.flush() }
        } catch {
            for writer in writers { writer.abandon() }
            throw error
        }
        for writer in writers { try writer.commit() }
    }

    /// Writes `bytes` to `path` whole or not at all.
    public static func write(_ bytes: [UInt8], to path: String) throws(SystemError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(bytes)
        try writer.commit()
    }
}
