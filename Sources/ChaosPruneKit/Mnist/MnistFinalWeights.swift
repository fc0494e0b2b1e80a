import ChaosPruneFormats
import ChaosPruneSystem

/// The MNIST network's parameters as a file: a float32 `.npy` of the 41,090
/// values in state_dict order, or a `.pth` state dict that
/// `torch.load(weights_only=True)` reads.
public enum MnistFinalWeights {
    /// Writes `parameters` to `path`, by its extension (`.pth`, else `.npy`); temporary file, then rename.
    public static func write(_ parameters: [Float], to path: String) throws(SystemError) {
        if path.hasSuffix(".pth") {
            try checkpoint(parameters).write(to: path)
        } else {
            try AtomicFileWriter.write(NumpyArrayWriter.float32(parameters, shape: [parameters.count]), to: path)
        }
    }

    /// The state dict of `parameters` (41,090 values in state_dict order).
    public static func checkpoint(_ parameters: [Float]) -> TorchCheckpoint {
        var offset = 0
        return TorchCheckpoint(tensors: MnistLayout.tensors.map { tensor in
            let count = tensor.shape.reduce(1, *)
            defer { offset += count }
            return TorchCheckpoint.Tensor(name: tensor.name, shape: tensor.shape, values: Array(parameters[offset..<(offset + count)]))
        })
    }
}
