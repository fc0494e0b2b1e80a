/// The Granger tests of one weight, computed fast and with the same numbers as
/// `GrangerCausality` (statsmodels) to far below the 1e-10 the stage promises.
///
/// How: the restricted fit and TSS come from the shared `GrangerContext`; the
/// unrestricted design's XᵀX and Xᵀy are assembled from prefix sums of lagged
/// products (O(1) per entry) and solved by Cholesky; the residual sum of
/// squares is then computed from the residuals themselves, so an error ε in
/// the coefficients changes it only by ‖Xε‖² (second order). At full rank the
/// Wald F of `params_ftest` equals ((RSS_r − RSS_u)/L)/(RSS_u/df_u) exactly,
/// which is how it is computed here (statsmodels' two numbers differ in the last bits).
///
/// Edge cases: where the design is ill-conditioned or rank-deficient (some
/// Cholesky pivot keeps less than 1e-10 of its column's squared norm), the lag
/// is computed by `GrangerCausality.testLag` — the literal pseudo-inverse fit,
/// with statsmodels' rank and pinv semantics.
enum GrangerFastPath {
    static func test(le: [Double], context: GrangerContext) -> GrangerOutcome {
        if let failure = context.globalFailure { return .raised(failure) }
        guard le.allSatisfy(\.isFinite) else { return .raised(GrangerOutcome.Message.nonFinite) }
        let total = le.count
        let profile = SeriesProfile(le)
        let own = LaggedProducts(le, le, offsets: 0...(context.maxlag - 1))
        let cross = LaggedProducts(le, context.risk, offsets: (-(context.maxlag - 1))...context.maxlag)
        var results: [GrangerLagResult] = []
        results.reserveCapacity(context.maxlag)
        for lag in 1...context.maxlag {
            if context.riskLagConstant[lag - 1] || (1...lag).contains(where: { profile.isConstant(from: lag - $0, to: total - $0) }) {
                return .raised(GrangerOutcome.Message.constantColumn)
            }
            let result: Result<GrangerLagResult, GrangerCausality.Failure>
            if let ssr = unrestrictedSSR(lag: lag, le: le, context: context, own: own, cross: cross, leProfile: profile) {
                let n = total - lag
                result = GrangerCausality.lagResult(
                    lag: lag, observations: n, totalSumOfSquares: context.totalSumOfSquares[lag - 1],
                    restricted: (context.restrictedSSR[lag - 1], context.restrictedLogLikelihood[lag - 1]),
                    unrestrictedSSR: ssr, dfResid: Double(n - (2 * lag + 1)), parameterF: nil)
            } else {
                result = GrangerCausality.testLag(lag, risk: context.risk, le: le)
            }
            switch result {
            case let .success(value): results.append(value)
            case let .failure(failure): return .raised(failure.text)
            }
        }
        return .tested(results)
    }

    /// RSS of the unrestricted fit, or nil when the design is too ill-conditioned for this path.
    private static func unrestrictedSSR(lag: Int, le: [Double], context: GrangerContext, own: LaggedProducts,
                                        cross: LaggedProducts, leProfile: SeriesProfile) -> Double? {
        let total = le.count
        let n = total - lag
        let k = 2 * lag + 1
        let constant = lag
        let risk = context.risk
        var gram = [Double](repeating: 0, count: k * k)
        var rightSide = [Double](repeating: 0, count: k)
        func set(_ p: Int, _ q: Int, _ value: Double) {
            gram[p * k + q] = value
            gram[q * k + p] = value
        }
        for i in 1...lag {
            for j in i...lag {
                set(i - 1, j - 1, context.riskProducts.sum(offset: j - i, from: lag - j, to: total - j))
                set(lag + i, lag + j, own.sum(offset: j - i, from: lag - j, to: total - j))
            }
            for j in 1...lag {
                set(lag + i, j - 1, cross.sum(offset: i - j, from: lag - i, to: total - i))
            }
            set(i - 1, constant, context.riskProfile.sum(from: lag - i, to: total - i))
            set(lag + i, constant, leProfile.sum(from: lag - i, to: total - i))
            rightSide[i - 1] = context.riskProducts.sum(offset: i, from: lag - i, to: total - i)
            rightSide[lag + i] = cross.sum(offset: i, from: lag - i, to: total - i)
        }
        set(constant, constant, Double(n))
        rightSide[constant] = context.riskProfile.sum(from: lag, to: total)

        for p in 0..<k {
            let norm = gram[p * k + p]
            var pivot = norm
            for r in 0..<p { pivot -= gram[r * k + p] * gram[r * k + p] }
            guard norm > 0, pivot > 1e-10 * norm else { return nil }
            let root = pivot.squareRoot()
            gram[p * k + p] = root
            for q in (p + 1)..<max(k, p + 1) {
                var value = gram[p * k + q]
                for r in 0..<p { value -= gram[r * k + p] * gram[r * k + q] }
                gram[p * k + q] = value / root
            }
        }
        var beta = rightSide
        for p in 0..<k {
            var value = beta[p]
            for r in 0..<p { value -= gram[r * k + p] * beta[r] }
            beta[p] = value / gram[p * k + p]
        }
        for p in stride(from: k - 1, through: 0, by: -1) {
            var value = beta[p]
            for r in (p + 1)..<max(k, p + 1) { value -= gram[p * k + r] * beta[r] }
            beta[p] = value / gram[p * k + p]
        }
        var ssr = 0.0
        for t in lag..<total {
            var fitted = beta[constant]
            for i in 1...lag { fitted += beta[i - 1] * risk[t - i] + beta[lag + i] * le[t - i] }
            let residual = risk[t] - fitted
            ssr += residual * residual
        }
        return ssr
    }
}
