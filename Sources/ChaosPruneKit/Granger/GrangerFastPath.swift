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
package enum GrangerFastPath {
    package static func test(le: [Double], context: GrangerContext) -> GrangerOutcome {
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
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: k * k + k) { scratch -> Double? in
            let gram = scratch.baseAddress!
            let beta = gram + k * k
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
                beta[i - 1] = context.riskProducts.sum(offset: i, from: lag - i, to: total - i)
                beta[lag + i] = cross.sum(offset: i, from: lag - i, to: total - i)
            }
            set(constant, constant, Double(n))
            beta[constant] = context.riskProfile.sum(from: lag, to: total)
            guard choleskyInPlace(gram, k) else { return nil }
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
            return context.risk.withUnsafeBufferPointer { risk in
                le.withUnsafeBufferPointer { le in
                    residualSumOfSquares(risk.baseAddress!, le.baseAddress!, beta, lag: lag, total: total)
                }
            }
        }
    }

    /// Replaces the upper triangle of the symmetric `k` × `k` matrix at `gram`
    /// by its Cholesky factor; false when a pivot keeps less than 1e-10 of its
    /// column's squared norm (ill-conditioned or rank-deficient).
    ///
    /// Row p of the factor is gram[p][q] − Σ_{r<p} L[r][p]·L[r][q], the terms
    /// subtracted in r order, then divided by the pivot's root; the updates
    /// run along rows (r outer, q inner) so they vectorise, each entry seeing
    /// the same operations in the same order as a dot product per entry.
    @inline(__always)
    private static func choleskyInPlace(_ gram: UnsafeMutablePointer<Double>, _ k: Int) -> Bool {
        for p in 0..<k {
            let row = gram + p &* k
            let norm = row[p]
            for r in 0..<p {
                let above = gram + r &* k
                let factor = above[p]
                for q in p..<k { row[q] -= factor * above[q] }
            }
            let pivot = row[p]
            guard norm > 0, pivot > 1e-10 * norm else { return false }
            let root = pivot.squareRoot()
            row[p] = root
            for q in (p + 1)..<k { row[q] /= root }
        }
        return true
    }

    /// Σ_t (risk[t] − fitted[t])² for t = lag … total − 1, fitted[t] = β_c (at `beta[lag]`) + Σ_i
    /// (β_i·risk[t−i] + β_{lag+i}·le[t−i]) added in i order, the squares added
    /// in t order. Four rows are fitted side by side in SIMD lanes (the same
    /// operations per lane, no fused multiply-add), so the result is the bits
    /// of the plain loop.
    @inline(__always)
    private static func residualSumOfSquares(_ risk: UnsafePointer<Double>, _ le: UnsafePointer<Double>,
                                             _ beta: UnsafeMutablePointer<Double>, lag: Int, total: Int) -> Double {
        func four(_ series: UnsafePointer<Double>, at index: Int) -> SIMD4<Double> {
            UnsafeRawPointer(series + index).loadUnaligned(as: SIMD4<Double>.self)
        }
        var ssr = 0.0
        var t = lag
        while t + 4 <= total {
            var fitted = SIMD4<Double>(repeating: beta[lag])
            for i in 1...lag {
                fitted += beta[i - 1] * four(risk, at: t &- i) + beta[lag + i] * four(le, at: t &- i)
            }
            let residual = four(risk, at: t) - fitted
            let squares = residual * residual
            ssr += squares[0]
            ssr += squares[1]
            ssr += squares[2]
            ssr += squares[3]
            t += 4
        }
        while t < total {
            var fitted = beta[lag]
            for i in 1...lag { fitted += beta[i - 1] * risk[t - i] + beta[lag + i] * le[t - i] }
            let residual = risk[t] - fitted
            ssr += residual * residual
            t += 1
        }
        return ssr
    }
}
