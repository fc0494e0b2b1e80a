import ChaosPruneFormats
import Foundation
import Testing
import TestSupport

/// `NumericTable`: a whole numeric file read with several threads, and its columns.
@Suite("numeric table")
struct NumericTableTests {
    static func table(rows: Int, columns: Int) -> String {
        (0..<rows).map { row in (0..<columns).map { "\(row * columns + $0).25" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    @Test("threads read the same rows as one thread, columns in parallel are the columns", arguments: [(1, 1), (3, 70_000), (9_000, 3), (300, 130)])
    func threadsReadTheSameTable(_ rows: Int, _ columns: Int) throws {
        let path = try TestSupport.file(named: "t.csv", containing: Self.table(rows: rows, columns: columns)).path
        let one = try NumericTable.read(path, threads: 1)
        let many = try NumericTable.read(path, threads: 3)
        #expect(one.rows == many.rows)
        #expect(one.rows.count == rows && one.columnCount == columns)
        #expect(one.rows[rows - 1][columns - 1] == Double(rows * columns - 1) + 0.25)
        #expect(one.columns(threads: 3) == (0..<columns).map { one.column($0) })
        #expect(one.transposed.rows == one.columns())
    }

    @Test("with threads, the first bad field in file order is the one reported", arguments: [2, 5_000, 8_999])
    func firstErrorInFileOrder(_ badRow: Int) throws {
        var lines = Self.table(rows: 9_000, columns: 3).split(separator: "\n").map(String.init)
        lines[badRow - 1] = "1,x,3"
        lines[8_999] = "1,2"
        let path = try TestSupport.file(named: "t.csv", containing: lines.joined(separator: "\n") + "\n").path
        #expect(throws: InputError(file: path, line: badRow, column: 2, message: "expected a number, found 'x'")) {
            try NumericTable.read(path, threads: 2)
        }
    }

    @Test("an empty file is refused")
    func emptyFile() throws {
        let path = try TestSupport.file(named: "t.csv", containing: "").path
        #expect(throws: InputError(file: path, message: "no rows: expected comma-separated numbers")) { try NumericTable.read(path, threads: 2) }
    }
}
