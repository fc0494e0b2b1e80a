import Foundation
import Testing
import TestSupport

/// Inputs that never end, or block, are refused or never opened: no allocation without bound, no hang.
@Suite("endless and non-regular inputs")
struct EndlessInputTests {
    @Test("a file read whole that never ends (/dev/zero) is refused as too large, never read without end", arguments: [
        ["convert", "npy", "/dev/zero", "-o", "x.csv"],
        ["retrain", "--recipe", "iris", "--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path,
         "--init", TrainingFixtureTests.initFile("iris"), "--trial", "1", "--epochs", "1", "--mask", "/dev/zero", "-o", "r"],
        ["compare", "--as-sets", "/dev/zero", "/dev/zero"],
    ])
    func endlessInput(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == (arguments[0] == "compare" ? 2 : 1))
        #expect(run.standardError.contains("/dev/zero: cannot read: File too large"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a file without line ends (/dev/zero) read a line at a time is refused once a line passes 512 MiB, never read without end", arguments: [
        ["le-window", "/dev/zero", "-o", "z.csv", "-q"],
        ["compare", "/dev/zero", "x.csv"],
        ["convert", "transpose", "/dev/zero", "-o", "t.csv"],
    ])
    func endlessLine(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2\n".utf8).write(to: folder.appendingPathComponent("x.csv"))
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("x.csv"))
        #expect(run.status == (arguments[0] == "compare" ? 2 : 1))
        #expect(run.standardError.contains("/dev/zero:1: more than 512 MiB without a line end"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a FIFO where a sidecar would be is refused naming it, never opened")
    func fifoSidecar() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("0.5,0.25\n0.75,0.5\n".utf8).write(to: folder.appendingPathComponent("le.csv"))
        try Data("0.9,0.9\n".utf8).write(to: folder.appendingPathComponent("acc.csv"))
        let fifo = try TestSupport.run("/usr/bin/mkfifo", ["le.csv.json"], in: folder)
        try #require(fifo.status == 0)
        let run = try TestSupport.run("chaosprune", ["granger", "le.csv", "acc.csv", "-o", "m.csv"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("le.csv.json: not a regular file"), "\(run.standardError)")
    }

    /// `pipeline` on the iris fixture into `folder/run`.
    static func pipelineRun(in folder: URL) throws {
        let input = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3")
        let run = try TestSupport.run("chaosprune", ["pipeline", input.appendingPathComponent("weights.csv").path,
                                                     input.appendingPathComponent("acc.csv").path, "--out", "run", "-q"], in: folder)
        try #require(run.status == 0, "\(run.standardError)")
    }

    @Test("every file of a run folder is data: the page never lands on one, read by the report or not, and report.html is its own")
    func reportNeverReplacesRunData() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.pipelineRun(in: folder)
        try Data("notes\n".utf8).write(to: folder.appendingPathComponent("run/notes.txt"))
        for name in ["granger_pvalues.csv", "notes.txt"] {
            let before = try Data(contentsOf: folder.appendingPathComponent("run/\(name)"))
            let run = try TestSupport.run("chaosprune", ["report", "run", "-o", "run/\(name)"], in: folder)
            #expect(run.status == 2)
            #expect(run.standardError.contains("--output names the input 'run/\(name)'"), "\(run.standardError)")
            #expect(try Data(contentsOf: folder.appendingPathComponent("run/\(name)")) == before)
        }
        #expect(try TestSupport.run("chaosprune", ["report", "run"], in: folder).status == 0)
        #expect(try TestSupport.run("chaosprune", ["report", "run"], in: folder).status == 0, "the page replaces its own earlier page")
    }

    @Test("a run file that is a folder is left out of the page, and the report says so")
    func reportSaysWhatItLeavesOut() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.pipelineRun(in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("run/granger_min_p.csv"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("run/granger_min_p.csv"), withIntermediateDirectories: false)
        let run = try TestSupport.run("chaosprune", ["report", "run"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("warning: run/granger_min_p.csv is a folder, not a file: the page leaves out what it would show"),
                "\(run.standardError)")
    }

    @Test("a FIFO named like a run folder's log is not a run file: the report is drawn without it")
    func fifoInRunFolder() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.pipelineRun(in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("run/window_LE_1.log"))
        try #require(try TestSupport.run("/usr/bin/mkfifo", ["run/window_LE_1.log"], in: folder).status == 0)
        let run = try TestSupport.run("chaosprune", ["report", "run"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run/report.html").path))
    }
}
