import ChaosPruneFormats
import ChaosPruneKit

/// The mask readers: stage 4's index list, `convert`'s index and 0/1 flag
/// readers, and `compare --as-sets`.
enum MaskFileTarget {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let control = input.byte()
        let weights = Int(input.byte()) + 1
        let path = ScratchFile.holding(Array(input.bytes))
        let base = Int(control & 1)
        _ = try? TrainingMask.read(path, base: base, weights: weights)
        guard let table = try? CellTable.read(path) else { return }
        _ = try? MaskConversion.indices(table, file: path, offset: base, weights: control & 2 != 0 ? weights : nil)
        _ = try? MaskConversion.indices(ofFlags: table, file: path)
        _ = try? MaskSetComparison(table, table)
    }
}
