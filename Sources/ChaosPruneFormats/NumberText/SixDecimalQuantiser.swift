import ChaosPruneSystem

/// The value lyap_r reads back from MATLAB's `fprintf('%f\n', x)`: x rounded
/// to six decimals by the C library (exact binary value, ties to even), then
/// parsed by `scanf("%lf")` (correctly rounded).
///
/// Mirrors the window script's quantisation before each lyap_r call.
///
/// The fast path is exact: `roundedExactProduct` gives the integer k that `%f`
/// prints as k/10⁶; that text parses to `k / 1e6`, since IEEE division of two
/// exact integers is correctly rounded, as `strtod` is.
///
/// Edge cases: |x·10⁶| ≥ 2⁵², NaN and infinities go through the C library
/// itself (`snprintf` then `strtod`); a negative x that prints as `-0.000000`
/// gives −0.0.
public enum SixDecimalQuantiser {
    /// x as lyap_r sees it after `%f`.
    @inline(__always)
    public static func quantise(_ x: Double) -> Double {
        guard let k = roundedExactProduct(x, 1e6) else { return throughCLibrary(x) }
        if k == 0 { return x.sign == .minus ? -0.0 : 0.0 }
        return k / 1e6
    }

    /// The reference's own route: C `%f` text, parsed back with `strtod`.
    public static func throughCLibrary(_ x: Double) -> Double {
        CFormat.parsePrefix(CFormat.format("%f", x))
    }
}
