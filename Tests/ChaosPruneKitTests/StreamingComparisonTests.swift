import ChaosPruneFormats
import Foundation
import Testing
import TestSupport
import ChaosPruneKit

/// `compare` reads its two files a row at a time; the result must be the one
/// the whole-table comparison gives, on every kind of file edge.
@Suite("streaming comparison")
struct StreamingComparisonTests {
    static let pairs: [(String, String)] = [
        ("1,2,3\n4,5,6\n", "\u{FEFF}1,2,3\r\n4,5,6"),
        ("1,2\n3,4\n\n  \n", "1,2\n3,4\n"),
        ("1,2\n\n3,4\n", "1,2\n3,4\n"),
        ("1,2\n \n\t\n3,4\n", "1,2\n\n\n3,4\n"),
        ("1,2,3\n4,5\n", "1,2\n4,5,6\n7\n"),
        ("a, 1.0 ,nan\nx\n", "a,1,nan\ny\nz\n"),
        ("", "\n\n"),
        ("1e-3,2\n", "0.001,2.0000001\n"),
        ("\r\n1\r\n", "\n1\n"),
    ]

    @Test("a row-at-a-time comparison equals the whole-table one, both ways and transposed", arguments: pairs)
    func equalsWholeTables(_ pair: (String, String)) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.csv").path
        let b = folder.appendingPathComponent("b.csv").path
        try Data(pair.0.utf8).write(to: URL(fileURLWithPath: a))
        try Data(pair.1.utf8).write(to: URL(fileURLWithPath: b))
        for (x, y) in [(a, b), (b, a), (a, a)] {
            for transpose in [false, true] {
                let whole = TableComparison(try CellTable.read(x), transpose ? try CellTable.read(y).transposed : try CellTable.read(y),
                                            absoluteTolerance: 1e-6, keep: 100)
                let streamed = try TableComparison.files(x, y, transposeB: transpose, absoluteTolerance: 1e-6, keep: 100)
                #expect(ComparisonReport.text(streamed) == ComparisonReport.text(whole))
                #expect(streamed.equal == whole.equal && streamed.cells == whole.cells && streamed.sameShape == whole.sameShape)
            }
        }
    }

    @Test("rows read one at a time are the table's rows, lines of blanks at the end dropped", arguments: pairs.flatMap { [$0.0, $0.1] })
    func rowsAreTheTable(_ text: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = try CellRowReader(path: path)
        var texts: [[String]] = []
        while let row = try reader.next() { texts.append(row.texts) }
        let lines = try TextLines.split(Array(text.utf8), file: path)
        var expected = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .init(charactersIn: " \t")) } }
        while let last = expected.last, last.count == 1, last[0].isEmpty { expected.removeLast() }
        #expect(texts == expected)
    }

    @Test("the summary gives maxima only over cells that differ by a finite amount, and counts the others", arguments: [
        ([[1.0, 2]], [[1.0, 3]], "2 cells compared: 1 differ; max absolute difference 1, max relative 0.333333"),
        ([[.nan, 2]], [[4.0, 2]], "2 cells compared: 1 differ, none by a finite amount (text, NaN or infinity)"),
        ([[.infinity, 2]], [[4.0, 2.5]], "2 cells compared: 2 differ; over the 1 differing by a finite amount max absolute difference 0.5, max relative 0.2; 1 differ in text, NaN or infinity"),
        ([[1.0], [2]], [[1.0]], "1 cells present in both compared: all equal"),
    ])
    func summary(_ a: [[Double]], _ b: [[Double]], _ line: String) {
        var comparison = TableComparison()
        for index in 0..<max(a.count, b.count) {
            comparison.add(index < a.count ? a[index].map(CellTable.Cell.number) : nil, index < b.count ? b[index].map(CellTable.Cell.number) : nil)
        }
        let lines = ComparisonReport.text(comparison).split(separator: "\n")
        #expect(lines.contains { $0 == line }, "\(lines)")
    }
}
