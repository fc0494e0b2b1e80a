import ChaosPruneSystem

/// The two other ways the original code describes pruned weights, beside the
/// mask list (``MaskFile``): a 0/1 vector over all weights, and per-layer 0/1
/// matrices (W1 then W2 …, each row-major — the original training code's
/// flattening).
public enum MaskFlags {
    /// A layer's matrix shape.
    public struct Layer: Sendable, Equatable {
        /// Rows of the layer's matrix.
        public var rows: Int
        /// Columns of the layer's matrix.
        public var columns: Int
        /// Weights in the layer.
        public var count: Int { rows * columns }
    }

    /// The most weights a network may have here (`--weights`, the sum of `--layers`): 2³¹ − 1.
    public static let mostWeights = Int(Int32.max)

    /// Parses `8x4,1x8`; nil unless every shape is positive and the weights
    /// number at most ``mostWeights`` in all.
    public static func layers(_ text: String) -> [Layer]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.split(separator: "x", omittingEmptySubsequences: false) }
        var total = 0
        let layers = parts.compactMap { part -> Layer? in
            guard part.count == 2, let rows = Int(part[0]), let columns = Int(part[1]), rows > 0, columns > 0 else { return nil }
            let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
            guard !overflow, count <= mostWeights - total else { return nil }
            total += count
            return Layer(rows: rows, columns: columns)
        }
        return layers.count == parts.count && !layers.isEmpty ? layers : nil
    }

    /// The indices set in a 0/1 vector or matrices (cells read in row-major order), ascending.
    public static func indices(ofFlags table: CellTable, file: String) throws(InputError) -> [Int] {
        var result: [Int] = []
        var position = 0
        for (line, row) in table.rows.enumerated() {
            for (column, cell) in row.enumerated() {
                guard case let .number(value) = cell, value == 0 || value == 1 else {
                    throw InputError(file: file, line: line + 1, column: column + 1, message: "expected 0 or 1")
                }
                if value == 1 { result.append(position) }
                position += 1
            }
        }
        return result
    }

    /// Writes `lines` lines of `width` comma-separated 0/1 flags for the weights
    /// from position `first` on (row-major), 1 where the position is the next
    /// of `marked` (ascending, distinct), which is consumed as it is written.
    ///
    /// Memory: one MiB of text; never a flag per weight.
    public static func writeFlags(_ marked: inout ArraySlice<Int>, from first: Int, lines: Int, width: Int, lineEnding: String,
                                  to writer: AtomicFileWriter) throws(SystemError) {
        var text: [UInt8] = []
        var position = first
        for _ in 0..<lines {
            for column in 0..<width {
                let set = marked.first == position
                if set { marked = marked.dropFirst() }
                if column > 0 { text.append(44) }
                text.append(set ? 49 : 48)
                position += 1
            }
            text.append(contentsOf: lineEnding.utf8)
            if text.count >= 1 << 20 {
                try writer.write(text)
                text.removeAll(keepingCapacity: true)
            }
        }
        try writer.write(text)
    }
}
