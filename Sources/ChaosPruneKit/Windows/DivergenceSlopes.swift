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
        guard rows.count >= 2, let first = rows.first, let last = rows.last,
              t >= Double(first.iteration), t <= Double(last.iteration) else { return .nan }
        var k = 0
        while k < rows.count - 2, Double(rows[k + 1].iteration) <= t { k += 1 }
        let x0 = Double(rows[k].iteration)
        let x1 = Double(rows[k + 1].iteration)
        let y0 = rows[k].value
        let y1 = rows[k + 1].value
        return y0 + ((t - x0) / (x1 - x0)) * (y1 - y0)
    }

    /// MATLAB `round(x, 6)` as the fixtures compute it: `round(x·1e6)/1e6`, half away from zero.
    @inline(__always)
    public static func roundToSixDecimals(_ x: Double) -> Double {
        (x * 1e6).rounded(.toNearestOrAwayFromZero) / 1e6
    }

    /// The rounded slope of the curve over [a, b].
    public static func slope(_ rows: [DivergenceRow], from a: Double, to b: Double) -> Double {
        roundToSixDecimals((interpolate(rows, at: b) - interpolate(rows, at: a)) / (b - a))
    }

    /// The exponent of a curve by the script's rules.
    public static func exponent(of rows: [DivergenceRow]) -> Result {
        guard rows.count > 1 else { return .tooFewRows }
        let s2 = slope(rows, from: 0.75, to: 1)
        let s3 = slope(rows, from: 0.5, to: 0.6)
        let s4 = slope(rows, from: 0.25, to: 0.75)
        if s2 == s3 { return .exponent(s2) }
        if s3 == s4 || s2 == s4 { return .exponent(s4) }
        return .slopesDisagree
    }
}
