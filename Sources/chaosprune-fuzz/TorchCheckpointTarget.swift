import ChaosPruneFormats

/// The `.pth` reader: the zip container, the state-dict pickle and the
/// tensors' storages; what it reads must survive a write and a second read.
/// Half of the inputs are taken as the whole file, half as the `data.pkl` of
/// a well-formed zip (with storages `0`…`5` of 4 values each), so that
/// mutated pickles reach the unpickler past the CRC-32 check.
enum TorchCheckpointTarget {
    static func run(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let file: [UInt8]
        if mode & 1 == 0 {
            file = Array(bytes.dropFirst())
        } else {
            let storage = [UInt8](repeating: 0x3F, count: 16)
            file = TorchCheckpointWriter.zip([("f/data.pkl", Array(bytes.dropFirst()))] + (0..<6).map { ("f/data/\($0)", storage) })
        }
        guard let checkpoint = try? TorchCheckpoint.read(file, name: "fuzz.pth") else { return }
        let written = TorchCheckpointWriter.bytes(of: checkpoint, folder: "fuzz")
        guard let again = try? TorchCheckpoint.read(written, name: "again.pth") else { fatalError("a checkpoint read once is refused after a write") }
        precondition(again.tensors.map(\.name) == checkpoint.tensors.map(\.name) && again.tensors.map(\.shape) == checkpoint.tensors.map(\.shape)
                     && again.flatValues.map(\.bitPattern) == checkpoint.flatValues.map(\.bitPattern), "a write changed the checkpoint")
    }
}
