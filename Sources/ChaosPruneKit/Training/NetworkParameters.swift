import ChaosPruneFormats

/// The parameters of a one-hidden-layer network in one flat buffer:
/// W1 (H×I, row-major), b1 (H), W2 (O×H, row-major), b2 (O).
///
/// The weights CSV's columns are W1 then W2, row-major (biases are never
/// written or masked): index j < H·I is W1[j / I][j mod I], otherwise
/// W2[(j − H·I) / H][(j − H·I) mod H].
public struct NetworkParameters: Sendable, Equatable {
    /// Inputs, hidden units, outputs.
    public let inputs: Int, hidden: Int, outputs: Int
    /// W1, b1, W2, b2, concatenated.
    public var values: [Double]

    /// The sizes, and where each block starts in `values`.
    public var shape: NetworkShape { NetworkShape(inputs: inputs, hidden: hidden, outputs: outputs) }

    /// Weights of W1 and W2 (the weights CSV's columns).
    public var weightCount: Int { hidden * inputs + outputs * hidden }

    /// Parameters from the four arrays of an initialisation, shapes checked
    /// against I-H-O (`name` names the source in the error).
    public init(inputs: Int, hidden: Int, outputs: Int, arrays: [PickledArrayReader.FloatArray], name: String) throws(StageError) {
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
        let expected = [[hidden, inputs], [hidden, 1], [outputs, hidden], [outputs, 1]]
        guard arrays.count == 4 else {
            throw StageError("\(name): an initialisation holds W1, b1, W2, b2; this one has \(arrays.count) array(s)")
        }
        for (index, (array, shape)) in zip(arrays, expected).enumerated() where array.shape != shape && !(shape.last == 1 && array.shape == [shape[0]]) {
            throw StageError("\(name): \(["W1", "b1", "W2", "b2"][index]) has shape \(array.shape), but the network \(inputs)-\(hidden)-\(outputs) needs \(shape)")
        }
        values = arrays.flatMap(\.values)
    }

    /// Parameters drawn uniformly from [−0.1, 0.1) with numpy's `seed(seed)` and
    /// `random_sample` (53-bit doubles from two MT19937 outputs), in the order
    /// W1, b1, W2, b2: chaosprune's initialisation for a researcher's own data.
    public init(inputs: Int, hidden: Int, outputs: Int, seed: UInt32) {
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
        var generator = MersenneTwister(seed: seed)
        values = (0..<(hidden * inputs + hidden + outputs * hidden + outputs)).map { _ in
            let a = Double(generator.next() >> 5), b = Double(generator.next() >> 6)
            return 0.2 * ((a * 67_108_864 + b) / 9_007_199_254_740_992) - 0.1
        }
    }

    /// The weight column `index` (0-based) as an offset into `values`.
    public func offset(ofWeight index: Int) -> Int {
        index < hidden * inputs ? index : shape.w2 + (index - hidden * inputs)
    }
}
