/// numpy's pairwise summation of a contiguous array (`np.add.reduce`), for
/// the per-feature scaler sums that must match numpy's bits.
///
/// Mirrors numpy: fewer than 8 values are summed left to right; up to 128,
/// eight partial sums r₀…r₇ start at the first eight values, each following
/// complete block of eight adds into them, they combine as
/// ((r₀+r₁)+(r₂+r₃)) + ((r₄+r₅)+(r₆+r₇)), and the leftover values are added
/// in order; above 128 the array is split at m = ⌊n/2⌋ − (⌊n/2⌋ mod 8) and
/// the halves' sums are added.
public enum PairwiseSum {
    /// The pairwise sum of `values`.
    public static func sum(_ values: ArraySlice<Double>) -> Double {
        let count = values.count
        let start = values.startIndex
        if count < 8 {
            var total = 0.0
            for value in values { total += value }
            return total
        }
        if count <= 128 {
            var r = Array(values[start..<(start + 8)])
            let whole = count - count % 8
            var i = 8
            while i < whole {
                for k in 0..<8 { r[k] += values[start + i + k] }
                i += 8
            }
            var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < count {
                total += values[start + i]
                i += 1
            }
            return total
        }
        let half = count / 2
        let split = half - half % 8
        return sum(values[start..<(start + split)]) + sum(values[(start + split)...])
    }
}
