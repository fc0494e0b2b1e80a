import ChaosPruneSystem

/// The value MATLAB's `load` reads back from a lyap_r output line: the value
/// printed with C `%e` (seven significant digits, ties to even on the exact
/// binary value), parsed back correctly rounded.
///
/// Mirrors the window script reading lyap_r's `"%d %e"` file before it interpolates.
///
/// The fast path covers 1e-5 ≤ |v| < 1e6: the decimal exponent q is found by
/// exact comparisons with powers of ten, k = `roundedExactProduct(|v|, 10^(6−q))`
/// is the printed mantissa, and the text parses to k / 10^(6−q) (both exact
/// integers, so IEEE division is the correctly rounded `strtod` result).
///
/// Edge cases: other magnitudes, zero, NaN and infinities go through the C
/// library itself (`snprintf` then `strtod`).
public enum ScientificTextQuantiser {
    /// v as read back from its `%e` text.
    @inline(__always)
    public static func quantise(_ v: Double) -> Double {
        let magnitude = abs(v)
        guard magnitude >= 1e-5, magnitude < 1e6 else { return throughCLibrary(v) }
        var exponent = 5
        while exponent > -5, !isAtLeastPowerOfTen(magnitude, exponent) { exponent -= 1 }
        let scale = exactPowersOfTen[6 - exponent]
        guard let k = roundedExactProduct(magnitude, scale) else { return throughCLibrary(v) }
        let result = k / scale
        return v < 0 ? -result : result
    }

    /// The reference's own route: C `%e` text, parsed back with `strtod`.
    public static func throughCLibrary(_ v: Double) -> Double {
        CFormat.parsePrefix(CFormat.format("%e", v))
    }
}
