/// The name of a hidden temporary beside a file or folder:
/// `.<name>.<pid>.<random>.<suffix>`, with `name` cut to its first 64 bytes
/// (on a character boundary), so that the temporary's name stays within the
/// 255 bytes a file name may have whatever the target's name.
enum HiddenSibling {
    /// The most bytes of the target's name the temporary's name keeps.
    static let keptNameBytes = 64

    /// The temporary's path in `folder` (empty, or ending in `/`) for the target `name`.
    static func path(in folder: String, for name: String, suffix: String) -> String {
        var kept = ""
        for character in name {
            guard kept.utf8.count + String(character).utf8.count <= keptNameBytes else { break }
            kept.append(character)
        }
        return "\(folder).\(kept).\(Platform.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).\(suffix)"
    }
}
