import LyapunovKit

/// What the window stage computes: the window plan, the lyap_r parameters,
/// the gate and the output layout of one of the two reference scripts.
///
/// Mirrors `LE_window.m` (current: window 50 by the README, 200 in the script;
/// overlap 0.1; gate on; `-m2 -r20 -d1 -s3`; rows = windows) and `window_LE.m`
/// (legacy: window 200, step 180, no gate, `-s20`, rows = weights).
public struct WindowSettings: Sendable {
    /// The two output layouts.
    public enum Layout: Sendable {
        /// One row per window, one column per weight (`LE_window.m`).
        case windowsByWeights
        /// One row per weight, one column per window (`window_LE.m`).
        case weightsByWindows
    }

    /// Rows per window, W.
    public var window: Int
    /// Fraction of a window shared with the next, o: step = W·(1 − o).
    public var overlap: Double
    /// lyap_r's parameters for each window.
    public var parameters: LyapunovParameters
    /// Whether the `ischange`/range gate runs.
    public var gate: Bool
    /// Output layout.
    public var layout: Layout
    /// Rounding model of the lyap_r build to reproduce.
    public var arithmetic: ArithmeticMode = .ieee64

    /// The current script's settings with window `window` (the README's 50 by default).
    public static func current(window: Int = 50) -> WindowSettings {
        WindowSettings(window: window, overlap: 0.1, parameters: .pipeline, gate: true, layout: .windowsByWeights)
    }

    /// The legacy script's settings: window 200, overlap 0.1 (step 180), no gate, `-s20`, transposed.
    public static var legacy: WindowSettings {
        var parameters = LyapunovParameters.pipeline
        parameters.steps = 20
        return WindowSettings(window: 200, overlap: 0.1, parameters: parameters, gate: false, layout: .weightsByWindows)
    }

    /// The step between window starts, W·(1 − o), which must be a whole number of rows.
    public var step: Int? {
        let exact = Double(window) * (1 - overlap)
        let rounded = exact.rounded()
        guard rounded >= 1, abs(exact - rounded) < 1e-9 else { return nil }
        return Int(rounded)
    }
}
