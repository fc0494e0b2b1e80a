import ChaosPruneFormats
import LyapunovKit

/// What the window stage computes: the window plan, the lyap_r parameters,
/// the gate and the output layout of one of the two reference scripts.
///
/// Mirrors `LE_window.m` (current: window 50 by the README, 200 in the script;
/// overlap 0.1; gate on; `-m2 -r20 -d1 -s3`; rows = windows) and `window_LE.m`
/// (legacy: window 200, step 180, no gate, `-s20`, rows = weights). See the
/// <doc:WindowScripts> article.
public struct WindowSettings: Sendable, Equatable {
    /// The two output layouts.
    public typealias Layout = WindowLayout

    /// Window size, overlap and step.
    public var plan: WindowPlan
    /// lyap_r's parameters for each window.
    public var parameters: LyapunovParameters
    /// Whether the `ischange`/range gate runs.
    public var gate: Bool
    /// Output layout.
    public var layout: Layout
    /// Rounding model of the lyap_r build to reproduce.
    public var arithmetic: ArithmeticMode = .ieee64

    /// Creates settings.
    public init(plan: WindowPlan, parameters: LyapunovParameters, gate: Bool, layout: Layout, arithmetic: ArithmeticMode = .ieee64) {
        self.plan = plan
        self.parameters = parameters
        self.gate = gate
        self.layout = layout
        self.arithmetic = arithmetic
    }

    /// The current script's settings (`LE_window.m`) for `plan`.
    public static func current(plan: WindowPlan) -> WindowSettings {
        WindowSettings(plan: plan, parameters: .pipeline, gate: true, layout: .windowsByWeights)
    }

    /// The legacy script's settings (`window_LE.m`) for `plan`: no gate, `-s20`, transposed.
    public static func legacy(plan: WindowPlan) -> WindowSettings {
        var parameters = LyapunovParameters.pipeline
        parameters.steps = 20
        return WindowSettings(plan: plan, parameters: parameters, gate: false, layout: .weightsByWindows)
    }

    /// The script this mirrors.
    public var scriptName: String { layout == .windowsByWeights ? "LE_window.m" : "window_LE.m" }
}
