/// The authors' MNIST network, 784-50-30-10 (`torch_custom.py`'s
/// `MNIST(784, 10)`; its fc3 is commented out), and where each of its
/// values sits.
///
/// Parameters are float32 in `state_dict` order, which is also the
/// optimizer's and the default initialisation's: fc1.weight (50×784),
/// fc1.bias, fc2.weight (30×50), fc2.bias, fc4.weight (10×30), fc4.bias —
/// 41,090 values, each weight matrix row-major (out × in).
///
/// The recorded weights are the 41,000 weights without the biases in the
/// same order: fc1 at columns 0–39,199, fc2 at 39,200–40,699, fc4 at
/// 40,700–40,999. Stages 2 and 3 analyse the last 1,800 (fc2, then fc4):
/// a mask index m means column 39,200 + m.
public enum MnistLayout {
    /// The recipe name the commands give it: `--recipe mnist`.
    public static let recipeName = "mnist"

    /// One linear layer: its name, sizes and where its weight and bias start.
    public struct Layer: Sendable, Equatable {
        /// `fc1`, `fc2` or `fc4`.
        public var name: String
        /// Inputs and outputs.
        public var inputs: Int, outputs: Int
        /// Offset of the weight matrix (out × in, row-major) in the parameters.
        public var weight: Int
        /// Offset of the bias in the parameters.
        public var bias: Int
        /// Offset of the weight matrix among the 41,000 recorded weights.
        public var recordedWeight: Int
    }

    /// fc1, fc2, fc4 in parameter order.
    public static let layers: [Layer] = [
        Layer(name: "fc1", inputs: 784, outputs: 50, weight: 0, bias: 39_200, recordedWeight: 0),
        Layer(name: "fc2", inputs: 50, outputs: 30, weight: 39_250, bias: 40_750, recordedWeight: 39_200),
        Layer(name: "fc4", inputs: 30, outputs: 10, weight: 40_780, bias: 41_080, recordedWeight: 40_700),
    ]

    /// Pixels per image.
    public static let inputs = 784
    /// Classes.
    public static let classes = 10
    /// Every parameter: 41,090.
    public static let parameterCount = 41_090
    /// Every weight (no biases): 41,000.
    public static let weightCount = 41_000
    /// The weights stages 2 and 3 analyse: fc2 then fc4, 1,800.
    public static let analysedCount = 1_800
    /// The recorded column of analysed weight 0.
    public static let analysedStart = 39_200
    /// The batch size of both loaders.
    public static let batchSize = 128

    /// The `state_dict` names and shapes, in order.
    public static let tensors: [(name: String, shape: [Int])] = layers.flatMap { layer in
        [("\(layer.name).weight", [layer.outputs, layer.inputs]), ("\(layer.name).bias", [layer.outputs])]
    }

    /// Batches of at most 128 that `samples` samples fill (the last one partial).
    public static func batches(_ samples: Int) -> Int { (samples + batchSize - 1) / batchSize }

    /// The 1,800 analysed weights (fc2 then fc4) of `parameters` (state_dict order), widened to double.
    public static func analysedWeights(of parameters: [Float]) -> [Double] {
        (analysedStart..<weightCount).map { Double(parameters[parameterOffset(ofWeight: $0)]) }
    }

    /// The parameter offset of recorded weight `column` (0 ..< 41,000).
    ///
    /// Precondition: `column` is in range.
    public static func parameterOffset(ofWeight column: Int) -> Int {
        let layer = layers.last { $0.recordedWeight <= column }!
        return layer.weight + column - layer.recordedWeight
    }
}
