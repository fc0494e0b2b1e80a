import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

extension ParsedArguments {
    /// Throws a usage error when two of `options` (file outputs of one run)
    /// name the same file, or one of them names an input — see
    /// ``DistinctFiles``.
    /// `sidecarOf` names the option (among `options`) whose file gets a
    /// window_LE sidecar beside it: the sidecar is an output too.
    func requireDistinctOutputs(_ options: [Option<String>], inputs: [String] = [], sidecarOf: Option<String>? = nil) throws(CommandError) {
        var outputs: [(name: String, path: String)] = []
        for option in options {
            guard let path = try optional(option) else { continue }
            outputs.append(("--\(option.spec.long)", path))
            if option.spec.long == sidecarOf?.spec.long { outputs += DistinctFiles.sidecar(of: path, role: "--\(option.spec.long)") }
        }
        try DistinctFiles.require(inputs: inputs, outputs: outputs)
    }
}

/// The rule that a run's outputs name files of their own: no two outputs the
/// same file, and no output one of the run's inputs — spelled differently
/// (`./x`, a symbolic link, a hard link: the same device and inode) or not — since the output would silently replace
/// the other output, or the data being read. Implied files count: the
/// sidecar written beside a window_LE output, the sidecars read beside
/// window_LE inputs, the files of a run folder, `--acc`. Only a regular file can be
/// replaced: an input that is a stream, device or FIFO (`-`, `/dev/stdin`, a
/// terminal) may also be written to; standard output (`-`) named twice is a clash.
enum DistinctFiles {
    /// Throws a usage error naming the first clash: outputs (option or role, path) against inputs and earlier outputs.
    static func require(inputs: [String], outputs: [(name: String, path: String)]) throws(CommandError) {
        let read = inputs.filter { if case .regular = Platform.kind(of: $0) { true } else { false } }.map { (path: $0, file: identity($0), node: Platform.fileNode($0)) }
        var seen: [(name: String, file: String)] = []
        for output in outputs {
            let file = identity(output.path)
            let node = Platform.fileNode(output.path)
            if output.path != "-", let input = read.first(where: { $0.file == file || (node != nil && $0.node == node) }) {
                throw .usage("\(output.name) names the input '\(ArgumentText.printable(input.path))': writing it would replace the data being read; give the output another name")
            }
            if let earlier = seen.first(where: { $0.file == file }) {
                throw .usage("\(earlier.name) and \(output.name) name the same file, '\(ArgumentText.printable(output.path))': give each output its own")
            }
            seen.append((output.name, file))
        }
    }

    /// Throws a usage error when one of `inputs` lies inside one of `folders`,
    /// folders the run fills with files of its own names.
    static func requireOutside(inputs: [String], folders: [(name: String, path: String)]) throws(CommandError) {
        for input in inputs {
            guard case .regular = Platform.kind(of: input) else { continue }
            let file = identity(input)
            if let folder = folders.first(where: { file.hasPrefix(identity($0.path) + "/") }) {
                throw .usage("\(folder.name) is filled by this run, but holds the input '\(ArgumentText.printable(input))': move the input or choose another folder")
            }
        }
    }

    /// The window_LE sidecar written beside the output `path`, when one is.
    static func sidecar(of path: String, role: String) -> [(name: String, path: String)] {
        WindowSidecar.belongsBeside(path) ? [("\(role)'s sidecar", WindowSidecar.path(for: path))] : []
    }

    /// The inputs `paths` with the window_LE sidecars beside them that a run reads.
    static func withSidecars(_ paths: [String]) -> [String] {
        paths.flatMap { path in path == "-" ? [path] : [path, WindowSidecar.path(for: path)] }
    }

    /// The file `path` names: resolved through symbolic links where it
    /// exists, else its resolved folder and its name.
    private static func identity(_ path: String) -> String {
        if let resolved = Platform.resolvedPath(path) { return resolved }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (Platform.resolvedPath(folder) ?? folder) + "/" + name
    }
}
