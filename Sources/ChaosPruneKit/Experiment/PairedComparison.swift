import ChaosPruneFormats

/// A paired comparison of two variants over the same trials: the per-trial
/// differences a − b, their mean and sample standard deviation, how many
/// trials a is above, below or equal to b, and the two-sided paired t-test.
///
/// The test: t = mean / (s / √n) with s the standard deviation over n − 1,
/// p = P(|T| ≥ |t|) for Student's t with n − 1 degrees of freedom, computed
/// as the F(1, n − 1) survival function of t² (scipy's `ttest_rel`). A
/// Wilcoxon signed-rank test is not used: with five trials its exact
/// two-sided p-value cannot fall below 0.0625.
///
/// Edge cases: fewer than two trials give no test (nil p); differences that
/// are all equal give p = 1 when they are all zero and p = 0 otherwise (t is
/// infinite; scipy gives NaN); a NaN difference gives no test.
public struct PairedComparison: Sendable, Equatable {
    /// Trials compared.
    public var count: Int
    /// Mean and sample standard deviation of the differences.
    public var meanDifference: Double, standardDeviation: Double
    /// Trials where a is above, below and equal to b.
    public var above: Int, below: Int, equal: Int
    /// The paired t statistic and its two-sided p-value, nil when there is no test.
    public var t: Double?, p: Double?

    /// Compares `a` with `b`, trial by trial (equal lengths).
    public init(_ a: [Double], _ b: [Double]) {
        let differences = zip(a, b).map { $0 - $1 }
        count = differences.count
        above = differences.count { $0 > 0 }
        below = differences.count { $0 < 0 }
        equal = differences.count { $0 == 0 }
        let n = Double(count)
        var sum = 0.0
        for difference in differences { sum += difference }
        meanDifference = count > 0 ? sum / n : .nan
        var squares = 0.0
        for difference in differences { squares += (difference - meanDifference) * (difference - meanDifference) }
        standardDeviation = count > 1 ? (squares / (n - 1)).squareRoot() : .nan
        guard count > 1, meanDifference.isFinite, standardDeviation.isFinite else {
            t = nil
            p = nil
            return
        }
        if standardDeviation == 0 {
            t = meanDifference == 0 ? 0 : meanDifference.sign == .minus ? -.infinity : .infinity
            p = meanDifference == 0 ? 1 : 0
            return
        }
        let statistic = meanDifference / (standardDeviation / n.squareRoot())
        t = statistic
        p = SurvivalFunctions.f(statistic * statistic, numerator: 1, denominator: n - 1)
    }
}
