/// Aggregation of a large matrix into at most `maxRows` × `maxColumns` cells
/// (each the mean of its block, NaN ignored), so a 41,000-weight run draws as
/// a few tens of thousands of rectangles.
public struct Binning: Sendable, Equatable {
    /// The binned values, row-major.
    public var values: [[Double]]
    /// Original rows and columns per bin (1 when not aggregated).
    public var rowsPerBin: Int, columnsPerBin: Int

    /// Bins `matrix` (rows × columns).
    public init(_ matrix: [[Double]], maxRows: Int, maxColumns: Int) {
        let rows = matrix.count
        let columns = matrix.first?.count ?? 0
        rowsPerBin = max(1, (rows + maxRows - 1) / max(maxRows, 1))
        columnsPerBin = max(1, (columns + maxColumns - 1) / max(maxColumns, 1))
        let binnedRows = (rows + rowsPerBin - 1) / rowsPerBin
        let binnedColumns = (columns + columnsPerBin - 1) / columnsPerBin
        var sums = [[Double]](repeating: [Double](repeating: 0, count: binnedColumns), count: binnedRows)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: binnedColumns), count: binnedRows)
        for (r, row) in matrix.enumerated() {
            for (c, value) in row.enumerated() where value.isFinite {
                sums[r / rowsPerBin][c / columnsPerBin] += value
                counts[r / rowsPerBin][c / columnsPerBin] += 1
            }
        }
        values = zip(sums, counts).map { zip($0, $1).map { $1 > 0 ? $0 / Double($1) : .nan } }
    }
}
