/// An advisory lock of a folder that one run at a time may write:
/// `flock` on `.<name>.<suffix>` beside it (the name cut to 64 bytes as the hidden
/// temporaries cut it), held until the lock is released or the process ends — the
/// system releases it even when the process is killed, so no stale lock
/// outlives its run. The lock file itself stays.
public final class FolderLock {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// The lock file of `folder`.
    public static func path(beside folder: String, suffix: String) -> String {
        let (parent, name) = HiddenSibling.split(folder)
        return "\(parent).\(HiddenSibling.kept(name)).\(suffix)"
    }

    /// Takes the lock of `folder`, nil when another process holds it.
    ///
    /// - Throws: `SystemError` when the lock file cannot be opened.
    public init?(beside folder: String, suffix: String) throws(SystemError) {
        path = Self.path(beside: folder, suffix: suffix)
        guard let descriptor = try Platform.tryLock(path) else { return nil }
        self.descriptor = descriptor
    }

    deinit { Platform.close(descriptor) }
}
