/// A cheap, certified shortcut for the accuracy rule: the network's outputs
/// for four samples at once, computed with an approximate exponential whose
/// error is bounded, and a decision taken only when that bound cannot change it.
///
/// The accuracy of a state counts decisions (each output above or below ½,
/// or which output is largest), and each depends on z2 only through its sign
/// or its order. The hidden activations are computed here with an
/// exponential accurate to 2e-7 relative (so each σ is within 5e-8, far
/// inside the 1e-6 absolute assumed), which moves z2[o] by at most 1e-6·Σₕ|W2[o][h]|; with a further
/// 1e-9 for the rounding of the sums, a decision whose z2 (or margin between
/// outputs) is farther from its threshold than that bound is the exact
/// decision. Every other sample (and anything not finite) goes through the
/// exact arithmetic, so accuracies stay bit-identical.
package enum CertifiedDecision {
    /// How an output is judged correct.
    enum Rule {
        /// Every floor(a2 + 0.5) equals its target (Helper): a2 ≥ ½ exactly when z2 ≥ 0.
        case threshold
        /// The largest output is the target's (framework softmax): the largest z2.
        case argmax
    }

    package typealias Lanes = SIMD4<Double>

    /// exp(x) lane by lane to 2e-7 relative: 2ᵏ·e^r with |r| ≤ ln2/2 and a degree-6 Taylor polynomial.
    @inline(__always)
    package static func approximateExp(_ x: Lanes) -> Lanes {
        let clamped = x.replacing(with: 700, where: x .> 700).replacing(with: -700, where: x .< -700)
        let shifted = clamped * 1.4426950408889634 + 0x1.8p52
        let k = shifted - 0x1.8p52
        let r = clamped - k * 0.6931471805599453
        var p = r * (1.0 / 720) + 1.0 / 120
        p = r * p + 1.0 / 24
        p = r * p + 1.0 / 6
        p = r * p + 0.5
        p = r * p + 1
        p = r * p + 1
        let bits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &- 0x4338_0000_0000_0000 &+ 1023
        return p * unsafeBitCast(bits &<< 52, to: Lanes.self)
    }

    /// The bound on |Δz2[o]| for every output, from the state's W2.
    static func margins(_ p: UnsafePointer<Double>, _ shape: NetworkShape) -> [Double] {
        (0..<shape.outputs).map { o in
            var total = 0.0
            for h in 0..<shape.hidden { total += abs(p[shape.w2 + o * shape.hidden + h]) }
            return 1e-6 * total + 1e-9
        }
    }

    /// Approximate z2 of four consecutive samples starting at `x` into `z2[0..<O]`.
    @inline(__always)
    static func outputs(_ p: UnsafePointer<Double>, _ shape: NetworkShape, x: UnsafePointer<Double>,
                        a1: UnsafeMutablePointer<Lanes>, z2: UnsafeMutablePointer<Lanes>) {
        let (inputs, hidden) = (shape.inputs, shape.hidden)
        for h in 0..<hidden {
            var sum = Lanes(repeating: 0)
            let row = p + h * inputs
            for i in 0..<inputs {
                sum += row[i] * Lanes(x[i], x[inputs + i], x[2 * inputs + i], x[3 * inputs + i])
            }
            a1[h] = 1 / (1 + approximateExp(-(sum + p[shape.b1 + h])))
        }
        for o in 0..<shape.outputs {
            var sum = Lanes(repeating: 0)
            let row = p + shape.w2 + o * hidden
            for h in 0..<hidden { sum += row[h] * a1[h] }
            z2[o] = sum + p[shape.b2 + o]
        }
    }

    /// Lane `lane`'s decision: true or false when certain, nil otherwise.
    @inline(__always)
    static func decide(_ rule: Rule, lane: Int, z2: UnsafePointer<Lanes>, margins: UnsafePointer<Double>, outputs: Int,
                       y: UnsafePointer<Double>) -> Bool? {
        switch rule {
        case .threshold:
            var certain = true
            for o in 0..<outputs {
                let value = z2[o][lane]
                if value > margins[o] {
                    if y[o] != 1 { return false }
                } else if value < -margins[o] {
                    if y[o] != 0 { return false }
                } else {
                    certain = false
                }
            }
            return certain ? true : nil
        case .argmax:
            var best = 0
            for o in 1..<max(outputs, 1) where z2[o][lane] > z2[best][lane] { best = o }
            for o in 0..<outputs where o != best {
                guard z2[best][lane] - z2[o][lane] > margins[best] + margins[o] else { return nil }
            }
            return best == argmax(y, outputs)
        }
    }
}
