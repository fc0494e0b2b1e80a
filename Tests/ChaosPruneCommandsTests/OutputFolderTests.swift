import Foundation
import Testing
import TestSupport

/// Output folders are "created if missing", parents included.
@Suite("output folders")
struct OutputFolderTests {
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
