/// The notebook's choice of weights to prune from the Granger outcomes.
///
/// Mirrors: pval[c] = min over lags of numpy-round(p of `ssr_chi2test`, 4), 0 for
/// a weight whose test raised; k = count of pval ≥ alpha; the mask is the last
/// k of the weights sorted by ascending pval (ties by ascending index, as numpy
/// 2 gives them; numpy 1.23 scrambles large tie groups). With k = 0 the
/// reference's `[-0:]` slice selects every weight: reproduced unless `fixEmpty`.
public struct NonCausalSelection: Sendable {
    /// Per-weight value (the notebook's min_p).
    public var minimumP: [Double]
    /// The selected weights, in the mask's order.
    public var mask: [Int]
    /// Weights with pval ≥ alpha.
    public var nonCausalCount: Int
    /// Whether the zero-selected quirk fired (everything selected).
    public var selectedAllBecauseNoneQualified: Bool

    /// Selects from `outcomes` at threshold `alpha`.
    public init(outcomes: [GrangerOutcome], alpha: Double = 0.05, fixEmpty: Bool = false) {
        minimumP = outcomes.map { outcome in
            switch outcome {
            case .raised: return 0
            case let .tested(lags):
                return lags.map { NumpyRounding.round($0.ssrChiSquare.pValue, decimals: 4) }.min() ?? 0
            }
        }
        let values = minimumP
        let ascending = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        nonCausalCount = values.filter { $0 >= alpha }.count
        selectedAllBecauseNoneQualified = nonCausalCount == 0 && !fixEmpty && !values.isEmpty
        mask = selectedAllBecauseNoneQualified ? ascending : Array(ascending.suffix(nonCausalCount))
    }
}
