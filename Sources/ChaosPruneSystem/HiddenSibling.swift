/// The name of a hidden temporary beside a file or folder:
/// `.<name>.<pid>.<random>.<suffix>`, with `name` cut to its first 64 bytes
/// (on a character boundary), so that the temporary's name stays within the
/// 255 bytes a file name may have whatever the target's name.
enum HiddenSibling {
    /// The most bytes of the target's name the temporary's name keeps.
    static let keptNameBytes = 64

    /// The temporary's path in `folder` (empty, or ending in `/`) for the target `name`.
    static func path(in folder: String, for name: String, suffix: String) -> String {
        "\(folder).\(kept(name)).\(Platform.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).\(suffix)"
    }

    /// The first `keptNameBytes` bytes of `name`, on a character boundary.
    static func kept(_ name: String) -> String {
        var kept = ""
        for character in name {
            guard kept.utf8.count + String(character).utf8.count <= keptNameBytes else { break }
            kept.append(character)
        }
        return kept
    }

    /// `target` (a file or folder, trailing slashes ignored) as its folder
    /// (empty, or ending in `/`) and its name.
    static func split(_ target: String) -> (folder: String, name: String) {
        var trimmed = target
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let slash = trimmed.lastIndex(of: "/")
        return (slash.map { String(trimmed[...$0]) } ?? "", slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed)
    }
}
