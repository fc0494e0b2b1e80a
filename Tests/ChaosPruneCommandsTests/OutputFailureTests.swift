import Foundation
import Testing
import TestSupport

/// Standard output that cannot be written (a full device) is reported, never silent.
@Suite("standard output that cannot be written")
struct OutputFailureTests {
    /// Runs `chaosprune ARGUMENTS > /dev/full` in `folder`.
    func runOntoFullDevice(_ arguments: [String], in folder: URL) throws -> TestSupport.Run {
        let program = TestSupport.products.appendingPathComponent("chaosprune").path
        return try TestSupport.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" > /dev/full", program] + arguments, in: folder)
    }

    @Test("help, version, the overview and the markdown reference: exit 1 with a message", arguments: [
        ["--help"], ["--version"], ["help", "--markdown"], ["le-window", "--help"], ["granger", "--version"],
    ])
    func printing(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runOntoFullDevice(arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("error: standard output: No space left on device"), "\(run.standardError)")
    }

    @Test("compare: its own output failing is trouble (2), as cmp, never 'different' (1)", arguments: [
        ["compare", "a.csv", "b.csv"], ["compare", "a.csv", "a.csv"], ["compare", "--help"],
    ])
    func compare(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data("1,3\n".utf8).write(to: folder.appendingPathComponent("b.csv"))
        let run = try runOntoFullDevice(arguments, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError == "chaosprune compare: error: standard output: No space left on device\n")
    }
}

/// A closed pipe and a file-size limit end a run as a failed write does: exit 1, a message, no temporaries.
@Suite("closed pipes and file-size limits")
struct OutputSignalTests {
    static let program = TestSupport.products.appendingPathComponent("chaosprune").path
    static let weights = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/weights.csv").path

    @Test("a reader that stops early: exit 1 with 'Broken pipe', never SIGPIPE's 141", arguments: [
        ["convert", "csvwrite", weights, "-o", "-"], ["convert", "roundtrip", weights, "-o", "/dev/stdout"],
        ["convert", "transpose", weights, "-o", "-"],
    ])
    func closedPipe(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        let run = try TestSupport.run("/bin/bash", ["-c", "'\(Self.program)' \(quoted) | head -c 1 > /dev/null; echo ${PIPESTATUS[0]}"], in: folder)
        #expect(String(decoding: run.standardOutput, as: UTF8.self) == "1\n", "\(run.standardError)")
        #expect(run.standardError.contains("Broken pipe"), "\(run.standardError)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.allSatisfy { !$0.contains(".tmp") && !$0.hasPrefix(".") }, "\(left)")
    }

    /// The limit is 256 KiB, below what each run writes: a far smaller one also stops the thread sanitizer's own runtime.
    @Test("a file-size limit: exit 1 with 'File too large', never SIGXFSZ's 153, and no file or temporary left", arguments: [
        ["train", "--recipe", "iris", "--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path,
         "--init", TrainingFixtureTests.initFile("iris"), "--trial", "1", "--epochs", "5", "-o", "run", "-q"],
        ["convert", "csvwrite", weights, "-o", "run/out.csv"],
    ])
    func fileSizeLimit(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("run"), withIntermediateDirectories: true)
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        let run = try TestSupport.run("/bin/bash", ["-c", "ulimit -f 512; exec '\(Self.program)' \(quoted)"], in: folder)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardError.contains("File too large"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("run").path).isEmpty)
    }
}
