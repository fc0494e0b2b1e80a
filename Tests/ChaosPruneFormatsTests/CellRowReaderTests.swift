import ChaosPruneFormats
import Foundation
import SyntheticData
import Testing
import TestSupport

@Suite("cell rows")
struct CellRowReaderTests {
    static let lines = [
        "1,2.5,-3e-2", " 4 ,\t5\t, 6 ", "+.5,5.,-0", "1e,1e+,1.5e3x", "0x1p3,nan,INF,-infinity", ",,", "1,,2", "7,",
        "12345678901234567890123,1e400,-1e-400,4.9e-324", "héllo,1", "  ", "", "3,4", "1 2,3", ".,-,+", "0.1e-2,00012,-00.5",
    ]

    static func rows(_ path: String, cellsOnly: Bool) throws -> [[CellTable.Cell]] {
        let reader = try CellRowReader(path: path)
        var rows: [[CellTable.Cell]] = []
        while let row = cellsOnly ? try reader.nextCells() : try reader.next()?.cells { rows.append(row) }
        return rows
    }

    static func same(_ a: [[CellTable.Cell]], _ b: [[CellTable.Cell]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.count == y.count && zip(x, y).allSatisfy { u, v in
                switch (u, v) {
                case let (.number(p), .number(q)): p.bitPattern == q.bitPattern
                default: u == v
                }
            }
        }
    }

    @Test("rows of cells alone are the cells of whole rows, bit for bit: blanks, signs, bare points, partial exponents, hex, NaN, infinities, empty fields, long and out-of-range numbers, text, blank lines, CRLF and a BOM")
    func cellsAloneEqualWholeRows() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("plain", Self.lines.joined(separator: "\n") + "\n"),
                             ("crlf", "\u{FEFF}" + Self.lines.joined(separator: "\r\n") + "\r\n\r\n"),
                             ("unterminated", Self.lines.reversed().joined(separator: "\n"))] {
            let path = folder.appendingPathComponent("\(name).csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let whole = try Self.rows(path, cellsOnly: false)
            #expect(Self.same(try Self.rows(path, cellsOnly: true), whole), "\(name)")
        }
    }

    @Test("random rows of number spellings read alike either way", arguments: 0..<4)
    func randomSpellings(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 77)
        let pieces = ["", "-", "+", "0", "1", "9", ".", "e", "E", "-", "5", "00", " ", "\t", "x", "n", "1234567890"]
        let text = (0..<400).map { _ in
            (0..<Int.random(in: 1...6, using: &random)).map { _ in
                (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }.joined(separator: ",")
        }.joined(separator: "\n")
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("random.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.same(try Self.rows(path, cellsOnly: true), try Self.rows(path, cellsOnly: false)))
    }
}
