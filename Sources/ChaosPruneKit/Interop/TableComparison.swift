import ChaosPruneFormats

/// Cell-by-cell comparison of two tables, as `numpy.isclose` judges numbers:
/// |a − b| ≤ atol + rtol·|b|, NaN equal to NaN; text cells must match exactly.
///
/// Rows are added in order (``add(_:_:)``), so two files can be compared a row
/// at a time (``files(_:_:transposeB:absoluteTolerance:relativeTolerance:keep:)``).
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
    /// Differing cells that differ by a finite amount (the rest hold text, NaN or an infinity).
    public var measured = 0
    /// Largest absolute numeric difference.
    public var maximumAbsolute = 0.0
    /// Largest relative numeric difference |a − b|/|b|.
    public var maximumRelative = 0.0
    /// The first differences, up to the limit asked for.
    public var first: [Difference] = []

    /// Whether everything agrees.
    public var equal: Bool { sameShape && differing == 0 }

    private let absoluteTolerance: Double
    private let relativeTolerance: Double
    private let keep: Int

    /// An empty comparison, to which rows are added in order.
    public init(absoluteTolerance: Double = 0, relativeTolerance: Double = 0, keep: Int = 10) {
        sameShape = true
        shapeA = (0, 0)
        shapeB = (0, 0)
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.keep = keep
    }

    /// Compares `a` with `b`.
    public init(_ a: CellTable, _ b: CellTable, absoluteTolerance: Double = 0, relativeTolerance: Double = 0, keep: Int = 10) {
        self.init(absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, keep: keep)
        for row in 0..<max(a.rows.count, b.rows.count) {
            add(row < a.rows.count ? a.rows[row] : nil, row < b.rows.count ? b.rows[row] : nil)
        }
    }

    /// Compares the files at `pathA` and `pathB` a row at a time (memory: one
    /// row of each), or with B read whole and transposed when `transposeB`.
    public static func files(_ pathA: String, _ pathB: String, transposeB: Bool = false, absoluteTolerance: Double = 0,
                             relativeTolerance: Double = 0, keep: Int = 10) throws(InputError) -> TableComparison {
        var result = TableComparison(absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, keep: keep)
        let a = try CellRowReader(path: pathA)
        if transposeB {
            let readerB = try CellRowReader(path: pathB)
            var rowsB: [[CellTable.Cell]] = []
            while let row = try readerB.nextCells() { rowsB.append(row) }
            let b = CellTable.transpose(rowsB, padding: .text(""))
            var row = 0
            while let rowA = try a.nextCells() {
                result.add(rowA, row < b.count ? b[row] : nil)
                row += 1
            }
            for rest in b.dropFirst(row) { result.add(nil, rest) }
            return result
        }
        let b = try CellRowReader(path: pathB)
        while true {
            let (rowA, rowB) = (try a.nextCells(), try b.nextCells())
            if rowA == nil && rowB == nil { return result }
            result.add(rowA, rowB)
        }
    }

    /// Adds the next row of each table (nil when that table has ended).
    public mutating func add(_ rowA: [CellTable.Cell]?, _ rowB: [CellTable.Cell]?) {
        let row = max(shapeA.rows, shapeB.rows) + 1
        if let rowA { shapeA = (shapeA.rows + 1, max(shapeA.columns, rowA.count)) }
        if let rowB { shapeB = (shapeB.rows + 1, max(shapeB.columns, rowB.count)) }
        guard let rowA, let rowB else {
            sameShape = false
            return
        }
        if rowA.count != rowB.count { sameShape = false }
        for (c, (x, y)) in zip(rowA, rowB).enumerated() {
            cells += 1
            var same: Bool
            switch (x, y) {
            case let (.number(u), .number(v)):
                let absolute = abs(u - v)
                same = (u.isNaN && v.isNaN) || u == v || absolute <= absoluteTolerance + relativeTolerance * abs(v)
                if !same, absolute.isFinite {
                    measured += 1
                    maximumAbsolute = max(maximumAbsolute, absolute)
                    if v != 0 { maximumRelative = max(maximumRelative, absolute / abs(v)) }
                }
            default:
                same = x == y
            }
            if !same {
                differing += 1
                if first.count < keep { first.append(Difference(row: row, column: c + 1, a: x, b: y)) }
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

    /// Compares the mask files `a` and `b` as sets of weight indices (`MaskFile`'s rules).
    public init(_ a: String, _ b: String) throws(InputError) {
        let (x, y) = (Set(try MaskFile.read(a, weights: nil)), Set(try MaskFile.read(b, weights: nil)))
        onlyInA = x.subtracting(y).sorted()
        onlyInB = y.subtracting(x).sorted()
    }
}
