import ChaosPruneFormats
import ChaosPruneKit

/// The `.npy` readers (header and payload): the whole-array reader and the
/// text it converts to, and the recording reader in slices, which must give
/// each value the array reader gives (float32 as its shortest text's double).
enum NumpyArrayTarget {
    static func run(_ bytes: [UInt8]) {
        let path = ScratchFile.holding(bytes)
        let array = try? NumpyArrayReader.read(path)
        if let array {
            var text: [UInt8] = []
            for row in 0..<min(array.rowCount, 64) { array.appendRow(row, csvwrite: bytes.count & 1 == 0, lineEnding: [10], to: &text) }
        }
        guard let reader = try? NumpyRecordingReader(path: path) else { return }
        reader.allowNonFinite = true
        guard let array, let columns = reader.columnCount, array.columnCount == columns, array.rowCount == reader.rowCount else {
            fatalError("the recording reader accepts a file the array reader reads otherwise")
        }
        let block = Int(bytes.last ?? 0) % 7 + 1
        let selected = columns > 1 && bytes.count & 2 == 0 ? 1..<columns : 0..<columns
        var first = 0
        while true {
            let read = (try? reader.readRows(block, selected: selected, threads: 2) { row, field, value in
                let expected = array.kind == .float32 ? Float32Text.shortestDouble(Float(array.value(first + row, selected.lowerBound + field)))
                                                      : array.value(first + row, selected.lowerBound + field)
                precondition(value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN), "a value read in slices differs")
            }) ?? 0
            guard read > 0 else { break }
            first += read
        }
    }
}
