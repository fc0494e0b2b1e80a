import ChaosPruneSystem

/// A whole numeric CSV file in memory, rows of equal length.
public struct NumericTable: Sendable {
    /// Rows of values.
    public var rows: [[Double]]
    /// Fields per row.
    public var columnCount: Int { rows.first?.count ?? 0 }

    /// Reads `path` whole (`-` for standard input) with `NumericCSVReader`'s
    /// rules, or as a 2-D `.npy` (``Recording``), parsing blocks of rows with `threads` threads.
    public static func read(_ path: String, allowNonFinite: Bool = true, threads: Int = 1) throws(InputError) -> NumericTable {
        let reader = try Recording.open(path)
        reader.allowNonFinite = allowNonFinite
        var first: [Double] = []
        guard try reader.readRows(1, selected: nil, threads: 1, store: { _, _, value in first.append(value) }) == 1 else {
            throw InputError(file: path, message: "no rows: expected comma-separated numbers")
        }
        let width = first.count
        var rows = [first]
        var cells = [Double](repeating: 0, count: max(1, min(4_096, (1 << 20) / width)) * width)
        while true {
            let read = try cells.withUnsafeMutableBufferPointer { cells throws(InputError) in
                try reader.readRows(cells.count / width, selected: nil, threads: threads) { row, column, value in cells[row * width + column] = value }
            }
            guard read > 0 else { break }
            for row in 0..<read { rows.append(Array(cells[(row * width)..<((row + 1) * width)])) }
        }
        return NumericTable(rows: rows)
    }

    /// Column `index` as a series.
    public func column(_ index: Int) -> [Double] { rows.map { $0[index] } }

    /// Every column as a series, gathered by `threads` threads in blocks of
    /// 64 adjacent columns (so each row's cells of a block share cache lines).
    public func columns(threads: Int = 1) -> [[Double]] {
        let width = columnCount
        var columns = [[Double]](repeating: [], count: width)
        columns.withUnsafeMutableBufferPointer { columns in
            ParallelLoop.forEachIndex((width + 63) / 64, workers: threads) { _, block in
                for index in (block * 64)..<min(width, block * 64 + 64) { columns[index] = column(index) }
            }
        }
        return columns
    }

    /// The table with rows and columns swapped.
    public var transposed: NumericTable { NumericTable(rows: columns()) }
}
