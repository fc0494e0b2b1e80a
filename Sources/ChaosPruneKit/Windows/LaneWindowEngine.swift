import ChaosPruneFormats
import LyapunovKit

/// The fast engine: the gate (with its certified O(n) answer) per cell, then
/// lyap_r's rows 0 and 1 for many columns at once in the lanes of one vector
/// (`WindowLanes`), then the slopes from those two rows.
///
/// Serves the ieee64 arithmetic with m = 2, a radius in data units and
/// windows of at most `WindowLanes.mostPoints` values — the current script's
/// default settings and the legacy script's; declines, cell by cell, every
/// window outside the facts `WindowLanes` proves (eps too small for a
/// one-cell grid, a point with no neighbour, a constant window, row 1 absent
/// with a later row present).
public struct LaneWindowEngine: WindowEngine {
    /// Per-thread scratch memory.
    public final class Scratch {
        var gate = MeanChangeGate()
        var active: [UInt8] = []
        var curves: [WindowLanes.Curve] = []
        let lanes = WindowLanes.Workspace()
    }

    /// The settings.
    public let settings: WindowSettings
    /// The instruction set the lanes run on.
    public let level: WindowLanes.Level

    /// The engine for `settings` at `level`, nil where it cannot answer any window.
    public init?(settings: WindowSettings, level: WindowLanes.Level = WindowLanes.widest) {
        guard WindowLanes.serves(settings.parameters, length: settings.plan.window, arithmetic: settings.arithmetic) else { return nil }
        self.settings = settings
        self.level = level
    }

    /// New scratch memory for one thread.
    public func makeScratch() -> Scratch { Scratch() }

    /// Answers every column of `cells`.
    public func compute(_ cells: WindowCells, into answers: UnsafeMutablePointer<WindowAnswer>, scratch: Scratch) {
        let columns = cells.columns
        if scratch.active.count < columns {
            scratch.active = Array(repeating: 0, count: columns)
            scratch.curves = Array(repeating: WindowLanes.Curve(status: .skipped, sum0: 0, found0: 0, sum1: 0, found1: 0, hasLaterRow: false),
                                   count: columns)
        }
        for column in 0..<columns {
            scratch.active[column] = 1
            guard settings.gate else { continue }
            if scratch.gate.isStatic(strided: cells.raw + column, stride: cells.rowStride, count: cells.length) {
                scratch.active[column] = 0
                answers[column] = .exponent(0, .gated)
            }
        }
        scratch.active.withUnsafeBufferPointer { active in
            scratch.curves.withUnsafeMutableBufferPointer { curves in
                WindowLanes.compute(values: cells.raw, rowStride: cells.rowStride, columns: columns, active: active.baseAddress!,
                                    length: cells.length, parameters: settings.parameters, level: level,
                                    workspace: scratch.lanes, into: curves.baseAddress!)
            }
        }
        for column in 0..<columns where scratch.active[column] != 0 {
            let curve = scratch.curves[column]
            guard curve.status == .curve else {
                answers[column] = .declined
                continue
            }
            guard let row0 = curve.row0, let row1 = curve.row1 else {
                answers[column] = .exponent(0, .tooFewRows)
                continue
            }
            let result = DivergenceSlopes.exponent(row0: ScientificTextQuantiser.quantise(row0), row1: ScientificTextQuantiser.quantise(row1),
                                                   hasLaterRow: curve.hasLaterRow)
            let (value, outcome) = WindowExponent.finish(result)
            answers[column] = .exponent(value, outcome)
        }
    }
}
