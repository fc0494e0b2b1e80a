import ChaosPruneFormats

/// The MNIST network's initial parameters: torch's default `nn.Linear`
/// initialisation for a seed, computed natively, or a `.pth` checkpoint.
///
/// Mirrors (torch's `kaiming_uniform_(a=√5)` and the bias's uniform bound):
/// every parameter takes one 32-bit output of ``TorchGenerator`` in
/// parameter order; the bound is √3·gain/√fan_in with gain = √(2/(1+a²)) for a
/// weight, 1/√fan_in for a bias, in double; with from = float32(−bound), to =
/// float32(bound) and x = (r AND 0xFFFFFF)·2⁻²⁴, the value is
/// float32(x·double(float32(to − from)) + double(from)).
///
/// Postconditions: seed 1 gives fc1.weight[0][0] = 0.018402258 and
/// fc4.bias[9] = −0.078278534, and equals the authors' `model_1.pth` bit for bit.
public enum MnistInitialisation {
    /// Outputs the construction takes from the generator: one per parameter.
    public static let outputsUsed = MnistLayout.parameterCount

    /// torch's default parameters after `manual_seed(seed)`, and the generator after construction.
    public static func defaults(seed: UInt32) -> (parameters: [Float], generator: TorchGenerator) {
        var generator = TorchGenerator(seed: seed)
        var parameters: [Float] = []
        parameters.reserveCapacity(MnistLayout.parameterCount)
        let a = Double(5).squareRoot()
        let gain = (2 / (1 + a * a)).squareRoot()
        for layer in MnistLayout.layers {
            let fanIn = Double(layer.inputs).squareRoot()
            let weightBound = Double(3).squareRoot() * (gain / fanIn)
            let biasBound = 1 / fanIn
            for (bound, count) in [(weightBound, layer.inputs * layer.outputs), (biasBound, layer.outputs)] {
                let from = Float(-bound), to = Float(bound)
                let width = Double(to - from)
                for _ in 0..<count {
                    let x = Double(generator.next32() & 0xFF_FFFF) * 0x1p-24
                    parameters.append(Float(x * width + Double(from)))
                }
            }
        }
        return (parameters, generator)
    }

    /// The parameters a `.pth` state dict holds, checked against the network:
    /// six float32 tensors with the `state_dict` names and shapes, in order.
    ///
    /// - Throws: `InputError` naming the first tensor that does not fit.
    public static func parameters(of checkpoint: TorchCheckpoint, file: String) throws(InputError) -> [Float] {
        let expected = MnistLayout.tensors
        let found = checkpoint.tensors.map { "\($0.name) \($0.shape)" }.joined(separator: ", ")
        guard checkpoint.tensors.count == expected.count,
              zip(checkpoint.tensors, expected).allSatisfy({ $0.name == $1.name && $0.shape == $1.shape }) else {
            throw InputError(file: file, message: "not a checkpoint of the MNIST 784-50-30-10 network: it holds \(found.isEmpty ? "no tensors" : found); expected \(expected.map { "\($0.name) \($0.shape)" }.joined(separator: ", "))")
        }
        return checkpoint.flatValues
    }
}
