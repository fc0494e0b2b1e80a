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
