/// Temporary files and folders to remove when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP), so a stopped run leaves neither half-written
/// temporaries nor a staging folder behind, nor a damaged output: the
/// previous output is only ever replaced by a rename.
///
/// The handler only unlinks every registered path, then removes those that
/// are (now empty) folders (both async-signal-safe), and ends the process
/// with 128 + the signal number (130, 143, 129), as shells expect.
/// Paths live in a fixed table of C strings, so registering costs no lock in
/// the handler.
public enum InterruptCleanup {
    /// How many temporary paths may be registered at once.
    package static let capacity = 256
    nonisolated(unsafe) package static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    package static let lock = Locked(())

    /// Installs the handlers (once, at program start).
    public static func install() {
        _ = slots
        Platform.installInterruptHandler(removeTemporariesAndExit)
    }

    /// Registers `path`; returns its slot for `unregister` (nil when the table is full).
    package static func register(_ path: String) -> Int? {
        lock.withLock { _ in
            guard let index = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
            slots[index] = strdupCopy(path)
            return index
        }
    }

    /// Forgets slot `index`.
    package static func unregister(_ index: Int?) {
        guard let index else { return }
        lock.withLock { _ in
            let path = slots[index]
            slots[index] = nil
            path?.deallocate()
        }
    }

    /// A NUL-terminated copy of the bytes `text` names (``PathBytes``).
    private static func strdupCopy(_ text: String) -> UnsafeMutablePointer<CChar> {
        let bytes = PathBytes.encode(text) + [0]
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        return copy
    }
}

/// The signal handler: unlinks every registered temporary, then removes the
/// registered folders they emptied, and ends with 128 + the signal.
private func removeTemporariesAndExit(_ signal: Int32) {
    let slots = InterruptCleanup.slots
    for index in 0..<InterruptCleanup.capacity {
        if let path = slots[index] { Platform.unlinkRaw(path) }
    }
    for index in 0..<InterruptCleanup.capacity {
        if let path = slots[index] { Platform.removeFolderRaw(path) }
    }
    Platform.exitImmediately(128 + signal)
}
