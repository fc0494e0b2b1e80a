import ChaosPruneFormats
import LyapunovKit

/// The engine that computes every cell: the gate, the general lyap_r engine
/// (`LyapunovEngine`, any parameters and arithmetic) and the slopes, one cell
/// at a time. Never declines; the fallback of every other engine.
public struct GeneralWindowEngine: WindowEngine {
    /// Per-thread scratch memory: the window's values copied out of the block.
    public final class Scratch {
        let window = WindowScratch()
        var raw: [Double] = []
        var quantised: [Double] = []
    }

    /// The computation of one cell.
    public let exponent: WindowExponent

    /// Creates the engine for `settings`.
    public init(settings: WindowSettings) { exponent = WindowExponent(settings: settings) }

    /// New scratch memory for one thread.
    public func makeScratch() -> Scratch { Scratch() }

    /// Answers every column of `cells`.
    public func compute(_ cells: WindowCells, into answers: UnsafeMutablePointer<WindowAnswer>, scratch: Scratch) {
        if scratch.raw.count != cells.length {
            scratch.raw = Array(repeating: 0, count: cells.length)
            scratch.quantised = Array(repeating: 0, count: cells.length)
        }
        for column in 0..<cells.columns {
            for row in 0..<cells.length {
                let value = cells.raw[row * cells.rowStride + column]
                scratch.raw[row] = value
                scratch.quantised[row] = SixDecimalQuantiser.quantise(value)
            }
            let (value, outcome) = scratch.raw.withUnsafeBufferPointer { raw in
                scratch.quantised.withUnsafeBufferPointer { quantised in
                    exponent.compute(raw: raw, quantised: quantised, scratch: scratch.window)
                }
            }
            answers[column] = .exponent(value, outcome)
        }
    }
}
