import ChaosPruneSystem
import Foundation
import Testing
import TestSupport

/// Output folders are "created if missing", parents included.
@Suite("output folders")
struct OutputFolderTests {
    @Test("pipeline replaces an earlier run's set in one step: the folder is exchanged whole (a new inode), other files and subfolders stay, the earlier adf.csv goes")
    func pipelineCommitsInOneStep() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3")
        let arguments = ["pipeline", input.appendingPathComponent("weights.csv").path, input.appendingPathComponent("acc.csv").path, "--out", "run", "-q"]
        #expect(try TestSupport.run("chaosprune", arguments + ["--stationarity"], in: folder).status == 0)
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("run/notes.txt"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("run/sub"), withIntermediateDirectories: false)
        try Data("x\n".utf8).write(to: folder.appendingPathComponent("run/sub/f.txt"))
        let before = try #require(Platform.fileNode(folder.appendingPathComponent("run").path))
        #expect(try TestSupport.run("chaosprune", arguments, in: folder).status == 0)
        #expect(Platform.fileNode(folder.appendingPathComponent("run").path) != before, "one exchange of the whole folder, not files moved one by one")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("run").path).sorted()
        #expect(entries == ["granger_min_p.csv", "granger_pvalues.csv", "mask_weights_init.csv", "notes.txt", "sub",
                            "window_LE_1.csv", "window_LE_1.csv.json", "window_LE_1.log"])
        #expect(try String(contentsOf: folder.appendingPathComponent("run/notes.txt"), encoding: .utf8) == "mine\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("run/sub/f.txt"), encoding: .utf8) == "x\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run"], "no staging folder left")
        // Through a symbolic link the link stays and the folder it names gets the files.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "run")
        #expect(try TestSupport.run("chaosprune", arguments.dropLast(2) + ["link/", "-q"], in: folder).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link").path) == "run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("run").path).sorted() == entries)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link", "run"])
    }

    static let pipeline = TestSupport.fixtures.appendingPathComponent("pipeline")

    @Test("pipeline, train and retrain create a missing output folder with its missing parents", arguments: [
        ["pipeline", pipeline.appendingPathComponent("iris-s3/weights.csv").path, pipeline.appendingPathComponent("iris-s3/acc.csv").path,
         "--out", "a/b/run", "-q"],
        ["train", "--recipe", "iris", "--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path,
         "--init", TrainingFixtureTests.initFile("iris"), "--trial", "1", "--epochs", "1", "-o", "a/b/run", "-q"],
        ["retrain", "--recipe", "iris", "--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path,
         "--init", TrainingFixtureTests.initFile("iris"), "--trial", "1", "--epochs", "1", "-o", "a/b/run/", "-q"],
    ])
    func nestedFolder(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/b/run").path)
        #expect(!written.isEmpty)
    }

    @Test("a parent that is a file is a failed run naming the folder, nothing written")
    func parentIsAFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("a"))
        let run = try TestSupport.run("chaosprune", ["train", "--recipe", "iris", "--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path,
                                                     "--init", TrainingFixtureTests.initFile("iris"), "--trial", "1", "--epochs", "1",
                                                     "-o", "a/b/run", "-q"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("a/b"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a"])
    }
}
