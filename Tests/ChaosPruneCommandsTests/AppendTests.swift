import Foundation
import Testing
import TestSupport

/// `train --append` appends as the authors' writer does, into copies: a failed run leaves the previous bytes.
@Suite("train --append")
struct AppendTests {
    static let program = TestSupport.products.appendingPathComponent("chaosprune").path
    static let arguments = ["train", "--recipe", "iris", "--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path,
                            "--init", TrainingFixtureTests.initFile("iris"), "--trial", "1", "--epochs", "2", "-o", "run", "-q"]

    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in ["pure_1.csv", "acc_1.csv"] { result[name] = try Data(contentsOf: folder.appendingPathComponent("run/\(name)")) }
        return result
    }

    @Test("two runs with --append hold the first run's bytes, then the second's")
    func appendsBoth() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try TestSupport.run("chaosprune", Self.arguments, in: folder).status == 0)
        let first = try files(folder)
        #expect(try TestSupport.run("chaosprune", Self.arguments + ["--append"], in: folder).status == 0)
        let both = try files(folder)
        for (name, bytes) in first { #expect(both[name] == bytes + bytes, "\(name)") }
    }

    @Test("an appending run stopped by a file-size limit leaves both files with the previous bytes, aligned")
    func failedAppendKeepsPrevious() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try TestSupport.run("chaosprune", Self.arguments, in: folder).status == 0)
        let first = try files(folder)
        // 1 MiB: room for the copy of the previous bytes, not for the 50 epochs appended (nor smaller, which stops
        // the thread sanitizer's own runtime).
        let limit = 2_048
        try #require(first["pure_1.csv"]!.count < 1 << 20)
        let quoted = (Self.arguments + ["--append", "--epochs", "50"]).map { "'\($0)'" }.joined(separator: " ")
        let run = try TestSupport.run("/bin/bash", ["-c", "ulimit -f \(limit); exec '\(Self.program)' \(quoted)"], in: folder)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(try files(folder) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("run").path).sorted() == ["acc_1.csv", "pure_1.csv"])
    }
}
