/// The residual sums of squares of the least-squares fits of `y` on every
/// prefix of a design's columns (the first 1, 2, … k columns, same rows), from
/// one Householder QR factorisation: the fit on the first j columns leaves
/// exactly the components j… of Qᵀy, so SSRⱼ = Σᵢ≥ⱼ (Qᵀy)ᵢ².
///
/// Used by `AugmentedDickeyFuller`'s AIC lag search in place of one full fit
/// per lag; agrees with those fits to rounding (≈ 1e-14 relative) when the
/// design is well conditioned.
///
/// Edge cases: returns nil when a column is (numerically) a combination of
/// the ones before it — |Rⱼⱼ| ≤ 1e-9 · max |Rᵢᵢ| — where the ranks and the
/// minimum-norm fits of the exact path matter.
enum PrefixLeastSquares {
    /// SSR of the fit on the first j columns, j = 1 … columns.count (index j − 1), or nil.
    static func residualSums(y: [Double], columns: [[Double]]) -> [Double]? {
        let rows = y.count
        let count = columns.count
        guard count <= rows else { return nil }
        var matrix = columns
        var target = y
        var diagonal: [Double] = []
        for k in 0..<count {
            var norm = 0.0
            for i in k..<rows { norm += matrix[k][i] * matrix[k][i] }
            norm = norm.squareRoot()
            let alpha = matrix[k][k] > 0 ? -norm : norm
            diagonal.append(abs(alpha))
            var v = [Double](repeating: 0, count: rows - k)
            for i in k..<rows { v[i - k] = matrix[k][i] }
            v[0] -= alpha
            var vNorm = 0.0
            for value in v { vNorm += value * value }
            guard vNorm > 0 else { continue }
            for j in k..<count {
                var dot = 0.0
                for i in k..<rows { dot += v[i - k] * matrix[j][i] }
                let scale = 2 * dot / vNorm
                for i in k..<rows { matrix[j][i] -= scale * v[i - k] }
            }
            var dot = 0.0
            for i in k..<rows { dot += v[i - k] * target[i] }
            let scale = 2 * dot / vNorm
            for i in k..<rows { target[i] -= scale * v[i - k] }
        }
        let largest = diagonal.max() ?? 0
        guard largest > 0, diagonal.allSatisfy({ $0 > 1e-9 * largest }) else { return nil }
        var tail = [Double](repeating: 0, count: count + 1)
        var sum = 0.0
        for i in stride(from: rows - 1, through: count, by: -1) { sum += target[i] * target[i] }
        tail[count] = sum
        for j in stride(from: count - 1, through: 0, by: -1) {
            sum += target[j] * target[j]
            tail[j] = sum
        }
        return Array(tail[1...])
    }
}
