import ChaosPruneSystem

/// The arithmetic of the authors' `Helper.py` network, operation for
/// operation (<doc:Training>): sigmoid hidden and output layers, the squared
/// error gradient scaled by 1/O, sums left to right from 0.0, no fused
/// multiply-add, glibc's `exp`.
///
/// - Forward: z1 = (Σᵢ W1[h][i]·x[i]) + b1[h], a1 = σ(z1), z2 likewise, a2 = σ(z2),
///   σ(z) = 1/(1 + exp(−z)).
/// - Step: σ′(z) = e/((1+e)·(1+e)) with e = exp(−z); g2 = (−2)·((y − a2)·σ′(z2));
///   g1[h] = (Σₒ W2[o][h]·g2[o])·σ′(z1[h]) with W2 before the update;
///   every gradient times c = 1/O; p = p − lr·dp.
/// - Accuracy: correct when floor(a2[o] + 0.5) == y[o] for every output (not argmax).
/// - Metrics: the 0/1 label and floor(a2 + 0.5) for one output (−1, "no
///   class", for an output that is NaN); argmax of target and output for
///   several (numpy's: the first NaN wins).
enum HelperNetwork: NetworkArithmetic {
    static let decisionRule = CertifiedDecision.Rule.threshold

    /// Forward pass into scratch: z1[0..<H], e1 = exp(−z1), a1, z2[0..<O], e2, a2.
    @inline(__always)
    static func forward(_ p: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, scratch s: UnsafeMutablePointer<Double>) {
        let (inputs, hidden, outputs) = (shape.inputs, shape.hidden, shape.outputs)
        let z1 = s, e1 = s + hidden, a1 = s + 2 * hidden
        let z2 = s + 3 * hidden, e2 = z2 + outputs, a2 = z2 + 2 * outputs
        for h in 0..<hidden {
            var sum = 0.0
            let row = p + h * inputs
            for i in 0..<inputs { sum += row[i] * x[i] }
            z1[h] = sum + p[shape.b1 + h]
            e1[h] = CMath.exp(-z1[h])
            a1[h] = 1 / (1 + e1[h])
        }
        for o in 0..<outputs {
            var sum = 0.0
            let row = p + shape.w2 + o * hidden
            for h in 0..<hidden { sum += row[h] * a1[h] }
            z2[o] = sum + p[shape.b2 + o]
            e2[o] = CMath.exp(-z2[o])
            a2[o] = 1 / (1 + e2[o])
        }
    }

    static func step(_ p: UnsafeMutablePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, y: UnsafePointer<Double>,
                     learningRate: Double, scratch s: UnsafeMutablePointer<Double>) {
        forward(p, shape, x: x, scratch: s)
        let (inputs, hidden, outputs) = (shape.inputs, shape.hidden, shape.outputs)
        let e1 = s + hidden, a1 = s + 2 * hidden
        let z2 = s + 3 * hidden, e2 = z2 + outputs, a2 = z2 + 2 * outputs
        let g2 = a2 + outputs
        let g1 = s
        let c = 1.0 / Double(outputs)
        for o in 0..<outputs {
            let e = e2[o]
            g2[o] = (-2) * ((y[o] - a2[o]) * (e / ((1 + e) * (1 + e))))
        }
        for h in 0..<hidden {
            var sum = 0.0
            for o in 0..<outputs { sum += p[shape.w2 + o * hidden + h] * g2[o] }
            let e = e1[h]
            g1[h] = sum * (e / ((1 + e) * (1 + e)))
        }
        for o in 0..<outputs {
            let row = p + shape.w2 + o * hidden
            for h in 0..<hidden { row[h] = row[h] - learningRate * (c * (g2[o] * a1[h])) }
            p[shape.b2 + o] = p[shape.b2 + o] - learningRate * (c * g2[o])
        }
        for h in 0..<hidden {
            let row = p + h * inputs
            for i in 0..<inputs { row[i] = row[i] - learningRate * (c * (g1[h] * x[i])) }
            p[shape.b1 + h] = p[shape.b1 + h] - learningRate * (c * g1[h])
        }
    }

    static func isCorrect(_ p: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, y: UnsafePointer<Double>,
                          scratch s: UnsafeMutablePointer<Double>) -> Bool {
        forward(p, shape, x: x, scratch: s)
        let a2 = s + 3 * shape.hidden + 2 * shape.outputs
        for o in 0..<shape.outputs where (a2[o] + 0.5).rounded(.down) != y[o] { return false }
        return true
    }

    static func labels(_ p: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, y: UnsafePointer<Double>,
                       scratch s: UnsafeMutablePointer<Double>) -> (truth: Int, predicted: Int) {
        forward(p, shape, x: x, scratch: s)
        let a2 = s + 3 * shape.hidden + 2 * shape.outputs
        if shape.outputs == 1 { return (roundedLabel(y[0]), roundedLabel(a2[0])) }
        return (argmax(y, shape.outputs), argmax(a2, shape.outputs))
    }
}
