import Foundation
import Testing
import TestSupport

/// Bad input to `chaosprune granger`: one line, non-zero exit, no mask file.
@Suite("granger error paths")
struct GrangerErrorTests {
    static let le = (0..<60).map { t in (0..<3).map { "\(1 + 0.1 * Double((t * 7 + $0 * 3) % 11))" }.joined(separator: ",") }.joined(separator: "\n") + "\n"

    private func run(le: String, accuracy: String, _ extra: [String] = []) throws -> (TestSupport.Run, URL) {
        let folder = try TestSupport.temporaryFolder()
        try Data(le.utf8).write(to: folder.appendingPathComponent("le.csv"))
        try Data(accuracy.utf8).write(to: folder.appendingPathComponent("acc.csv"))
        let run = try TestSupport.run("chaosprune", ["granger", "le.csv", "acc.csv", "-o", "mask.csv"] + extra, in: folder)
        return (run, folder)
    }

    @Test("an LE file whose window count the plan and the accuracy rows cannot make is refused with the counts and the windows that would")
    func misaligned() throws {
        let (short, folder) = try run(le: Self.le, accuracy: (0..<100).map { _ in "0.9,0.9" }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(short.status == 1)
        #expect(short.standardError.contains("le.csv holds 60 window(s), but window 50 with overlap 0.1 over the 100 rows of acc.csv makes 2"))
        #expect(short.standardError.contains("no window with overlap 0.1, 0.0, 0.5 makes 60"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mask.csv").path))
        let (longer, again) = try run(le: Self.le, accuracy: (0..<3000).map { _ in "0.9,0.9" }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(at: again) }
        #expect(longer.status == 1)
        #expect(longer.standardError.contains("over the 3000 rows of acc.csv makes 66"))
        #expect(longer.standardError.contains("--window 50 --overlap 0.0 makes 60"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mask.csv").path))
    }

    @Test("a non-numeric LE field is an error with line and column")
    func badField() throws {
        let (run, folder) = try run(le: Self.le.replacingOccurrences(of: "1.0,", with: "x,"), accuracy: "0.9,0.9\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == 1)
        #expect(run.standardError.contains("le.csv:"))
        #expect(run.standardError.contains("expected a number, found 'x'"))
    }

    @Test("maxlag too large for the data: statsmodels raises for every weight, all selected with a warning (reference behaviour)")
    func maxlagTooLarge() throws {
        let accuracy = (0..<2705).map { "\(0.5 + 0.4 * sin(Double($0) / 30)),0.9" }.joined(separator: "\n") + "\n"
        let (run, folder) = try run(le: Self.le, accuracy: accuracy, ["--maxlag", "20"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == 0)
        #expect(run.standardError.contains("statsmodels raises for 3 of 3 weights"))
        #expect(run.standardError.contains("ALL 3 weights are selected"))
        #expect(try String(contentsOf: folder.appendingPathComponent("mask.csv"), encoding: .utf8) == "0\n1\n2\n")
    }

    @Test("--fix-empty gives an empty mask where the reference selects everything")
    func fixEmpty() throws {
        let accuracy = (0..<2705).map { "\(0.5 + 0.4 * sin(Double($0) / 30)),0.9" }.joined(separator: "\n") + "\n"
        let (run, folder) = try run(le: Self.le, accuracy: accuracy, ["--maxlag", "20", "--fix-empty", "-q"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("mask.csv"), encoding: .utf8) == "")
    }

    @Test("bad options exit 2", arguments: [["--acc-layout", "daily"], ["--maxlag", "0"], ["--alpha", "x"]])
    func badOptions(_ options: [String]) throws {
        let (run, folder) = try run(le: Self.le, accuracy: "0.9,0.9\n", options)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mask.csv").path))
    }

    @Test("two outputs naming the same file (spelled alike, with ./, through a link, or both -) are a usage error", arguments: [
        (["--pvalues", "mask.csv"], "--output and --pvalues"),
        (["--min-p", "./mask.csv"], "--output and --min-p"),
        (["--pvalues", "p.csv", "--min-p", "sub/../p.csv"], "--pvalues and --min-p"),
        (["--pvalues", "link.csv"], "--output and --pvalues"),
        (["--stationarity", "--adf", "mask.csv"], "--output and --adf"),
    ])
    func sameOutputTwice(_ extra: [String], _ options: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("7\n".utf8).write(to: folder.appendingPathComponent("mask.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "mask.csv")
        let run = try TestSupport.run("chaosprune", ["granger", "le.csv", "acc.csv", "-o", "mask.csv"] + extra, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("chaosprune granger: error: \(options) name the same file"), "\(run.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("mask.csv"), encoding: .utf8) == "7\n")
        let streams = try TestSupport.run("chaosprune", ["granger", "le.csv", "acc.csv", "-o", "-", "--pvalues", "-"], in: folder)
        #expect(streams.status == 2 && streams.standardError.contains("--output and --pvalues name the same file, '-'"), "\(streams.standardError)")
    }

    @Test("standard input named twice is a usage error", arguments: [["granger", "-", "-", "-o", "m.csv"], ["compare", "-", "-"],
                                                                     ["pipeline", "-", "-", "--out", "run"]])
    func standardInputTwice(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.hasSuffix("error: standard input (-) can be read only once: name at most one input -\n"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an unwritable mask path is an error and nothing is written")
    func unwritable() throws {
        let accuracy = (0..<2705).map { "\(0.5 + 0.4 * sin(Double($0) / 30)),0.9" }.joined(separator: "\n") + "\n"
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.le.utf8).write(to: folder.appendingPathComponent("le.csv"))
        try Data(accuracy.utf8).write(to: folder.appendingPathComponent("acc.csv"))
        let run = try TestSupport.run("chaosprune", ["granger", "le.csv", "acc.csv", "-o", "/nonexistent-folder/mask.csv"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("/nonexistent-folder/mask.csv"))
    }

    @Test("--stationarity on an all-static (constant) LE series stops with an error naming the weight, as the notebook stops")
    func constantSeriesUnderStationarity() throws {
        let le = (0..<60).map { t in "\(1 + 0.1 * Double((t * 7) % 11)),0" }.joined(separator: "\n") + "\n"
        let accuracy = (0..<2705).map { "\(0.5 + 0.4 * sin(Double($0) / 30)),0.9" }.joined(separator: "\n") + "\n"
        let (run, folder) = try run(le: le, accuracy: accuracy, ["--stationarity"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(run.status == 1)
        #expect(run.standardError.contains("weight 1 (0-based) is constant"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mask.csv").path))
    }
}
