import ChaosPruneFormats

/// The `.pth` reader: the zip container, the state-dict pickle and the
/// tensors' storages; what it reads must survive a write and a second read.
enum TorchCheckpointTarget {
    static func run(_ bytes: [UInt8]) {
        guard let checkpoint = try? TorchCheckpoint.read(bytes, name: "fuzz.pth") else { return }
        let written = TorchCheckpointWriter.bytes(of: checkpoint, folder: "fuzz")
        guard let again = try? TorchCheckpoint.read(written, name: "again.pth") else { fatalError("a checkpoint read once is refused after a write") }
        precondition(again.tensors.map(\.name) == checkpoint.tensors.map(\.name) && again.tensors.map(\.shape) == checkpoint.tensors.map(\.shape)
                     && again.flatValues.map(\.bitPattern) == checkpoint.flatValues.map(\.bitPattern), "a write changed the checkpoint")
    }
}
