import ChaosPruneSystem

/// statsmodels 0.14.4 `adfuller(x)` with its defaults (regression "c",
/// autolag "AIC", maxlag int(ceil(12·(nobs/100)^¼)) capped at nobs//2 − 2):
/// the test statistic and MacKinnon's approximate p-value.
///
/// Mirrors: the lag search over fits of Δx_t on [const, x_t−1 level, Δx lags]
/// with the same rows for every candidate, AIC = −2·llf + 2·rank, the first
/// minimum of (AIC, lag); the final fit on [level, Δx lags, const] with the
/// rows its own lag allows; the t-value of the level coefficient; MacKinnon
/// (1994) p = Φ(polynomial(t)) with the "c", N = 1 coefficients and bounds.
/// `add_trend`'s rule is kept: no constant is added when a column is
/// constant and non-zero.
///
/// Edge cases: a constant series raises ("Invalid input, x is constant"), as
/// statsmodels does; a series too short for any lag raises too.
public enum AugmentedDickeyFuller {
    /// Why `adfuller` raised.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// statsmodels' message.
        public var description: String

        /// A failure with statsmodels' message.
        package init(description: String) { self.description = description }
    }

    /// The ADF statistic and its p-value.
    public static func test(_ x: [Double]) throws(Failure) -> (statistic: Double, pValue: Double) {
        guard let first = x.first, !x.allSatisfy({ $0 == first }) else {
            throw Failure(description: "Invalid input, x is constant")
        }
        let count = x.count
        var maxlag = Int((12.0 * CMath.pow(Double(count) / 100.0, 1 / 4.0)).rounded(.up))
        maxlag = min(count / 2 - 1 - 1, maxlag)
        guard maxlag >= 0 else { throw Failure(description: "sample size is too short to use selected regression component") }
        let difference = (1..<count).map { x[$0] - x[$0 - 1] }

        let lagged = laggedColumns(x, difference, lags: maxlag)
        let (searchColumns, constantAdded) = withConstant(lagged.columns, rows: lagged.rows, prepend: true)
        let startlag = (constantAdded ? 1 : 0) + 1
        let lags = Array(startlag...(startlag + maxlag))
        let usedlag = (fastLag(y: lagged.y, columns: searchColumns, lags: lags) ?? exactLag(y: lagged.y, columns: searchColumns, lags: lags)) - startlag
        let final = laggedColumns(x, difference, lags: usedlag)
        let (columns, _) = withConstant(Array(final.columns.prefix(usedlag + 1)), rows: final.rows, prepend: false)
        let fit = LeastSquaresFit(y: final.y, design: Array(columns.joined()), columns: columns.count)
        let standardError = (fit.normalizedCovariance[0] * fit.ssr / fit.dfResid).squareRoot()
        let statistic = fit.parameters[0] / standardError
        return (statistic, mackinnonP(statistic))
    }

    /// The lag (column count) of the first AIC minimum, from the exact fits (pinv, matrix rank), as statsmodels.
    private static func exactLag(y: [Double], columns: [[Double]], lags: [Int]) -> Int {
        var best: (criterion: Double, lag: Int)?
        for lag in lags {
            let fit = LeastSquaresFit(y: y, design: Array(columns.prefix(lag).joined()), columns: lag)
            let criterion = -2 * fit.logLikelihood + 2 * Double(fit.rank)
            if best == nil || criterion < best!.criterion { best = (criterion, lag) }
        }
        return best!.lag
    }

    /// The same lag from one QR of the widest design (every prefix's SSR at
    /// once, full rank), or nil — then the exact fits decide — when the
    /// design is ill conditioned or another lag's AIC is within 1e-8 of the
    /// minimum, where rounding could change which one is first.
    private static func fastLag(y: [Double], columns: [[Double]], lags: [Int]) -> Int? {
        guard let sums = PrefixLeastSquares.residualSums(y: y, columns: columns) else { return nil }
        let criteria = lags.map { lag in
            -2 * LeastSquaresFit.profileLogLikelihood(ssr: sums[lag - 1], observations: y.count) + 2 * Double(lag)
        }
        guard let minimum = criteria.min(), let first = criteria.firstIndex(of: minimum) else { return nil }
        let margin = 1e-8 * max(1, abs(minimum))
        for (index, criterion) in criteria.enumerated() where index != first && criterion - minimum <= margin { return nil }
        return lags[first]
    }

    /// Rows t = lags … n−2: y = Δx_t; columns [x_t, Δx_t−1 … Δx_t−lags].
    private static func laggedColumns(_ x: [Double], _ difference: [Double], lags: Int) -> (y: [Double], columns: [[Double]], rows: Int) {
        let rows = difference.count - lags
        var columns = [Array(x[lags..<(lags + rows)])]
        for i in stride(from: 1, through: lags, by: 1) { columns.append(Array(difference[(lags - i)..<(lags - i + rows)])) }
        return (Array(difference[lags...]), columns, rows)
    }

    /// `add_trend(x, "c", prepend)` with has_constant="skip": the constant is not
    /// added when some column is constant and its first value non-zero.
    private static func withConstant(_ columns: [[Double]], rows: Int, prepend: Bool) -> ([[Double]], Bool) {
        let skip = columns.contains { column in
            guard let first = column.first else { return false }
            return first != 0 && column.allSatisfy { $0 == first }
        }
        if skip { return (columns, false) }
        let constant = [Double](repeating: 1, count: rows)
        return (prepend ? [constant] + columns : columns + [constant], true)
    }

    /// MacKinnon's approximate p-value for regression "c", one I(1) series.
    public static func mackinnonP(_ statistic: Double) -> Double {
        if statistic > 2.74 { return 1 }
        if statistic < -18.83 { return 0 }
        let coefficients: [Double] = statistic <= -1.61 ? [2.1659, 1.4412, 0.038269] : [1.7339, 0.9320200000000001, -0.12745, -0.010368]
        var value = 0.0
        for coefficient in coefficients.reversed() { value = value * statistic + coefficient }
        return normalCDF(value)
    }

    /// Φ(z) as scipy's `ndtr`: ½ + ½·erf(z/√2) near 0, ½·erfc(|z|/√2) in the tails.
    package static func normalCDF(_ z: Double) -> Double {
        let x = z * 0.7071067811865476
        let magnitude = abs(x)
        if magnitude < 0.7071067811865476 { return 0.5 + 0.5 * CMath.erf(x) }
        let tail = 0.5 * CMath.erfc(magnitude)
        return x > 0 ? 1 - tail : tail
    }
}
