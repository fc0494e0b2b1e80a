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
package enum PrefixLeastSquares {
    /// SSR of the fit on the first j columns, j = 1 … columns.count (index j − 1), or nil.
    package static func residualSums(y: [Double], columns: [[Double]]) -> [Double]? {
        let rows = y.count
        let count = columns.count
        guard count <= rows, columns.allSatisfy({ $0.count == rows }) else { return nil }
        var matrix = [Double](unsafeUninitializedCapacity: rows * count) { buffer, initialised in
            for (j, column) in columns.enumerated() {
                for i in 0..<rows { buffer[j * rows + i] = column[i] }
            }
            initialised = rows * count
        }
        var target = y
        var diagonal = [Double](repeating: 0, count: count)
        var v = [Double](repeating: 0, count: rows)
        matrix.withUnsafeMutableBufferPointer { matrix in
            target.withUnsafeMutableBufferPointer { target in
                v.withUnsafeMutableBufferPointer { v in
                    for k in 0..<count {
                        let column = matrix.baseAddress! + k * rows
                        var norm = 0.0
                        for i in k..<rows { norm += column[i] * column[i] }
                        norm = norm.squareRoot()
                        let alpha = column[k] > 0 ? -norm : norm
                        diagonal[k] = abs(alpha)
                        for i in k..<rows { v[i - k] = column[i] }
                        v[0] -= alpha
                        var vNorm = 0.0
                        for i in 0..<(rows - k) { vNorm += v[i] * v[i] }
                        guard vNorm > 0 else { continue }
                        var j = k
                        while j + 4 <= count {
                            reflectFour(matrix.baseAddress! + j * rows, stride: rows, from: k, to: rows, by: v.baseAddress!, vNorm: vNorm)
                            j += 4
                        }
                        while j < count {
                            reflect(matrix.baseAddress! + j * rows, from: k, to: rows, by: v.baseAddress!, vNorm: vNorm)
                            j += 1
                        }
                        reflect(target.baseAddress!, from: k, to: rows, by: v.baseAddress!, vNorm: vNorm)
                    }
                }
            }
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

    /// x[from..<to] ← (I − 2vvᵀ/‖v‖²)·x, with v[0] standing for x[from].
    @inline(__always)
    private static func reflect(_ x: UnsafeMutablePointer<Double>, from: Int, to: Int, by v: UnsafeMutablePointer<Double>,
                                vNorm: Double) {
        var dot = 0.0
        for i in from..<to { dot += v[i - from] * x[i] }
        update(x, from: from, to: to, by: v, scale: 2 * dot / vNorm)
    }

    /// `reflect` on four columns `stride` apart: their dot products side by
    /// side (four independent sums, each in `reflect`'s order, so the same bits).
    @inline(__always)
    private static func reflectFour(_ x: UnsafeMutablePointer<Double>, stride: Int, from: Int, to: Int,
                                    by v: UnsafeMutablePointer<Double>, vNorm: Double) {
        let x1 = x + stride, x2 = x + 2 * stride, x3 = x + 3 * stride
        var d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0
        for i in from..<to {
            let w = v[i - from]
            d0 += w * x[i]
            d1 += w * x1[i]
            d2 += w * x2[i]
            d3 += w * x3[i]
        }
        update(x, from: from, to: to, by: v, scale: 2 * d0 / vNorm)
        update(x1, from: from, to: to, by: v, scale: 2 * d1 / vNorm)
        update(x2, from: from, to: to, by: v, scale: 2 * d2 / vNorm)
        update(x3, from: from, to: to, by: v, scale: 2 * d3 / vNorm)
    }

    /// x[i] −= scale · v[i − from] for i in from..<to, four lanes at a time (element-wise, so the same bits).
    @inline(__always)
    private static func update(_ x: UnsafeMutablePointer<Double>, from: Int, to: Int, by v: UnsafeMutablePointer<Double>,
                               scale: Double) {
        var i = from
        let scales = SIMD4<Double>(repeating: scale)
        while i + 4 <= to {
            let target = UnsafeMutableRawPointer(x + i)
            let lanes = target.loadUnaligned(as: SIMD4<Double>.self)
            let direction = UnsafeRawPointer(v + (i - from)).loadUnaligned(as: SIMD4<Double>.self)
            target.storeBytes(of: lanes - scales * direction, as: SIMD4<Double>.self)
            i += 4
        }
        while i < to {
            x[i] -= scale * v[i - from]
            i += 1
        }
    }
}
