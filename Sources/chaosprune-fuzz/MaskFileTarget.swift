import ChaosPruneFormats
import ChaosPruneKit

/// The mask readers: the mask file (every command's), the 0/1 flag reader of
/// `convert`, and `compare --as-sets`.
enum MaskFileTarget {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let control = input.byte()
        let weights = Int(input.byte()) + 1
        let path = ScratchFile.holding(Array(input.bytes))
        let base = Int(control & 1)
        _ = try? MaskFile.read(path, offset: base, weights: control & 2 != 0 ? weights : nil)
        _ = try? MaskSetComparison(path, path)
        guard let table = try? CellTable.read(path) else { return }
        _ = try? MaskFlags.indices(ofFlags: table, file: path)
    }
}
