import LyapunovKit

/// The window script's exponent from a lyap_r curve: four interpolated slopes,
/// rounded to six decimals, and its equality rules.
///
/// Mirrors: GNU Octave `interp1` linear interpolation over (iteration, value)
/// with NaN outside the range (t in [x_k, x_k+1), a t equal to the last x using
/// the last segment; y_k + ((t − x_k)/(x_k+1 − x_k))·(y_k+1 − y_k)); slopes
/// s1 over [1, 2.5], s2 over [0.75, 1], s3 over [0.5, 0.6], s4 over
/// [0.25, 0.75], each (y(b) − y(a))/(b − a); MATLAB `round(s, 6)` as
/// `round(s·1e6)/1e6`, half away from zero; then s2 == s3 → s2, else s3 == s4 or
/// s2 == s4 → s4, else 0 ("Slope not matching").
public enum DivergenceSlopes {
    /// The exponent a curve yields.
    public enum Result: Equatable, Sendable {
        /// The slopes agreed; the exponent.
        case exponent(Double)
        /// The curve has at most one row: exponent 0, counted as static.
        case tooFewRows
        /// No two slopes agreed: exponent 0, "Slope not matching at <window>".
        case slopesDisagree
    }

    /// Linear interpolation of the curve at `t`, NaN outside its range.
    public static func interpolate(_ rows: [DivergenceRow], at t: Double) -> Double {
        interpolate(count: rows.count, { rows[$0] }, at: t)
    }

    /// Linear interpolation at `t` of the `count` rows `row(0) …`, NaN outside their range.
    @inline(__always)
    static func interpolate(count: Int, _ row: (Int) -> DivergenceRow, at t: Double) -> Double {
        guard count >= 2, t >= Double(row(0).iteration), t <= Double(row(count - 1).iteration) else { return .nan }
        var k = 0
        while k < count - 2, Double(row(k + 1).iteration) <= t { k += 1 }
        let x0 = Double(row(k).iteration)
        let x1 = Double(row(k + 1).iteration)
        let y0 = row(k).value
        let y1 = row(k + 1).value
        return y0 + ((t - x0) / (x1 - x0)) * (y1 - y0)
    }

    /// MATLAB `round(x, 6)` as the fixtures compute it: `round(x·1e6)/1e6`, half away from zero.
    @inline(__always)
    public static func roundToSixDecimals(_ x: Double) -> Double {
        (x * 1e6).rounded(.toNearestOrAwayFromZero) / 1e6
    }

    /// The rounded slope of the curve over [a, b].
    public static func slope(_ rows: [DivergenceRow], from a: Double, to b: Double) -> Double {
        slope(count: rows.count, { rows[$0] }, from: a, to: b)
    }

    @inline(__always)
    static func slope(count: Int, _ row: (Int) -> DivergenceRow, from a: Double, to b: Double) -> Double {
        roundToSixDecimals((interpolate(count: count, row, at: b) - interpolate(count: count, row, at: a)) / (b - a))
    }

    /// The exponent of a curve by the script's rules.
    public static func exponent(of rows: [DivergenceRow]) -> Result {
        exponent(count: rows.count) { rows[$0] }
    }

    /// The exponent of a curve known by its rows 0 and 1 (`%e`-quantised) and
    /// whether a later row exists: the same result as the whole curve's.
    ///
    /// The rules read the curve at t ≤ 1 only. With a later row, t = 1 falls
    /// in the segment from row 1 to the next row and interpolates to
    /// y₁ + 0·(yₖ − y₁) = y₁ for every finite yₖ (y₁ is never −0: lyap_r's sums
    /// start at +0), so a stand-in row 2 holding y₁ gives the same bits as the
    /// real next row; every t < 1 uses rows 0 and 1 alone.
    public static func exponent(row0: Double, row1: Double, hasLaterRow: Bool) -> Result {
        exponent(count: hasLaterRow ? 3 : 2) { index in
            DivergenceRow(iteration: index, value: index == 0 ? row0 : row1)
        }
    }

    @inline(__always)
    static func exponent(count: Int, _ row: (Int) -> DivergenceRow) -> Result {
        guard count > 1 else { return .tooFewRows }
        let s2 = slope(count: count, row, from: 0.75, to: 1)
        let s3 = slope(count: count, row, from: 0.5, to: 0.6)
        let s4 = slope(count: count, row, from: 0.25, to: 0.75)
        if s2 == s3 { return .exponent(s2) }
        if s3 == s4 || s2 == s4 { return .exponent(s4) }
        return .slopesDisagree
    }
}
