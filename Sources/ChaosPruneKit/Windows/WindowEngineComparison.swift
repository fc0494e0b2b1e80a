import ChaosPruneFormats
import ChaosPruneSystem
import LyapunovKit

/// An engine checked against the general engine, cell by cell, on a
/// recording in memory: the differential check behind every fast engine.
///
/// Postconditions: `differences` counts the cells the engine answered with
/// other bits (exponent bit pattern or outcome) than the general engine.
public struct WindowEngineComparison: Sendable {
    /// Cells compared (every window of every column).
    public var cells = 0
    /// Cells the engine answered itself.
    public var answered = 0
    /// Cells it declined (computed by the general engine in a run).
    public var declined = 0
    /// Answered cells whose bits differ from the general engine's.
    public var differences = 0
    /// The first cell that differs: 0-based column and window.
    public var firstDifference: (column: Int, window: Int)?

    /// An empty count.
    public init() {}

    /// Compares `engine` with the general engine on the row-major
    /// `rows` × `columns` recording `values`, on `threads` threads.
    public static func compare<Engine: WindowEngine>(_ engine: Engine, settings: WindowSettings, values: [Double],
                                                     rows: Int, columns: Int, threads: Int) -> WindowEngineComparison {
        let plan = settings.plan
        let blocks = plan.windowCount(rows: rows) * WindowCells.blocks(columns: columns)
        let general = GeneralWindowEngine(settings: settings)
        let result = Locked(WindowEngineComparison())
        values.withUnsafeBufferPointer { values in
            let raw = values.baseAddress!
            ParallelLoop.run(max(1, threads)) { worker in
                var part = WindowEngineComparison()
                let scratch = engine.makeScratch(), generalScratch = general.makeScratch()
                var answers = [WindowAnswer](repeating: .declined, count: WindowCells.blockColumns)
                var expected = [WindowAnswer](repeating: .declined, count: WindowCells.blockColumns)
                for index in Swift.stride(from: worker, to: blocks, by: max(1, threads)) {
                    let (window, firstColumn, cells) = WindowCells.block(index, of: raw, columns: columns, plan: plan)
                    engine.compute(cells, into: &answers, scratch: scratch)
                    general.compute(cells, into: &expected, scratch: generalScratch)
                    for column in 0..<cells.columns {
                        part.cells += 1
                        guard case let .exponent(value, outcome) = answers[column] else {
                            part.declined += 1
                            continue
                        }
                        part.answered += 1
                        guard case let .exponent(wanted, wantedOutcome) = expected[column],
                              value.bitPattern == wanted.bitPattern, outcome == wantedOutcome else {
                            part.differences += 1
                            if part.firstDifference == nil { part.firstDifference = (firstColumn + column, window) }
                            continue
                        }
                    }
                }
                result.withLock { total in
                    total.cells += part.cells
                    total.answered += part.answered
                    total.declined += part.declined
                    total.differences += part.differences
                    if total.firstDifference == nil { total.firstDifference = part.firstDifference }
                }
            }
        }
        return result.withLock { $0 }
    }
}
