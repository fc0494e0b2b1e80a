/// A hidden folder beside a run's output folder where a multi-file run
/// writes; `commit` moves the files into the output folder (created then),
/// so a failed run creates no folder and never leaves a mix of two runs'
/// files behind.
///
/// Postconditions: after `commit(_:)` every committed file is in the output
/// folder, no other file of `names` is, and the staging folder is gone; after `discard()` (or a failure)
/// the output folder is as it was and the staging folder is gone.
public final class StagingFolder {
    /// The output folder.
    public let target: String
    /// The hidden folder written into.
    public let path: String
    /// The names of the files the run may stage.
    public let names: [String]
    /// The staging folder's and the staged files' slots in `InterruptCleanup`.
    private var interruptSlots: [Int?]

    /// Creates `.<name>.<pid>.<random>.staging` (`HiddenSibling`) beside `target` for the output
    /// files `names`; if the process is interrupted before `commit(_:)` or
    /// `discard()`, the signal handler removes them and the folder.
    public init(for target: String, files names: [String]) throws(SystemError) {
        self.target = target
        self.names = names
        var trimmed = target
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let slash = trimmed.lastIndex(of: "/")
        let parent = slash.map { String(trimmed[...$0]) } ?? ""
        let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        let path = HiddenSibling.path(in: parent, for: name, suffix: "staging")
        try Platform.makeFolder(path)
        self.path = path
        interruptSlots = [InterruptCleanup.register(path)] + names.map { InterruptCleanup.register("\(path)/\($0)") }
    }

    /// The staged path of the output file `name`.
    public func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The final path of the output file `name`.
    public func finalPath(_ name: String) -> String { "\(target)/\(name)" }

    /// Creates the output folder, moves the staged files `committed` into it
    /// in order, removes from it the other files of `names` (an earlier run's,
    /// which this run did not write: the folder holds one run's set), and
    /// removes the staging folder. Files of other names are left alone.
    /// Every target is checked before the first move: when one cannot be
    /// replaced (it is a folder), nothing is moved and the folder keeps the
    /// earlier run's set whole.
    public func commit(_ committed: [String]) throws(SystemError) {
        try Platform.makeFolder(target)
        for name in committed where Platform.kind(of: finalPath(name)) == .folder {
            throw SystemError(operation: .write, path: finalPath(name), code: Platform.isAFolderCode)
        }
        for name in committed { try Platform.rename(file(name), to: finalPath(name)) }
        for name in names where !committed.contains(name) { Platform.remove(finalPath(name)) }
        discard()
    }

    /// Removes whatever is still staged and the staging folder.
    public func discard() {
        for name in names { Platform.remove(file(name)) }
        Platform.removeFolder(path)
        interruptSlots.forEach(InterruptCleanup.unregister)
        interruptSlots = []
    }
}
