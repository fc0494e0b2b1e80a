import Foundation
import Testing
import TestSupport

/// Bad input to `chaosprune le-window`: one clear line, non-zero exit, no output file.
@Suite("le-window error paths")
struct WindowErrorTests {
    struct BadInput: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: String
        var testDescription: String { name }
    }

    static let row = (0..<3).map { "0.\($0)" }.joined(separator: ",")
    static func rows(_ count: Int) -> String { (0..<count).map { i in (0..<3).map { "\(Double(i * 3 + $0) * 0.001)" }.joined(separator: ",") }.joined(separator: "\n") + "\n" }

    static let cases: [BadInput] = [
        BadInput(name: "ragged row", text: rows(10) + "1,2\n" + rows(60), expected: "w.csv:11: ragged row: 2 fields, expected 3"),
        BadInput(name: "non-numeric field", text: rows(5) + "1,abc,2\n" + rows(60), expected: "w.csv:6:2: expected a number, found 'abc'"),
        BadInput(name: "empty field", text: rows(5) + "1,,2\n" + rows(60), expected: "w.csv:6:2: empty field"),
        BadInput(name: "text after a number", text: rows(5) + "1,2x,2\n" + rows(60), expected: "w.csv:6:2: expected a number, found '2x'"),
        BadInput(name: "NaN in the weights", text: rows(20) + "1,nan,2\n" + rows(60), expected: "w.csv:21:2: 'nan' is not a finite number"),
        BadInput(name: "infinity in the weights", text: rows(20) + "-inf,1,2\n" + rows(60), expected: "w.csv:21:1: '-inf' is not a finite number"),
        BadInput(name: "empty file", text: "", expected: "w.csv: no rows"),
        BadInput(name: "fewer rows than one window", text: rows(49), expected: "w.csv: 49 rows: fewer than one window of 50 rows"),
        BadInput(name: "blank line inside the data", text: rows(5) + "\n" + rows(60), expected: "w.csv:6: blank line inside the data"),
    ]

    @Test("bad weights give file:line:column, exit 1 and no output", arguments: cases)
    func badInput(_ input: BadInput) throws {
        let file = try TestSupport.file(named: "w.csv", containing: input.text)
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["le-window", "w.csv", "-o", "out.csv", "-q"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains(input.expected), "stderr: \(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["w.csv"])
    }

    @Test("an unwritable output folder is an error naming the path")
    func unwritableOutput() throws {
        let file = try TestSupport.file(named: "w.csv", containing: Self.rows(60))
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try TestSupport.run("chaosprune", ["le-window", file.path, "-o", "/nonexistent-folder/out.csv"], in: file.deletingLastPathComponent())
        #expect(run.status == 1)
        #expect(run.standardError.contains("/nonexistent-folder/out.csv"))
    }

    @Test("bad options exit 2 with one line", arguments: [
        (["--window", "x"], "--window expects a whole number ≥ 2, not 'x'"),
        (["--columns", "5:2"], "--columns expects A:B with 1 ≤ A ≤ B (1-based, inclusive), not '5:2'"),
        (["--overlap", "0.13"], "window 50 × (1 − overlap 0.13) = 43.5 must be a whole number of rows ≥ 1"),
        (["--overlap", "inf"], "--overlap expects a number with 0 ≤ F < 1, not 'inf'"),
        (["--arithmetic", "x86"], "--arithmetic expects ieee64 or x87, not 'x86'"),
        (["--threads", "0"], "--threads expects a whole number from 1 to 1024, not '0'"),
    ])
    func badOptions(_ options: [String], _ message: String) throws {
        let file = try TestSupport.file(named: "w.csv", containing: Self.rows(60))
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try TestSupport.run("chaosprune", ["le-window", file.path, "-o", "out.csv"] + options, in: file.deletingLastPathComponent())
        #expect(run.status == 2)
        #expect(run.standardError == "chaosprune le-window: error: \(message)\n")
        #expect(!FileManager.default.fileExists(atPath: file.deletingLastPathComponent().appendingPathComponent("out.csv").path))
    }

    @Test("CRLF line ends, a BOM and no final newline read like plain LF")
    func lineEndVariants() throws {
        let plain = Self.rows(100)
        let variant = "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n").dropLast(2)
        let a = try TestSupport.file(named: "a.csv", containing: plain)
        let b = try TestSupport.file(named: "b.csv", containing: String(variant))
        defer {
            try? FileManager.default.removeItem(at: a.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: b.deletingLastPathComponent())
        }
        let runA = try TestSupport.run("chaosprune", ["le-window", a.path, "-o", "-", "-q"], in: a.deletingLastPathComponent())
        let runB = try TestSupport.run("chaosprune", ["le-window", b.path, "-o", "-", "-q"], in: b.deletingLastPathComponent())
        #expect(runA.status == 0 && runB.status == 0)
        #expect(runA.standardOutput == runB.standardOutput)
        #expect(!runA.standardOutput.isEmpty)
    }
}

/// The first problem in file order is the one reported, whatever the batch.
@Suite("error order")
struct ErrorOrderTests {
    @Test("a bad field or a ragged row before a blank line is reported first; a blank line alone is reported", arguments: [
        ("1,2\n1,x\n3,4\n\n5,6\n", "f.csv:2:2: expected a number, found 'x'"),
        ("1,2\n3\n\n5,6\n", "f.csv:2: ragged row: 1 fields, expected 2 like the first row"),
        ("1,2\n3,4\n\n5,6\n", "f.csv:3: blank line inside the data; expected 2 comma-separated numbers"),
        ("1,2\n3,4\n\n5,x\n", "f.csv:3: blank line inside the data; expected 2 comma-separated numbers"),
    ])
    func firstInFileOrder(_ text: String, _ message: String) throws {
        let file = try TestSupport.file(named: "f.csv", containing: text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try TestSupport.run("chaosprune", ["le-window", "f.csv", "-o", "o.csv", "-w", "2", "--overlap", "0"], in: file.deletingLastPathComponent())
        #expect(run.status == 1)
        #expect(run.standardError == "chaosprune le-window: error: \(message)\n")
    }
}
