/// The two scikit-learn scalers as the authors used them, on one "column" of
/// n values (a sample's features, or a feature across one set's rows).
///
/// StandardScaler: S = Σv, mean = S/n, d = v − mean, C = Σd, Q = Σd²,
/// var = (Q − C²/n)/n (C is the two-pass correction term and is kept);
/// the column is constant when var ≤ (n·ε)·var + ((n·mean)·ε)² with
/// ε = 2⁻⁵², then scale = 1, else √var; each value becomes (v − mean)/scale.
/// The sums are left to right, or numpy's pairwise sums where numpy summed
/// contiguous memory (the per-feature case).
///
/// MinMaxScaler: r = max − min (1 when r < 10ε), scale = 1/r,
/// shift = 0 − min·scale, each value becomes v·scale + shift (two roundings).
public enum FeatureScaling {
    /// How the scaler's sums are accumulated.
    public enum Summation: Sendable {
        /// Left to right (numpy's strided sums: per-sample scaling).
        case sequential
        /// numpy's pairwise scheme (contiguous sums: per-feature scaling).
        case pairwise
    }

    /// `StandardScaler().fit_transform` of one column.
    public static func standardise(_ values: [Double], summation: Summation) -> [Double] {
        let n = Double(values.count)
        func sum(_ terms: [Double]) -> Double {
            switch summation {
            case .pairwise: return PairwiseSum.sum(terms[...])
            case .sequential:
                var total = 0.0
                for term in terms { total += term }
                return total
            }
        }
        let mean = sum(values) / n
        let deviations = values.map { $0 - mean }
        let correction = sum(deviations)
        let squares = sum(deviations.map { $0 * $0 })
        let variance = (squares - (correction * correction) / n) / n
        let epsilon = 0x1p-52
        let bound = ((n * mean) * epsilon)
        let constant = variance <= (n * epsilon) * variance + bound * bound
        let scale = constant ? 1.0 : variance.squareRoot()
        return values.map { ($0 - mean) / scale }
    }

    /// `MinMaxScaler().fit_transform` of one column.
    public static func minMax(_ values: [Double]) -> [Double] {
        guard let low = values.min(), let high = values.max() else { return values }
        var range = high - low
        if range < 10 * 0x1p-52 { range = 1.0 }
        let scale = 1.0 / range
        let shift = 0.0 - low * scale
        return values.map { $0 * scale + shift }
    }
}
