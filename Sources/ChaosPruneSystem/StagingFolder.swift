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
        let (parent, name) = HiddenSibling.split(target)
        let path = HiddenSibling.path(in: parent, for: name, suffix: "staging")
        try Platform.makeFolder(path)
        self.path = path
        interruptSlots = [InterruptCleanup.register(path)] + names.map { InterruptCleanup.register("\(path)/\($0)") }
    }

    /// The staged path of the output file `name`.
    public func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The final path of the output file `name`.
    public func finalPath(_ name: String) -> String { "\(target)/\(name)" }

    /// Creates the output folder and puts the staged files `committed` in it
    /// in place of the earlier run's set: the other files of `names` (an
    /// earlier run's, which this run did not write) go, so the folder holds
    /// one run's set; entries of other names stay. Every target is checked
    /// first: when one cannot be replaced (it is a folder), nothing changes.
    ///
    /// In one step where the system allows (Linux `renameat2`): the output
    /// folder's other files get a second name in the staging folder, the two
    /// folders are exchanged, its subfolders are moved back and the earlier set
    /// is removed with the old folder — so even a SIGKILL leaves the earlier
    /// run's set or the new one, never a mix. Elsewhere (another system, a
    /// file system without the exchange, an output folder reached through a
    /// symbolic link) the files are moved in one by one.
    public func commit(_ committed: [String]) throws(SystemError) {
        try Platform.makeFolder(target)
        for name in committed where Platform.kind(of: finalPath(name)) == .folder {
            throw SystemError(operation: .write, path: finalPath(name), code: Platform.isAFolderCode)
        }
        for name in names where !committed.contains(name) { Platform.remove(file(name)) }
        if try exchangeFolders(committed) { return }
        for name in committed { try Platform.rename(file(name), to: finalPath(name)) }
        for name in names where !committed.contains(name) { Platform.remove(finalPath(name)) }
        discard()
    }

    /// The one-step commit; false (with the staging folder as it was) where the folders cannot be exchanged.
    private func exchangeFolders(_ committed: [String]) throws(SystemError) -> Bool {
        // A symbolic link to the folder is not exchanged (the link would move, not the folder it names).
        let (parent, name) = HiddenSibling.split(target)
        guard !Platform.isSymbolicLink(parent + name) else { return false }
        var linked: [String] = [], folders: [String] = []
        for name in try Platform.folderEntries(target) where !committed.contains(name) {
            let isFolder = Platform.kind(of: finalPath(name)) == .folder
            if names.contains(name), !isFolder { continue }
            if isFolder {
                folders.append(name)
            } else if Platform.link(finalPath(name), to: file(name)) {
                linked.append(name)
            } else {
                linked.forEach { Platform.remove(file($0)) }
                return false
            }
        }
        guard Platform.exchange(path, target) else {
            linked.forEach { Platform.remove(file($0)) }
            return false
        }
        // `path` now holds the earlier folder: its subfolders go back, the rest with it.
        var failure: SystemError?
        for name in folders {
            do {
                try Platform.rename(file(name), to: finalPath(name))
            } catch {
                failure = failure ?? error
            }
        }
        for name in names + linked { Platform.remove(file(name)) }
        Platform.removeFolder(path)
        interruptSlots.forEach(InterruptCleanup.unregister)
        interruptSlots = []
        if let failure { throw failure }
        return true
    }

    /// Removes whatever is still staged and the staging folder.
    public func discard() {
        for name in names { Platform.remove(file(name)) }
        Platform.removeFolder(path)
        interruptSlots.forEach(InterruptCleanup.unregister)
        interruptSlots = []
    }
}
