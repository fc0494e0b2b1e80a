import ChaosPruneFormats
import LyapunovKit

/// One window of a block of consecutive columns, in the row-major rows the
/// window stage holds: column c's value at window row r is
/// `raw[r · rowStride + c]`, as the recording holds it (the engines apply the
/// script's `%f`, `SixDecimalQuantiser`, to what lyap_r reads).
public struct WindowCells {
    /// The raw values of the window's first row, first column of the block.
    public var raw: UnsafePointer<Double>
    /// Values from one row to the next.
    public var rowStride: Int
    /// Rows of the window.
    public var length: Int
    /// Columns of the block.
    public var columns: Int

    /// Creates a block.
    public init(raw: UnsafePointer<Double>, rowStride: Int, length: Int, columns: Int) {
        self.raw = raw
        self.rowStride = rowStride
        self.length = length
        self.columns = columns
    }

    /// Columns of one block (a multiple of every lane count).
    public static let blockColumns = 64

    /// Blocks per window of a recording `columns` wide.
    public static func blocks(columns: Int) -> Int { (columns + blockColumns - 1) / blockColumns }

    /// Block `index` (window-major) of the row-major rows at `raw`, `columns`
    /// wide, whose first row is the plan's first: its window, first column and cells.
    public static func block(_ index: Int, of raw: UnsafePointer<Double>, columns: Int,
                             plan: WindowPlan) -> (window: Int, firstColumn: Int, cells: WindowCells) {
        let perWindow = blocks(columns: columns)
        let (window, firstColumn) = (index / perWindow, (index % perWindow) * blockColumns)
        let cells = WindowCells(raw: raw + plan.firstRow(ofWindow: window) * columns + firstColumn, rowStride: columns,
                                length: plan.window, columns: min(blockColumns, columns - firstColumn))
        return (window, firstColumn, cells)
    }

    /// The block of column `column` alone.
    public func column(_ column: Int) -> WindowCells {
        WindowCells(raw: raw + column, rowStride: rowStride, length: length, columns: 1)
    }
}

/// What an engine answers for one cell.
public enum WindowAnswer: Sendable, Equatable {
    /// The cell's exponent and outcome, the bits the window script gives.
    case exponent(Double, WindowOutcome)
    /// Outside what the engine proves exact: the general engine computes it.
    case declined
}

/// A stage-2 engine: a block of windows in, exponents and outcomes out.
///
/// Every engine runs the window script's three steps per cell: prepare (the
/// gate on the raw values), run (lyap_r's divergence curve of the quantised
/// values) and finish (the curve's `%e` text and slopes,
/// ``WindowExponent/finish(_:)``). ``GeneralWindowEngine`` computes every cell
/// and is the fallback of every other engine: a cell answered `.declined` goes
/// to it, so an engine answers only where it is proven to give the general
/// engine's bits. ``LaneWindowEngine`` runs many columns in the lanes of one
/// vector.
public protocol WindowEngine: Sendable {
    /// Per-thread scratch memory.
    associatedtype Scratch: AnyObject

    /// New scratch memory for one thread.
    func makeScratch() -> Scratch

    /// Answers every column of `cells` into `answers[0 ..< cells.columns]`.
    func compute(_ cells: WindowCells, into answers: UnsafeMutablePointer<WindowAnswer>, scratch: Scratch)
}

/// Which engine the window stage runs.
public enum WindowEngineChoice: Sendable, Equatable {
    /// The lane engine where it serves the settings, else the general engine.
    case fastest
    /// The general engine for every cell.
    case general
    /// The lane engine at this instruction set (clamped to the processor's), where it serves the settings.
    case lanes(WindowLanes.Level)
}
