/// Conversions between the three ways the original code describes pruned weights:
/// a mask list (0-based indices, one per line, as the Granger notebook writes),
/// a 0/1 vector over all weights, and per-layer 0/1 matrices (W1 then W2 …, each
/// row-major — the original training code's flattening).
///
/// `offset` is added to every index written and subtracted from every index
/// read (the PyTorch MNIST script adds 39200 when it reads the mask).
public enum MaskConversion {
    /// A layer's matrix shape.
    public struct Layer: Sendable, Equatable {
        /// Rows of the layer's matrix.
        public var rows: Int
        /// Columns of the layer's matrix.
        public var columns: Int
        /// Weights in the layer.
        public var count: Int { rows * columns }
    }

    /// Parses `8x4,1x8`.
    public static func layers(_ text: String) -> [Layer]? {
        let parts = text.split(separator: ",").map { $0.split(separator: "x") }
        let layers = parts.compactMap { part -> Layer? in
            guard part.count == 2, let rows = Int(part[0]), let columns = Int(part[1]), rows > 0, columns > 0 else { return nil }
            return Layer(rows: rows, columns: columns)
        }
        return layers.count == parts.count && !layers.isEmpty ? layers : nil
    }

    /// The indices of a mask list, validated against `weights` (when known).
    public static func indices(_ table: CellTable, file: String, offset: Int, weights: Int?) throws(CSVError) -> [Int] {
        var result: [Int] = []
        for (line, row) in table.texts.enumerated() {
            guard row.count == 1, let value = Int(row[0]) else {
                throw CSVError(file: file, line: line + 1, message: "expected one weight index (a whole number) per line, found '\(ArgumentText.printable(row.joined(separator: ",")))'")
            }
            let (index, overflow) = value.subtractingReportingOverflow(offset)
            guard !overflow, index >= 0, weights.map({ index < $0 }) ?? true else {
                throw CSVError(file: file, line: line + 1, message: "index \(value) minus offset \(offset) is outside 0…\((weights ?? 1) - 1)")
            }
            result.append(index)
        }
        return result
    }

    /// The 0/1 vector over `weights` weights marking `indices`.
    public static func vector(_ indices: [Int], weights: Int) -> [Int] {
        var flags = [Int](repeating: 0, count: weights)
        for index in indices { flags[index] = 1 }
        return flags
    }

    /// The indices set in a 0/1 vector or matrices (cells read in row-major order), ascending.
    public static func indices(ofFlags table: CellTable, file: String) throws(CSVError) -> [Int] {
        var result: [Int] = []
        var position = 0
        for (line, row) in table.rows.enumerated() {
            for (column, cell) in row.enumerated() {
                guard case let .number(value) = cell, value == 0 || value == 1 else {
                    throw CSVError(file: file, line: line + 1, column: column + 1, message: "expected 0 or 1")
                }
                if value == 1 { result.append(position) }
                position += 1
            }
        }
        return result
    }

    /// Per-layer 0/1 matrices (rows of flags) for `indices`.
    public static func matrices(_ indices: [Int], layers: [Layer]) -> [[[Int]]] {
        let flags = vector(indices, weights: layers.reduce(0) { $0 + $1.count })
        var start = 0
        return layers.map { layer in
            defer { start += layer.count }
            return (0..<layer.rows).map { row in Array(flags[(start + row * layer.columns)..<(start + (row + 1) * layer.columns)]) }
        }
    }
}
