import ChaosPruneFormats
import LyapunovKit

/// What happened to one (weight, window) cell.
public enum WindowOutcome: UInt8, Sendable {
    /// lyap_r ran and the slopes agreed.
    case computed
    /// The gate found a change point or a range below 1e-5: "Weights unvarying at".
    case gated
    /// lyap_r's output had at most one row (also counted as static).
    case tooFewRows
    /// No two slopes agreed: "Slope not matching at".
    case slopesDisagree
    /// The reference's lyap_r would never terminate on this window; exponent 0.
    case noNeighbour
    /// Constant after the `%f` quantisation: lyap_r exits 11 without touching
    /// its output file, so the legacy script reads the previous call's curve
    /// (resolved by `WindowLEJob`; the current script's runs count it as `tooFewRows`).
    case constant
}

/// Per-thread scratch memory for `WindowExponent`.
public final class WindowScratch {
    let workspace = LyapunovWorkspace()
    var gate = MeanChangeGate()

    /// Creates empty scratch memory.
    public init() {}
}

/// The exponent of one weight's window, as the reference script computes it,
/// in the three steps every `WindowEngine` runs: prepare (the gate on the raw
/// values), run (lyap_r in-process on the `%f`-quantised values, the curve read
/// back from its `%e` text), finish (the slopes).
public struct WindowExponent: Sendable {
    /// The settings.
    public var settings: WindowSettings

    /// Creates the computation for `settings`.
    public init(settings: WindowSettings) { self.settings = settings }

    /// The exponent of one window and what happened: `raw` its values,
    /// `quantised` the same values after `SixDecimalQuantiser`.
    ///
    /// Edge cases: a window lyap_r refuses (constant after quantisation, too
    /// short) yields an empty curve, as the script's empty output file does;
    /// one on which the reference would loop forever yields 0 and `.noNeighbour`.
    public func compute(raw: UnsafeBufferPointer<Double>, quantised: UnsafeBufferPointer<Double>,
                        scratch: WindowScratch) -> (exponent: Double, outcome: WindowOutcome) {
        if settings.gate, scratch.gate.isStatic(raw) { return (0, .gated) }
        var rows: [DivergenceRow]
        do {
            rows = try LyapunovEngine.divergence(of: quantised, parameters: settings.parameters,
                                                 arithmetic: settings.arithmetic, workspace: scratch.workspace)
            for index in rows.indices { rows[index].value = ScientificTextQuantiser.quantise(rows[index].value) }
        } catch .noNeighbour {
            return (0, .noNeighbour)
        } catch .constantSeries {
            return (0, .constant)
        } catch {
            rows = []
        }
        return Self.finish(DivergenceSlopes.exponent(of: rows))
    }

    /// The finish step: a curve's slope result as the script's exponent and outcome.
    public static func finish(_ result: DivergenceSlopes.Result) -> (exponent: Double, outcome: WindowOutcome) {
        switch result {
        case let .exponent(value): return (value, .computed)
        case .tooFewRows: return (0, .tooFewRows)
        case .slopesDisagree: return (0, .slopesDisagree)
        }
    }
}
