/// The thin singular value decomposition A = U·diag(s)·Vᵀ of an n × k matrix
/// (n ≥ k), by one-sided Jacobi rotations (Hestenes).
///
/// Mirrors what `numpy.linalg.svd` provides to statsmodels' pinv fit (the
/// singular values and vectors), with an algorithm of high relative accuracy;
/// the digits can differ from LAPACK's in the last place.
///
/// Postconditions: `values` are non-negative, in descending order; columns of
/// `u` for zero singular values are zero.
public struct JacobiSVD {
    /// Rows of A.
    public let rows: Int
    /// Columns of A.
    public let columns: Int
    /// Singular values, descending.
    public private(set) var values: [Double]
    /// Left singular vectors, column-major n × k.
    public private(set) var u: [Double]
    /// Right singular vectors, column-major k × k.
    public private(set) var v: [Double]

    /// Decomposes the column-major n × k matrix `matrix`.
    public init(columnMajor matrix: [Double], rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        var a = matrix
        var v = [Double](repeating: 0, count: columns * columns)
        for i in 0..<columns { v[i * columns + i] = 1 }
        a.withUnsafeMutableBufferPointer { a in
            v.withUnsafeMutableBufferPointer { v in
                for _ in 0..<60 {
                    var rotated = false
                    for p in 0..<columns {
                        for q in (p + 1)..<max(columns, p + 1) {
                            var alpha = 0.0, beta = 0.0, gamma = 0.0
                            for i in 0..<rows {
                                let x = a[p * rows + i], y = a[q * rows + i]
                                alpha += x * x
                                beta += y * y
                                gamma += x * y
                            }
                            guard gamma != 0, abs(gamma) > 1e-16 * (alpha * beta).squareRoot() else { continue }
                            rotated = true
                            let zeta = (beta - alpha) / (2 * gamma)
                            let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                            let c = 1 / (1 + t * t).squareRoot()
                            let s = c * t
                            for i in 0..<rows {
                                let x = a[p * rows + i], y = a[q * rows + i]
                                a[p * rows + i] = c * x - s * y
                                a[q * rows + i] = s * x + c * y
                            }
                            for i in 0..<columns {
                                let x = v[p * columns + i], y = v[q * columns + i]
                                v[p * columns + i] = c * x - s * y
                                v[q * columns + i] = s * x + c * y
                            }
                        }
                    }
                    if !rotated { break }
                }
            }
        }
        var norms = (0..<columns).map { j in
            (0..<rows).reduce(0.0) { $0 + a[j * rows + $1] * a[j * rows + $1] }.squareRoot()
        }
        let order = (0..<columns).sorted { norms[$0] > norms[$1] }
        var sortedU = [Double](repeating: 0, count: rows * columns)
        var sortedV = [Double](repeating: 0, count: columns * columns)
        for (target, source) in order.enumerated() {
            let norm = norms[source]
            for i in 0..<rows { sortedU[target * rows + i] = norm > 0 ? a[source * rows + i] / norm : 0 }
            for i in 0..<columns { sortedV[target * columns + i] = v[source * columns + i] }
        }
        norms = order.map { norms[$0] }
        values = norms
        u = sortedU
        self.v = sortedV
    }

    /// numpy's `matrix_rank` of a matrix with these singular values and shape
    /// M × N: the count of values above max(s)·max(M, N)·ε.
    public func rank(shape: Int? = nil) -> Int {
        let tolerance = (values.first ?? 0) * Double(shape ?? max(rows, columns)) * Double.ulpOfOne
        return values.filter { $0 > tolerance }.count
    }
}
