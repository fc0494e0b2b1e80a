/// MATLAB `ischange(x, 'mean')` as the window script uses it: whether the
/// penalised optimal segmentation of `x` has at least one change point.
///
/// Mirrors the arithmetic of the fixtures' Octave shim (the <doc:WindowScripts>
/// article): prefix sums S1, S2 accumulated left to right;
/// cost(s, t) = (S2[t] − S2[s]) − m·m/(t − s) with m = S1[t] − S1[s];
/// F[0] = −1, F[t] = min over s = 0 … t−1 of (F[s] + cost(s, t)) + 1, the first
/// minimum kept; a change point exists iff the optimal last segment starts after 0.
///
/// Only the last step of the path matters: a change point exists iff the
/// first minimum at t = n is at some s > 0.
///
/// **A certified O(n) answer.** In exact arithmetic every cost is ≥ 0, so
/// F[t] ≥ 0 for t ≥ 1, and at t = n the candidate s = 0 is −1 + c₀ with
/// c₀ = cost(0, n) while every s ≥ 1 gives at least 0. The computed values
/// keep that order whenever ĉ₀ (the DP's own operations) is ≤ 0.99,
/// S2[n] ≤ 10⁴ and n ≤ 1024, so the DP is skipped there. The bound, with
/// u = 2⁻⁵³, A = S2[n] ≤ 10⁴, B = √(n·A) ≤ 3,200 (so |S1[k]| ≤ B and
/// m²/(t − s) ≤ A by Cauchy–Schwarz):
/// - the prefix sums hold |Ŝ2[k] − S2[k]| ≤ (n+1)u·A/(1 − (n+1)u) ≤ 1.2·10⁻⁹
///   and |Ŝ1[k] − S1[k]| ≤ n·u·B/(1 − n·u) ≤ 3.7·10⁻¹⁰;
/// - so every computed cost is within 2·1.2·10⁻⁹ + u·A (the difference of
///   squares), 2B·7.4·10⁻¹⁰ + (7.4·10⁻¹⁰)² + 2u·B² (m̂², the division) and
///   u·A (the subtraction) of its exact value: within 5·10⁻⁶ in all;
/// - hence (F̂[0] = −1, rounding monotone) every computed F̂[t], t ≥ 1, is
///   > −6·10⁻⁶, every candidate s ≥ 1 at t = n is > −2·10⁻⁵, and the
///   candidate s = 0 is fl(−1 + ĉ₀) ≤ −0.0099: strictly the first minimum.
/// Windows outside the certificate run the DP; `chaosprune-bench window-check`
/// counts how many do.
///
/// Edge cases: the penalty (1 per change point) is absolute, so the answer
/// depends on the scale of the data; an empty or one-value series has none.
public struct MeanChangeGate {
    /// The largest ĉ₀ the certificate answers "no change point" for.
    public static let certifiedCost = 0.99
    /// The largest S2[n] the certificate's error bound holds for.
    public static let certifiedSquares = 1e4
    /// The longest window the certificate's error bound holds for.
    public static let certifiedLength = 1024

    private var prefix: [Double] = []
    private var prefixSquares: [Double] = []
    private var cost: [Double] = []
    private var candidates: [Double] = []
    private var skipsCertificate = false
    private var copy: [Double] = []

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
                        if !skipsCertificate, Self.certifiesNoChange(n: n, total: s1[n], squares: s2[n], s1: s1[0], s2: s2[0]) { return false }
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

    /// Whether the certificate answers "no change point": ĉ₀ = cost(0, n) computed
    /// as the DP computes it, within the bounds the error analysis covers.
    @inline(__always)
    static func certifiesNoChange(n: Int, total: Double, squares: Double, s1: Double, s2: Double) -> Bool {
        guard n <= certifiedLength, squares <= certifiedSquares else { return false }
        let m = total - s1
        let cost = (squares - s2) - (m * m) / (Double(n) - Double(0))
        return cost <= certifiedCost
    }

    /// Whether the certificate alone answers "no change point" for `x` (prefix
    /// sums accumulated as the DP accumulates them).
    public static func certifiesNoChange(_ x: UnsafeBufferPointer<Double>) -> Bool {
        guard let base = x.baseAddress, x.count > 1 else { return false }
        let pass = onePass(base, stride: 1, count: x.count)
        return certifiesNoChange(n: x.count, total: pass.total, squares: pass.squares, s1: 0, s2: 0)
    }

    /// The range and the sums S1[n], S2[n] (accumulated as the DP accumulates
    /// them) of the `count` values `base[0]`, `base[stride]`, … in one pass.
    @inline(__always)
    static func onePass(_ base: UnsafePointer<Double>, stride: Int, count: Int) -> (minimum: Double, maximum: Double, total: Double, squares: Double) {
        var minimum = base[0], maximum = base[0], total = 0.0, squares = 0.0
        var next = base
        for _ in 0..<count {
            let value = next.pointee
            next += stride
            if value < minimum { minimum = value }
            if value > maximum { maximum = value }
            total = total + value
            squares = squares + value * value
        }
        return (minimum, maximum, total, squares)
    }

    /// The answer of the full DP, without the certificate (for tests of the certificate).
    public mutating func hasChangePointByDP(_ x: UnsafeBufferPointer<Double>) -> Bool {
        skipsCertificate = true
        defer { skipsCertificate = false }
        return hasChangePoint(x)
    }

    /// The window script's gate: a window is static unless it has no change
    /// point and its range max − min is at least 1e-5.
    public mutating func isStatic(_ x: UnsafeBufferPointer<Double>) -> Bool {
        guard let base = x.baseAddress else { return true }
        return isStatic(strided: base, stride: 1, count: x.count)
    }

    /// The gate of the `count` values `base[0]`, `base[stride]`, …: one pass
    /// for the range and the certificate; the DP (on a copy of strided values)
    /// only for a window the certificate does not answer.
    public mutating func isStatic(strided base: UnsafePointer<Double>, stride: Int, count: Int) -> Bool {
        guard count > 0 else { return true }
        let pass = Self.onePass(base, stride: stride, count: count)
        if pass.maximum - pass.minimum < 1e-5 { return true }
        if count > 1, Self.certifiesNoChange(n: count, total: pass.total, squares: pass.squares, s1: 0, s2: 0) { return false }
        if stride == 1 { return hasChangePoint(UnsafeBufferPointer(start: base, count: count)) }
        if copy.count != count { copy = Array(repeating: 0, count: count) }
        for index in 0..<count { copy[index] = base[index * stride] }
        let values = copy
        return values.withUnsafeBufferPointer { hasChangePoint($0) }
    }
}
