import ChaosPruneSystem

/// The arithmetic of the authors' framework (`CHAOS-main`: dense, sigmoid,
/// softmax, MSE), as the diabetes recipe ran it (<doc:Training>).
///
/// - Forward: z1 = (Σᵢ W1[h][i]·x[i]) + b1[h], a1 = e/(1+e) with e = exp(z1);
///   z2 likewise; softmax tₒ = exp(z2[o]), T = Σ t, a2 = tₒ/T.
/// - Step: g = (2·(a2 − y))/2; u[i] = Σⱼ ((δᵢⱼ − a2[j])·a2[i])·g[j];
///   v[h] = Σₒ W2[o][h]·u[o] with W2 before its update; W2 −= lr·(u·a1),
///   b2 −= lr·u; w[h] = v[h]·(s·(1 − s)) with s = a1[h]; W1 −= lr·(w·x), b1 −= lr·w.
/// - Accuracy and metrics: argmax of output against argmax of target (first maximum wins).
enum FrameworkNetwork: NetworkArithmetic {
    static let decisionRule = CertifiedDecision.Rule.argmax

    /// Forward pass into scratch: a1[0..<H], a2[H..<H+O].
    @inline(__always)
    static func forward(_ p: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, scratch s: UnsafeMutablePointer<Double>) {
        let (inputs, hidden, outputs) = (shape.inputs, shape.hidden, shape.outputs)
        let a1 = s, a2 = s + hidden
        for h in 0..<hidden {
            var sum = 0.0
            let row = p + h * inputs
            for i in 0..<inputs { sum += row[i] * x[i] }
            let e = CMath.exp(sum + p[shape.b1 + h])
            a1[h] = e / (1 + e)
        }
        var total = 0.0
        for o in 0..<outputs {
            var sum = 0.0
            let row = p + shape.w2 + o * hidden
            for h in 0..<hidden { sum += row[h] * a1[h] }
            a2[o] = CMath.exp(sum + p[shape.b2 + o])
            total += a2[o]
        }
        for o in 0..<outputs { a2[o] = a2[o] / total }
    }

    static func step(_ p: UnsafeMutablePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, y: UnsafePointer<Double>,
                     learningRate: Double, scratch s: UnsafeMutablePointer<Double>) {
        forward(p, shape, x: x, scratch: s)
        let (inputs, hidden, outputs) = (shape.inputs, shape.hidden, shape.outputs)
        let a1 = s, a2 = s + hidden, g = a2 + outputs, u = g + outputs, v = u + outputs
        for o in 0..<outputs { g[o] = (2 * (a2[o] - y[o])) / 2 }
        for i in 0..<outputs {
            var sum = 0.0
            for j in 0..<outputs { sum += (((i == j ? 1.0 : 0.0) - a2[j]) * a2[i]) * g[j] }
            u[i] = sum
        }
        for h in 0..<hidden {
            var sum = 0.0
            for o in 0..<outputs { sum += p[shape.w2 + o * hidden + h] * u[o] }
            v[h] = sum
        }
        for o in 0..<outputs {
            let row = p + shape.w2 + o * hidden
            for h in 0..<hidden { row[h] = row[h] - learningRate * (u[o] * a1[h]) }
            p[shape.b2 + o] = p[shape.b2 + o] - learningRate * u[o]
        }
        for h in 0..<hidden {
            let w = v[h] * (a1[h] * (1 - a1[h]))
            let row = p + h * inputs
            for i in 0..<inputs { row[i] = row[i] - learningRate * (w * x[i]) }
            p[shape.b1 + h] = p[shape.b1 + h] - learningRate * w
        }
    }

    static func isCorrect(_ p: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, y: UnsafePointer<Double>,
                          scratch s: UnsafeMutablePointer<Double>) -> Bool {
        forward(p, shape, x: x, scratch: s)
        return argmax(s + shape.hidden, shape.outputs) == argmax(y, shape.outputs)
    }

    static func labels(_ p: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>, y: UnsafePointer<Double>,
                       scratch s: UnsafeMutablePointer<Double>) -> (truth: Int, predicted: Int) {
        forward(p, shape, x: x, scratch: s)
        return (argmax(y, shape.outputs), argmax(s + shape.hidden, shape.outputs))
    }
}
