/// Cell-by-cell comparison of two tables, as `numpy.isclose` judges numbers:
/// |a − b| ≤ atol + rtol·|b|, NaN equal to NaN; text cells must match exactly.
public struct TableComparison: Sendable {
    /// One differing cell (1-based row and column).
    public struct Difference: Sendable {
        /// 1-based row.
        public var row: Int
        /// 1-based column.
        public var column: Int
        /// The cell in A.
        public var a: CellTable.Cell
        /// The cell in B.
        public var b: CellTable.Cell
    }

    /// Whether the shapes agree (same rows, same fields per row).
    public var sameShape: Bool
    /// A's shape (rows, widest row).
    public var shapeA: (rows: Int, columns: Int)
    /// B's shape (rows, widest row).
    public var shapeB: (rows: Int, columns: Int)
    /// Cells compared.
    public var cells = 0
    /// Cells that differ.
    public var differing = 0
    /// Largest absolute numeric difference.
    public var maximumAbsolute = 0.0
    /// Largest relative numeric difference |a − b|/|b|.
    public var maximumRelative = 0.0
    /// The first differences, up to the limit asked for.
    public var first: [Difference] = []

    /// Whether everything agrees.
    public var equal: Bool { sameShape && differing == 0 }

    /// Compares `a` with `b`.
    public init(_ a: CellTable, _ b: CellTable, absoluteTolerance: Double = 0, relativeTolerance: Double = 0, keep: Int = 10) {
        shapeA = (a.rows.count, a.rows.map(\.count).max() ?? 0)
        shapeB = (b.rows.count, b.rows.map(\.count).max() ?? 0)
        sameShape = a.rows.count == b.rows.count && zip(a.rows, b.rows).allSatisfy { $0.count == $1.count }
        for (r, (rowA, rowB)) in zip(a.rows, b.rows).enumerated() {
            for (c, (x, y)) in zip(rowA, rowB).enumerated() {
                cells += 1
                var same: Bool
                switch (x, y) {
                case let (.number(u), .number(v)):
                    let absolute = abs(u - v)
                    same = (u.isNaN && v.isNaN) || u == v || absolute <= absoluteTolerance + relativeTolerance * abs(v)
                    if !same, absolute.isFinite {
                        maximumAbsolute = max(maximumAbsolute, absolute)
                        if v != 0 { maximumRelative = max(maximumRelative, absolute / abs(v)) }
                    }
                default:
                    same = x == y
                }
                if !same {
                    differing += 1
                    if first.count < keep { first.append(Difference(row: r + 1, column: c + 1, a: x, b: y)) }
                }
            }
        }
    }
}

/// Comparison of two mask files as sets of weight indices.
public struct MaskSetComparison: Sendable {
    /// Indices only in A.
    public var onlyInA: [Int]
    /// Indices only in B.
    public var onlyInB: [Int]
    /// Whether the sets are equal.
    public var equal: Bool { onlyInA.isEmpty && onlyInB.isEmpty }

    /// Compares the cells of `a` and `b` as sets of integer weight indices.
    ///
    /// - Throws: `CSVError` for a cell that is not a whole number (text, a fraction, a number too large).
    public init(_ a: CellTable, _ b: CellTable, names: (String, String) = ("A", "B")) throws(CSVError) {
        func indices(_ table: CellTable, _ name: String) throws(CSVError) -> Set<Int> {
            var result = Set<Int>()
            for (line, row) in table.texts.enumerated() {
                for (column, text) in row.enumerated() {
                    guard let value = Int(text) else {
                        throw CSVError(file: name, line: line + 1, column: column + 1, message: "expected a weight index (a whole number), found '\(ArgumentText.printable(text))'")
                    }
                    result.insert(value)
                }
            }
            return result
        }
        let (x, y) = (try indices(a, names.0), try indices(b, names.1))
        onlyInA = x.subtracting(y).sorted()
        onlyInB = y.subtracting(x).sorted()
    }
}
