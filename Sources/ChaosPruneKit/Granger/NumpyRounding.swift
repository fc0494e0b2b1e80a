import ChaosPruneSystem

/// `numpy.round(x, decimals)` on a numpy float: y = x·10^decimals in double,
/// rounded to the nearest integer with halves to even (`rint`), divided by 10^decimals.
///
/// Mirrors the notebook's `round(p, 4)` on numpy p-values. Not correct decimal
/// rounding: 0.12345 (stored just above .12345, but ·10⁴ rounds to 1234.5) gives 0.1234.
public enum NumpyRounding {
    /// x rounded to `decimals` places the numpy way.
    public static func round(_ x: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return CMath.rint(x * scale) / scale
    }
}
