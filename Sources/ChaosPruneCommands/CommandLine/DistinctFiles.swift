import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

extension ParsedArguments {
    /// Throws a usage error when two of `options` (file outputs of one run)
    /// name the same file, or one of them names an input — see
    /// ``DistinctFiles``.
    func requireDistinctOutputs(_ options: [Option<String>], inputs: [String] = []) throws(CommandError) {
        var outputs: [(name: String, path: String)] = []
        for option in options {
            if let path = try optional(option) { outputs.append(("--\(option.spec.long)", path)) }
        }
        try DistinctFiles.require(inputs: inputs, outputs: outputs)
    }
}

/// The rule that a run's outputs name files of their own: no two outputs the
/// same file, and no output one of the run's inputs — spelled differently
/// (`./x`, a symbolic link) or not — since the output would silently replace
/// the other output, or the data being read. Only a regular file can be
/// replaced: an input that is a stream, device or FIFO (`-`, `/dev/stdin`, a
/// terminal) may also be written to; standard output (`-`) named twice is a clash.
enum DistinctFiles {
    /// Throws a usage error naming the first clash: outputs (option or role, path) against inputs and earlier outputs.
    static func require(inputs: [String], outputs: [(name: String, path: String)]) throws(CommandError) {
        let read = inputs.filter { if case .regular = Platform.kind(of: $0) { true } else { false } }.map { (path: $0, file: identity($0)) }
        var seen: [(name: String, file: String)] = []
        for output in outputs {
            let file = identity(output.path)
            if output.path != "-", let input = read.first(where: { $0.file == file }) {
                throw .usage("\(output.name) names the input '\(ArgumentText.printable(input.path))': writing it would replace the data being read; give the output another name")
            }
            if let earlier = seen.first(where: { $0.file == file }) {
                throw .usage("\(earlier.name) and \(output.name) name the same file, '\(ArgumentText.printable(output.path))': give each output its own")
            }
            seen.append((output.name, file))
        }
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
