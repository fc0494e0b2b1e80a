/// MATLAB `ischange(x, 'mean')` as the window script uses it: whether the
/// penalised optimal segmentation of `x` has at least one change point.
///
/// Mirrors the arithmetic of the fixtures' Octave shim (the <doc:WindowScripts>
/// article): prefix sums S1, S2 accumulated left to right;
/// cost(s, t) = (S2[t] − S2[s]) − m·m/(t − s) with m = S1[t] − S1[s];
/// F[0] = −1, F[t] = min over s = 0 … t−1 of (F[s] + cost(s, t)) + 1, the first
/// minimum kept; a change point exists iff the optimal last segment starts after 0.
///
/// Edge cases: the penalty (1 per change point) is absolute, so the answer
/// depends on the scale of the data; an empty or one-value series has none.
public struct MeanChangeGate {
    private var prefix: [Double] = []
    private var prefixSquares: [Double] = []
    private var cost: [Double] = []
    private var candidates: [Double] = []

    /// Creates a gate with empty scratch buffers (reuse one per thread).
    public init() {}

    /// Whether `x` has a change in mean.
    ///
    /// For each t the candidates F[s] + cost(s, t) are computed for every s
    /// first (independent, so the loop vectorises; each the same operations
    /// as one at a time), then scanned in s order for the first minimum.
    public mutating func hasChangePoint(_ x: UnsafeBufferPointer<Double>) -> Bool {
        let n = x.count
        guard n > 1 else { return false }
        if prefix.count < n + 1 {
            prefix = Array(repeating: 0, count: n + 1)
            prefixSquares = Array(repeating: 0, count: n + 1)
            cost = Array(repeating: 0, count: n + 1)
            candidates = Array(repeating: 0, count: n + 1)
        }
        return prefix.withUnsafeMutableBufferPointer { s1 in
            prefixSquares.withUnsafeMutableBufferPointer { s2 in
                cost.withUnsafeMutableBufferPointer { f in
                    candidates.withUnsafeMutableBufferPointer { candidates in
                        let s1 = s1.baseAddress!, s2 = s2.baseAddress!, f = f.baseAddress!, values = candidates.baseAddress!
                        s1[0] = 0
                        s2[0] = 0
                        for k in 1...n {
                            s1[k] = s1[k - 1] + x[k - 1]
                            s2[k] = s2[k - 1] + x[k - 1] * x[k - 1]
                        }
                        f[0] = -1
                        var lastStart = 0
                        for t in 1...n {
                            let total = s1[t], squares = s2[t], length = Double(t)
                            for s in 0..<t {
                                let m = total - s1[s]
                                values[s] = f[s] + ((squares - s2[s]) - (m * m) / (length - Double(s)))
                            }
                            var best = Double.infinity
                            var start = 0
                            for s in 0..<t where values[s] < best {
                                best = values[s]
                                start = s
                            }
                            f[t] = best + 1
                            lastStart = start
                        }
                        return lastStart > 0
                    }
                }
            }
        }
    }

    /// The window script's gate: a window is static unless it has no change
    /// point and its range max − min is at least 1e-5.
    public mutating func isStatic(_ x: UnsafeBufferPointer<Double>) -> Bool {
        guard let first = x.first else { return true }
        var minimum = first
        var maximum = first
        for value in x {
            minimum = min(minimum, value)
            maximum = max(maximum, value)
        }
        if maximum - minimum < 1e-5 { return true }
        return hasChangePoint(x)
    }
}
