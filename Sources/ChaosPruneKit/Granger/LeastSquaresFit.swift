import ChaosPruneSystem

/// An ordinary least-squares fit as statsmodels' `OLS(y, X).fit()` makes it
/// (method "pinv").
///
/// Mirrors: parameters from the pseudo-inverse (singular values below
/// 1e-15·max(s) treated as zero, so rank-deficient designs get the
/// minimum-norm solution); `rank` as `np.linalg.matrix_rank(np.diag(s))`
/// (tolerance max(s)·k·ε); `dfResid` = n − rank; `ssr` = residuals·residuals;
/// `normalizedCovariance` = pinv(X)·pinv(X)ᵀ; the profile log-likelihood
/// −n/2·ln 2π − n/2·ln(ssr/n) − n/2.
public struct LeastSquaresFit {
    /// Observations n.
    public let observations: Int
    /// Parameter estimates, one per design column.
    public let parameters: [Double]
    /// Numerical rank of the design.
    public let rank: Int
    /// Sum of squared residuals.
    public let ssr: Double
    /// (XᵀX)⁺ as pinv(X)·pinv(X)ᵀ, column-major k × k.
    public let normalizedCovariance: [Double]
    /// The design's columns.
    public let columns: Int

    /// Fits `y` on the column-major n × k `design`.
    public init(y: [Double], design: [Double], columns: Int) {
        let n = y.count
        observations = n
        self.columns = columns
        let svd = JacobiSVD(columnMajor: design, rows: n, columns: columns)
        let cutoff = 1e-15 * (svd.values.first ?? 0)
        let inverse = svd.values.map { $0 > cutoff ? 1 / $0 : 0 }
        var beta = [Double](repeating: 0, count: columns)
        for j in 0..<columns where inverse[j] != 0 {
            var projection = 0.0
            for i in 0..<n { projection += svd.u[j * n + i] * y[i] }
            let weight = projection * inverse[j]
            for p in 0..<columns { beta[p] += svd.v[j * columns + p] * weight }
        }
        parameters = beta
        rank = svd.rank(shape: columns)
        var sum = 0.0
        for i in 0..<n {
            var fitted = 0.0
            for p in 0..<columns { fitted += design[p * n + i] * beta[p] }
            let residual = y[i] - fitted
            sum += residual * residual
        }
        ssr = sum
        var covariance = [Double](repeating: 0, count: columns * columns)
        for j in 0..<columns where inverse[j] != 0 {
            let weight = inverse[j] * inverse[j]
            for p in 0..<columns {
                for q in 0..<columns { covariance[q * columns + p] += svd.v[j * columns + p] * svd.v[j * columns + q] * weight }
            }
        }
        normalizedCovariance = covariance
    }

    /// Residual degrees of freedom n − rank.
    public var dfResid: Double { Double(observations - rank) }

    /// statsmodels' profile log-likelihood.
    public var logLikelihood: Double { Self.profileLogLikelihood(ssr: ssr, observations: observations) }

    /// −n/2·ln 2π − n/2·ln(ssr/n) − n/2, statsmodels' OLS profile log-likelihood.
    public static func profileLogLikelihood(ssr: Double, observations: Int) -> Double {
        let half = Double(observations) / 2
        return -half * CMath.log(2 * Double.pi) - half * CMath.log(ssr / Double(observations)) - half
    }

    /// The Wald F statistic that the parameters at `indices` are zero, with its
    /// numerator degrees of freedom, as statsmodels' `f_test`: F = b'·pinv(C)·b / J
    /// with C the parameters' covariance block (scale ssr/dfResid) and
    /// J = rank(C) (numpy's tolerance).
    public func waldTest(indices: [Int]) -> (statistic: Double, numerator: Double) {
        let count = indices.count
        let scale = ssr / dfResid
        var block = [Double](repeating: 0, count: count * count)
        for (a, p) in indices.enumerated() {
            for (b, q) in indices.enumerated() { block[b * count + a] = normalizedCovariance[q * columns + p] * scale }
        }
        let svd = JacobiSVD(columnMajor: block, rows: count, columns: count)
        let cutoff = 1e-15 * (svd.values.first ?? 0)
        let coefficients = indices.map { parameters[$0] }
        var quadratic = 0.0
        for j in 0..<count where svd.values[j] > cutoff {
            var left = 0.0, right = 0.0
            for i in 0..<count {
                left += svd.v[j * count + i] * coefficients[i]
                right += svd.u[j * count + i] * coefficients[i]
            }
            quadratic += left * right / svd.values[j]
        }
        let restrictions = Double(min(count, svd.rank(shape: count)))
        return (quadratic / restrictions, restrictions)
    }
}
