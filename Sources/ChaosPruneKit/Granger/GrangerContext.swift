/// Everything of the Granger tests that depends only on the risk series,
/// computed once and shared by every weight: per lag, the restricted fit, the
/// total sum of squares and whether a risk lag column is constant; and the
/// risk series' lagged products.
public struct GrangerContext: Sendable {
    /// The risk series (the tests' y).
    public let risk: [Double]
    /// Highest lag.
    public let maxlag: Int
    let riskProfile: SeriesProfile
    let riskProducts: LaggedProducts
    /// Per lag (index L−1): the restricted fit's ssr and log-likelihood.
    let restrictedSSR: [Double]
    let restrictedLogLikelihood: [Double]
    let totalSumOfSquares: [Double]
    /// Per lag: whether some risk lag column is constant over the rows kept.
    let riskLagConstant: [Bool]
    /// The exception every weight gets regardless of its LE series, if any.
    let globalFailure: String?

    /// Prepares the shared parts for `risk` and lags 1 … `maxlag`.
    public init(risk: [Double], maxlag: Int) {
        self.risk = risk
        self.maxlag = maxlag
        let total = risk.count
        riskProfile = SeriesProfile(risk)
        riskProducts = LaggedProducts(risk, risk, offsets: 0...maxlag)
        if !risk.allSatisfy(\.isFinite) {
            globalFailure = GrangerOutcome.Message.nonFinite
        } else if total <= 3 * maxlag + 1 {
            globalFailure = GrangerOutcome.Message.insufficient(maximumLag: (total - 1) / 3 - 1)
        } else {
            globalFailure = nil
        }
        var ssr: [Double] = [], likelihood: [Double] = [], tss: [Double] = [], constant: [Bool] = []
        if globalFailure == nil {
            for lag in 1...maxlag {
                let n = total - lag
                let (y, own, _) = GrangerCausality.design(lag: lag, risk: risk, le: risk)
                let fit = LeastSquaresFit(y: y, design: own, columns: lag + 1)
                ssr.append(fit.ssr)
                likelihood.append(fit.logLikelihood)
                let mean = y.reduce(0, +) / Double(n)
                tss.append(y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) })
                let profile = riskProfile
                constant.append((1...lag).contains { profile.isConstant(from: lag - $0, to: total - $0) })
            }
        }
        restrictedSSR = ssr
        restrictedLogLikelihood = likelihood
        totalSumOfSquares = tss
        riskLagConstant = constant
    }
}
