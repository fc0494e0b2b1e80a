/// statsmodels 0.14.4 `grangercausalitytests(data, maxlag)` with `data` =
/// [risk, le] ("does le Granger-cause risk"), constant term added.
///
/// Mirrors, per lag L = 1 … maxlag on T observations: rows L … T−1 of y = risk
/// regressed on [L lags of risk, const] (restricted) and [L lags of risk,
/// L lags of le, const] (unrestricted) with `LeastSquaresFit`; then
/// `ssr_ftest`, `ssr_chi2test`, `lrtest`, `params_ftest`. Raises as statsmodels
/// does: NaN/inf in either series; T ≤ 3·maxlag + 1 ("Insufficient
/// observations", maximum lag int((T − 1)/3) − 1); for the first lag where any
/// lag column is constant over the rows kept ("constant values"); where the
/// unrestricted fit is perfect (TSS = 0, RSS = 0, R² NaN or RSS/TSS < ε).
public enum GrangerCausality {
    /// Runs the tests for lags 1 … `maxlag`.
    public static func test(risk: [Double], le: [Double], maxlag: Int) -> GrangerOutcome {
        precondition(risk.count == le.count && maxlag >= 1)
        let total = risk.count
        guard risk.allSatisfy(\.isFinite), le.allSatisfy(\.isFinite) else { return .raised(GrangerOutcome.Message.nonFinite) }
        guard total > 3 * maxlag + 1 else {
            return .raised(GrangerOutcome.Message.insufficient(maximumLag: (total - 1) / 3 - 1))
        }
        var results: [GrangerLagResult] = []
        results.reserveCapacity(maxlag)
        for lag in 1...maxlag {
            switch testLag(lag, risk: risk, le: le) {
            case let .success(result): results.append(result)
            case let .failure(message): return .raised(message.text)
            }
        }
        return .tested(results)
    }

    struct Failure: Error {
        var text: String
    }

    /// One lag's four tests.
    static func testLag(_ lag: Int, risk: [Double], le: [Double]) -> Result<GrangerLagResult, Failure> {
        let total = risk.count
        let n = total - lag
        for i in 1...lag {
            if isConstant(risk[(lag - i)..<(total - i)]) || isConstant(le[(lag - i)..<(total - i)]) {
                return .failure(Failure(text: GrangerOutcome.Message.constantColumn))
            }
        }
        let (y, own, joint) = design(lag: lag, risk: risk, le: le)
        let restricted = LeastSquaresFit(y: y, design: own, columns: lag + 1)
        let unrestricted = LeastSquaresFit(y: y, design: joint, columns: 2 * lag + 1)

        let mean = y.reduce(0, +) / Double(n)
        let tss = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let wald = unrestricted.waldTest(indices: Array(lag..<(2 * lag)))
        return lagResult(lag: lag, observations: n, totalSumOfSquares: tss,
                         restricted: (restricted.ssr, restricted.logLikelihood), unrestrictedSSR: unrestricted.ssr,
                         dfResid: unrestricted.dfResid, parameterF: wald)
    }

    /// One lag's four tests from the two fits, after statsmodels' perfect-fit check
    /// (TSS = 0, RSS_u = 0, R² NaN or RSS_u/TSS < ε raise). `parameterF` is the Wald
    /// F of `params_ftest` with its numerator degrees of freedom; nil takes the
    /// full-rank identity with `ssr_ftest`.
    static func lagResult(lag: Int, observations n: Int, totalSumOfSquares tss: Double,
                          restricted: (ssr: Double, logLikelihood: Double), unrestrictedSSR ssr: Double, dfResid: Double,
                          parameterF: (statistic: Double, numerator: Double)?) -> Result<GrangerLagResult, Failure> {
        if tss == 0 || ssr == 0 || (1 - ssr / tss).isNaN || ssr / tss < Double.ulpOfOne {
            return .failure(Failure(text: GrangerOutcome.Message.perfectFit))
        }
        let lagCount = Double(lag)
        let fStatistic = (restricted.ssr - ssr) / ssr / lagCount * dfResid
        let chiSquare = Double(n) * (restricted.ssr - ssr) / ssr
        let ratio = -2 * (restricted.logLikelihood - LeastSquaresFit.profileLogLikelihood(ssr: ssr, observations: n))
        let fTest = GrangerStatistic(statistic: fStatistic, pValue: SurvivalFunctions.f(fStatistic, numerator: lagCount, denominator: dfResid))
        let wald = parameterF.map {
            GrangerStatistic(statistic: $0.statistic, pValue: SurvivalFunctions.f($0.statistic, numerator: $0.numerator, denominator: dfResid))
        }
        return .success(GrangerLagResult(
            lag: lag, ssrF: fTest,
            ssrChiSquare: GrangerStatistic(statistic: chiSquare, pValue: SurvivalFunctions.chiSquare(chiSquare, degreesOfFreedom: lagCount)),
            likelihoodRatio: GrangerStatistic(statistic: ratio, pValue: SurvivalFunctions.chiSquare(ratio, degreesOfFreedom: lagCount)),
            parameterF: wald ?? fTest))
    }

    /// statsmodels' `lagmat2ds(x, lag, trim="both", dropex=1)` split into y and the
    /// two designs, column-major: y = risk[lag…]; restricted = [risk lags 1…L, const];
    /// unrestricted = [risk lags 1…L, le lags 1…L, const] (`add_constant(prepend=False)`).
    package static func design(lag: Int, risk: [Double], le: [Double]) -> (y: [Double], restricted: [Double], unrestricted: [Double]) {
        let total = risk.count
        let n = total - lag
        var own: [Double] = []
        own.reserveCapacity(n * (lag + 1))
        for i in 1...lag { own += risk[(lag - i)..<(total - i)] }
        var joint = own
        for i in 1...lag { joint += le[(lag - i)..<(total - i)] }
        own += repeatElement(1, count: n)
        joint += repeatElement(1, count: n)
        return (Array(risk[lag..<total]), own, joint)
    }

    private static func isConstant(_ values: ArraySlice<Double>) -> Bool {
        guard let first = values.first else { return true }
        return values.allSatisfy { $0 == first }
    }
}
