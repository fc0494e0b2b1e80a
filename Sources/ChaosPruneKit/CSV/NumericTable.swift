/// A whole numeric CSV file in memory, rows of equal length.
public struct NumericTable: Sendable {
    /// Rows of values.
    public var rows: [[Double]]
    /// Fields per row.
    public var columnCount: Int { rows.first?.count ?? 0 }

    /// Reads `path` whole (`-` for standard input) with `NumericCSVReader`'s rules.
    public static func read(_ path: String, allowNonFinite: Bool = true, threads: Int = 1) throws(CSVError) -> NumericTable {
        let reader = try NumericCSVReader(path: path)
        reader.allowNonFinite = allowNonFinite
        var rows: [[Double]] = []
        while true {
            var block: [[Double]] = []
            let read = try reader.readRows(4096, threads: 1) { row, column, value in
                while block.count <= row { block.append([]) }
                block[row].append(value)
            }
            guard read.count > 0 else { break }
            rows += block
        }
        guard !rows.isEmpty else { throw CSVError(file: path, message: "no rows: expected comma-separated numbers") }
        return NumericTable(rows: rows)
    }

    /// Column `index` as a series.
    public func column(_ index: Int) -> [Double] { rows.map { $0[index] } }

    /// The table with rows and columns swapped.
    public var transposed: NumericTable {
        NumericTable(rows: (0..<columnCount).map { column($0) })
    }
}
