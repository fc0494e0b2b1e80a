import ChaosPruneFormats
import ChaosPruneKit

/// The `.npy` reader (header and payload) and the text it converts to.
enum NumpyArrayTarget {
    static func run(_ bytes: [UInt8]) {
        guard let array = try? NumpyArrayReader.read(ScratchFile.holding(bytes)) else { return }
        var text: [UInt8] = []
        for row in 0..<min(array.rowCount, 64) { array.appendRow(row, csvwrite: bytes.count & 1 == 0, lineEnding: [10], to: &text) }
    }
}
