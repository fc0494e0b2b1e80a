/// The sizes of a one-hidden-layer network, and where each parameter block
/// starts in a flat parameter buffer (W1, b1, W2, b2).
public struct NetworkShape: Sendable, Equatable {
    /// Inputs, hidden units, outputs.
    public var inputs: Int, hidden: Int, outputs: Int

    /// The most parameters a network may have: stage 1 records every one of
    /// them after every SGD step, one CSV row each.
    public static let maximumParameters = 10_000_000

    /// Creates a shape.
    public init(inputs: Int, hidden: Int, outputs: Int) {
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
    }

    /// Throws unless a network of these sizes has at most ``maximumParameters``
    /// parameters (counted without overflow).
    public static func validate(inputs: Int, hidden: Int, outputs: Int) throws(StageError) {
        let perHidden = inputs.addingReportingOverflow(1 + outputs)
        let weights = perHidden.partialValue.multipliedReportingOverflow(by: hidden)
        let total = weights.partialValue.addingReportingOverflow(outputs)
        guard !perHidden.overflow, !weights.overflow, !total.overflow, total.partialValue <= maximumParameters else {
            throw StageError("a \(inputs)-\(hidden)-\(outputs) network has more than \(maximumParameters) parameters, the most a recording of every weight after every step can hold")
        }
    }

    var b1: Int { hidden * inputs }
    var w2: Int { b1 + hidden }
    var b2: Int { w2 + outputs * hidden }
    /// Parameters in all.
    public var parameterCount: Int { b2 + outputs }
    /// Scratch doubles a forward and backward pass needs.
    var scratchCount: Int { 4 * hidden + 4 * outputs }
}

/// One code family's arithmetic: an SGD step, the accuracy rule, and the
/// labels the metrics compare. Parameters are a flat W1, b1, W2, b2 buffer.
protocol NetworkArithmetic {
    /// How an output is judged correct, for the certified shortcut.
    static var decisionRule: CertifiedDecision.Rule { get }
    /// One SGD step on sample `x` with target `y`, updating every parameter.
    static func step(_ parameters: UnsafeMutablePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>,
                     y: UnsafePointer<Double>, learningRate: Double, scratch: UnsafeMutablePointer<Double>)
    /// Whether the network's output counts as correct for `y`.
    static func isCorrect(_ parameters: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>,
                          y: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> Bool
    /// The true and the predicted class, as the metrics see them.
    static func labels(_ parameters: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>,
                       y: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> (truth: Int, predicted: Int)
}

/// The first maximum's index, as numpy's argmax: a NaN counts as the
/// maximum, so the first NaN's index when there is one.
@inline(__always)
package func argmax(_ values: UnsafePointer<Double>, _ count: Int) -> Int {
    var best = 0
    if values[0].isNaN { return 0 }
    for index in 1..<max(count, 1) {
        if values[index].isNaN { return index }
        if values[index] > values[best] { best = index }
    }
    return best
}

/// The class a single output predicts, floor(a + 0.5), or −1 ("no class")
/// when the output is not finite: numpy would pass NaN on to scikit-learn,
/// which refuses it, and a float → integer conversion of it has no value.
@inline(__always)
package func roundedLabel(_ output: Double) -> Int {
    let rounded = (output + 0.5).rounded(.down)
    guard rounded.isFinite, abs(rounded) < 0x1p62 else { return -1 }
    return Int(rounded)
}
