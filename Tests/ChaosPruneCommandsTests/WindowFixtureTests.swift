import Foundation
import Testing
import TestSupport

/// One window_LE file of the pipeline fixtures and the command line that makes it.
struct WindowFixture: CustomTestStringConvertible, Sendable {
    var dataset: String
    var file: String
    var arguments: [String]
    var x87: Bool

    var testDescription: String { "\(dataset)/\(file)\(x87 ? ".x87" : "")" }

    static let folder = TestSupport.fixtures.appendingPathComponent("pipeline")

    static let all: [WindowFixture] = {
        var fixtures: [WindowFixture] = []
        for dataset in ["banknote-s1", "cancer-s4", "iris-s3"] {
            for (file, arguments) in [("window_LE_w50", [String]()), ("window_LE_w200", ["--window", "200"]), ("legacy_window_LE", ["--legacy"])] {
                let base = folder.appendingPathComponent("\(dataset)/\(file)")
                guard FileManager.default.fileExists(atPath: base.path + ".csv") else { continue }
                fixtures.append(WindowFixture(dataset: dataset, file: file, arguments: arguments, x87: false))
                if FileManager.default.fileExists(atPath: base.path + ".x87.csv") {
                    fixtures.append(WindowFixture(dataset: dataset, file: file, arguments: arguments + ["--arithmetic", "x87"], x87: true))
                }
            }
        }
        return fixtures
    }()
}

@Suite("le-window against the MATLAB + TISEAN fixtures")
struct WindowFixtureTests {
    @Test("all pipeline window files are covered")
    func fixturesPresent() {
        #expect(WindowFixture.all.count == 16)
    }

    @Test("window_LE CSV and the script's log are byte-identical", arguments: WindowFixture.all)
    func byteIdentical(_ fixture: WindowFixture) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = WindowFixture.folder.appendingPathComponent("\(fixture.dataset)/weights.csv").path
        let run = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "out.csv", "--log", "out.log", "-q"] + fixture.arguments, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let expected = WindowFixture.folder.appendingPathComponent("\(fixture.dataset)/\(fixture.file)\(fixture.x87 ? ".x87" : "").csv")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out.csv")) == Data(contentsOf: expected))
        if !fixture.x87 {
            let log = WindowFixture.folder.appendingPathComponent("\(fixture.dataset)/\(fixture.file).log")
            #expect(try Data(contentsOf: folder.appendingPathComponent("out.log")) == Data(contentsOf: log))
        }
    }

    @Test("weights read from standard input (columns grown as rows arrive) give the same bytes", arguments: ["banknote-s1", "iris-s3"])
    func standardInput(_ dataset: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = WindowFixture.folder.appendingPathComponent("\(dataset)/weights.csv")
        let run = try TestSupport.run("chaosprune", ["le-window", "-", "-o", "out.csv", "-q"], in: folder, input: weights)
        #expect(run.status == 0, "\(run.standardError)")
        let expected = WindowFixture.folder.appendingPathComponent("\(dataset)/window_LE_w50.csv")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out.csv")) == Data(contentsOf: expected))
        let long = try TestSupport.run("chaosprune", ["le-window", "-", "-o", "long.csv", "--window", "100000000"], in: folder, input: weights)
        #expect(long.status == 1 && long.standardError.contains("fewer than one window"), "\(long.standardError)")
    }

    @Test("legacy windows constant after %f take the previous window's exponent, as window_LE.m with TISEAN's lyap_r; --fix-stale writes 0")
    func staleLegacyWindows() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stale = WindowFixture.folder.appendingPathComponent("stale")
        let weights = stale.appendingPathComponent("weights.csv").path
        let run = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "out.csv", "--legacy", "--window", "60", "--log", "out.log", "-q"], in: folder)
        #expect(run.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("out.csv")) == Data(contentsOf: stale.appendingPathComponent("legacy_window_LE_w60.csv")))
        #expect(try Data(contentsOf: folder.appendingPathComponent("out.log")) == Data(contentsOf: stale.appendingPathComponent("legacy_window_LE_w60.log")))
        #expect(run.standardError.contains("6 window(s) constant after %f") && run.standardError.contains("weight 2 window 1, weight 3 window 0, weight 4 window 0"),
                "\(run.standardError)")
        let fixed = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "fixed.csv", "--legacy", "--window", "60", "--fix-stale", "-q"], in: folder)
        #expect(fixed.status == 0 && fixed.standardError.contains("6 window(s) whose lyap_r curve had fewer than two rows"))
        let expected = try String(contentsOf: stale.appendingPathComponent("legacy_window_LE_w60.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
        let written = try String(contentsOf: folder.appendingPathComponent("fixed.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
        let staleCells = [(1, 1), (2, 0), (3, 0), (3, 1), (3, 2), (3, 3)]
        for row in 0..<4 {
            for column in 0..<4 {
                let isStale = staleCells.contains { $0 == (row, column) }
                #expect(written[row][column] == (isStale ? "0" : expected[row][column]))
            }
        }
        let current = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "c.csv", "--fix-stale"], in: folder)
        #expect(current.status == 2 && current.standardError.contains("--fix-stale applies to --legacy only"))
        let shard = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "s.csv", "--legacy", "--window", "60", "--columns", "3:4", "-q"], in: folder)
        #expect(shard.status == 0 && shard.standardError.contains("weight 3 starts with windows constant after %f"), "\(shard.standardError)")
    }
}
