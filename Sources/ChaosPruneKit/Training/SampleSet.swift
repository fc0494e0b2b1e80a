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

    /// One SGD step of `Network` on sample `sample`.
    @inline(__always)
    func step<Network: NetworkArithmetic>(_ network: Network.Type, _ parameters: UnsafeMutablePointer<Double>, _ shape: NetworkShape,
                                          sample: Int, learningRate: Double, scratch: UnsafeMutablePointer<Double>) {
        inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                Network.step(parameters, shape, x: x.baseAddress! + sample * inputWidth, y: y.baseAddress! + sample * targetWidth,
                             learningRate: learningRate, scratch: scratch)
            }
        }
    }

    /// The fraction of samples `Network` gets right with `parameters` under `rule` (correct / N in double).
    ///
    /// Four samples at a time go through `CertifiedDecision`; the samples it
    /// cannot decide, and the last few, through the exact arithmetic.
    func accuracy<Network: NetworkArithmetic>(_ network: Network.Type, _ parameters: UnsafePointer<Double>, _ shape: NetworkShape,
                                              rule: AccuracyRule, scratch: UnsafeMutablePointer<Double>) -> Double {
        var correct = 0
        let byLargest = rule == .argmax && Network.decisionRule == .threshold && shape.outputs > 1
        let certifiedRule = byLargest ? CertifiedDecision.Rule.argmax : Network.decisionRule
        func exact(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Bool {
            guard byLargest else { return Network.isCorrect(parameters, shape, x: x, y: y, scratch: scratch) }
            let pair = Network.labels(parameters, shape, x: x, y: y, scratch: scratch)
            return pair.truth == pair.predicted
        }
        let margins = CertifiedDecision.margins(parameters, shape)
        inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                margins.withUnsafeBufferPointer { bounds in
                    withUnsafeTemporaryAllocation(of: CertifiedDecision.Lanes.self, capacity: shape.hidden + shape.outputs) { lanes in
                        let a1 = lanes.baseAddress!, z2 = lanes.baseAddress! + shape.hidden
                        var sample = 0
                        while sample + 4 <= count {
                            CertifiedDecision.outputs(parameters, shape, x: x.baseAddress! + sample * inputWidth, a1: a1, z2: z2)
                            for lane in 0..<4 {
                                let target = y.baseAddress! + (sample + lane) * targetWidth
                                let decided = CertifiedDecision.decide(certifiedRule, lane: lane, z2: z2, margins: bounds.baseAddress!,
                                                                       outputs: shape.outputs, y: target)
                                    ?? exact(x.baseAddress! + (sample + lane) * inputWidth, target)
                                if decided { correct += 1 }
                            }
                            sample += 4
                        }
                        while sample < count {
                            if exact(x.baseAddress! + sample * inputWidth, y.baseAddress! + sample * targetWidth) { correct += 1 }
                            sample += 1
                        }
                    }
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
