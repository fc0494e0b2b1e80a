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
                  rows.count > 0 {}
        }
        if let table = try? CellTable.read(path) {
            _ = TableComparison(table, table.transposed, absoluteTolerance: 0, relativeTolerance: 0, keep: 3)
        }
        _ = try? CSVRecords.read(path)
    }
}
