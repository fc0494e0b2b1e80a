import ChaosPruneSystem

extension ParsedArguments {
    /// Throws a usage error when two of `options` (file outputs of one run)
    /// name the same file — spelled differently (`./x`, a symbolic link) or
    /// not — since one would silently replace the other.
    func requireDistinctOutputs(_ options: [Option<String>]) throws(CommandError) {
        var seen: [(option: String, file: String)] = []
        for option in options {
            guard let path = try optional(option) else { continue }
            let file = Self.fileIdentity(path)
            if let earlier = seen.first(where: { $0.file == file }) {
                throw .usage("--\(earlier.option) and --\(option.spec.long) name the same file, '\(path)': give each output its own")
            }
            seen.append((option.spec.long, file))
        }
    }

    /// The file `path` names: resolved through symbolic links where it
    /// exists, else its resolved folder and its name.
    private static func fileIdentity(_ path: String) -> String {
        if let resolved = Platform.resolvedPath(path) { return resolved }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (Platform.resolvedPath(folder) ?? folder) + "/" + name
    }
}
