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
    private static let powers: [Double] = (0...11).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// v as read back from its `%e` text.
    @inline(__always)
    public static func quantise(_ v: Double) -> Double {
        let magnitude = abs(v)
        guard magnitude >= 1e-5, magnitude < 1e6 else { return throughCLibrary(v) }
        var exponent = 5
        while exponent > -5, !isAtLeastPowerOfTen(magnitude, exponent) { exponent -= 1 }
        let scale = powers[6 - exponent]
        guard let k = roundedExactProduct(magnitude, scale) else { return throughCLibrary(v) }
        let result = k / scale
        return v < 0 ? -result : result
    }

    /// Whether x ≥ 10^q exactly, for −5 ≤ q ≤ 5.
    @inline(__always)
    private static func isAtLeastPowerOfTen(_ x: Double, _ q: Int) -> Bool {
        if q >= 0 { return x >= powers[q] }
        let scale = powers[-q]
        let p = x * scale
        if p != 1 { return p > 1 }
        return (-p).addingProduct(x, scale) >= 0
    }

    /// The reference's own route: C `%e` text, parsed back with `strtod`.
    public static func throughCLibrary(_ v: Double) -> Double {
        CFormat.parsePrefix(CFormat.format("%e", v))
    }
}
