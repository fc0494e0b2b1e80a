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
    var quantised: [Double] = []

    /// Creates empty scratch memory.
    public init() {}
}

/// The exponent of one weight's window, as the reference script computes it:
/// gate on the raw values, `%f` quantisation, lyap_r in-process, the curve
/// read back from its `%e` text, slopes.
public struct WindowExponent: Sendable {
    /// The settings.
    public var settings: WindowSettings

    /// Creates the computation for `settings`.
    public init(settings: WindowSettings) { self.settings = settings }

    /// The exponent of `values` (one window of one weight) and what happened.
    ///
    /// Edge cases: a window lyap_r refuses (constant after quantisation, too
    /// short) yields an empty curve, as the script's empty output file does;
    /// one on which the reference would loop forever yields 0 and `.noNeighbour`.
    public func compute(_ values: UnsafeBufferPointer<Double>, scratch: WindowScratch) -> (exponent: Double, outcome: WindowOutcome) {
        if settings.gate, scratch.gate.isStatic(values) { return (0, .gated) }
        if scratch.quantised.count != values.count { scratch.quantised = Array(repeating: 0, count: values.count) }
        scratch.quantised.withUnsafeMutableBufferPointer { quantised in
            for index in 0..<values.count { quantised[index] = SixDecimalQuantiser.quantise(values[index]) }
        }
        var rows: [DivergenceRow]
        do {
            rows = try LyapunovEngine.divergence(of: scratch.quantised, parameters: settings.parameters,
                                                 arithmetic: settings.arithmetic, workspace: scratch.workspace)
            for index in rows.indices { rows[index].value = ScientificTextQuantiser.quantise(rows[index].value) }
        } catch .noNeighbour {
            return (0, .noNeighbour)
        } catch .constantSeries {
            return (0, .constant)
        } catch {
            rows = []
        }
        switch DivergenceSlopes.exponent(of: rows) {
        case let .exponent(value): return (value, .computed)
        case .tooFewRows: return (0, .tooFewRows)
        case .slopesDisagree: return (0, .slopesDisagree)
        }
    }
}
