import ChaosPruneFormats
import ChaosPruneKit

/// The numeric CSV reader (weights, accuracies), the cell-table reader
/// (`compare`, `convert`) and the record reader (training data), on one file.
enum CSVReaderTarget {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let control = input.byte()
        let path = ScratchFile.holding(Array(input.bytes))
        if let reader = try? NumericCSVReader(path: path) {
            reader.allowNonFinite = control & 1 != 0
            let block = Int(control >> 1 & 7) + 1
            let selected: Range<Int>? = control & 16 != 0 ? 0..<1 : nil
            var sum = 0.0
            while let rows = try? reader.readRows(block, selected: selected, threads: 1, store: { _, _, value in sum += value }),
                  rows > 0 {}
        }
        if let table = try? CellTable.read(path) {
            _ = TableComparison(table, table.transposed, absoluteTolerance: 0, relativeTolerance: 0, keep: 3)
            checkCellsAlone(path, against: table)
        }
        _ = try? CSVRecords.read(path)
    }

    /// Rows of cells alone (`compare`, `convert csvwrite`) must be the table's
    /// rows bit for bit, and every number's `%.5g` text the C library's.
    private static func checkCellsAlone(_ path: String, against table: CellTable) {
        guard let reader = try? CellRowReader(path: path) else { fatalError("the file opened once") }
        var row = 0
        while let cells = try? reader.nextCells() {
            precondition(row < table.rows.count && cells.count == table.rows[row].count, "row \(row + 1): another shape")
            for (cell, expected) in zip(cells, table.rows[row]) {
                switch (cell, expected) {
                case let (.number(value), .number(other)):
                    precondition(value.bitPattern == other.bitPattern, "row \(row + 1): \(value) ≠ \(other)")
                    var text: [UInt8] = []
                    MatlabNumberFormat.append(value, to: &text)
                    let reference = value == 0 && value.sign == .plus ? "0" : CFormat.format("%.5g", value)
                    precondition(String(decoding: text, as: UTF8.self) == reference, "%.5g of \(value)")
                default:
                    precondition(cell == expected, "row \(row + 1): \(cell) ≠ \(expected)")
                }
            }
            row += 1
        }
        precondition(row == table.rows.count, "\(row) rows, the table has \(table.rows.count)")
    }
}
