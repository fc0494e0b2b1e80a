/// A hidden folder beside a run's output folder where a multi-file run
/// writes; `commit` moves the files into the output folder (created then),
/// so a failed run creates no folder and never leaves a mix of two runs'
/// files behind.
///
/// Postconditions: after `commit(_:)` every named file is in the output
/// folder and the staging folder is gone; after `discard()` (or a failure)
/// the output folder is as it was and the staging folder is gone.
public final class StagingFolder {
    /// The output folder.
    public let target: String
    /// The hidden folder written into.
    public let path: String

    /// Creates `.<name>.<pid>.<random>.staging` beside `target`.
    public init(for target: String) throws(SystemError) {
        self.target = target
        var trimmed = target
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let slash = trimmed.lastIndex(of: "/")
        let parent = slash.map { String(trimmed[...$0]) } ?? ""
        let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        path = "\(parent).\(name).\(Platform.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).staging"
        try Platform.makeFolder(path)
    }

    /// The staged path of the output file `name`.
    public func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The final path of the output file `name`.
    public func finalPath(_ name: String) -> String { "\(target)/\(name)" }

    /// Creates the output folder and moves the staged files `names` into it, in order.
    public func commit(_ names: [String]) throws(SystemError) {
        try Platform.makeFolder(target)
        for name in names { try Platform.rename(file(name), to: finalPath(name)) }
        Platform.removeFolder(path)
    }

    /// Removes the staged files `names` and the staging folder.
    public func discard(_ names: [String]) {
        for name in names { Platform.remove(file(name)) }
        Platform.removeFolder(path)
    }
}
