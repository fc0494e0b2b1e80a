import ChaosPruneSystem

/// The file the path-taking readers are fuzzed through: the input's bytes,
/// written to a per-process path in `/dev/shm` (or `/tmp`).
enum ScratchFile {
    /// The scratch file's path.
    static let path: String = {
        let folder = FileContents.exists("/dev/shm") ? "/dev/shm" : "/tmp"
        return "\(folder)/chaosprune-fuzz-\(Platform.processIdentifier).input"
    }()

    /// Writes `bytes` to the scratch file (its path plus `suffix`) and returns that path.
    static func holding(_ bytes: [UInt8], suffix: String = "") -> String {
        let path = self.path + suffix
        do {
            Platform.remove(path)
            let descriptor = try Platform.createExclusive(path)
            defer { Platform.close(descriptor) }
            try Platform.writeAll(descriptor, bytes, path: path)
        } catch {
            StandardStreams.error("chaosprune-fuzz: cannot write \(path): \(error.reason)\n")
            Platform.exitProcess(1)
        }
        return path
    }
}
