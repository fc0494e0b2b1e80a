/// Samples as two flat buffers (inputs row-major, targets row-major), the form
/// the training loops read.
struct SampleSet: Sendable {
    let count: Int
    let inputs: [Double]
    let targets: [Double]
    let inputWidth: Int
    let targetWidth: Int

    init(inputs rows: [[Double]], targets: [[Double]], shape: NetworkShape) {
        count = rows.count
        inputs = rows.flatMap { $0 }
        self.targets = targets.flatMap { $0 }
        inputWidth = shape.inputs
        targetWidth = shape.outputs
    }

    /// The fraction of samples `Network` gets right with `parameters` (correct / N in double).
    func accuracy<Network: NetworkArithmetic>(_ network: Network.Type, _ parameters: UnsafePointer<Double>, _ shape: NetworkShape,
                                              scratch: UnsafeMutablePointer<Double>) -> Double {
        var correct = 0
        inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                for sample in 0..<count where Network.isCorrect(parameters, shape, x: x.baseAddress! + sample * inputWidth,
                                                                 y: y.baseAddress! + sample * targetWidth, scratch: scratch) {
                    correct += 1
                }
            }
        }
        return Double(correct) / Double(count)
    }

    /// Every sample's true and predicted class.
    func labels<Network: NetworkArithmetic>(_ network: Network.Type, _ parameters: UnsafePointer<Double>, _ shape: NetworkShape,
                                            scratch: UnsafeMutablePointer<Double>) -> [(truth: Int, predicted: Int)] {
        inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                (0..<count).map { sample in
                    Network.labels(parameters, shape, x: x.baseAddress! + sample * inputWidth, y: y.baseAddress! + sample * targetWidth,
                                   scratch: scratch)
                }
            }
        }
    }
}
