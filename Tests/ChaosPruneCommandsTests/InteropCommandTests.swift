import Foundation
import Testing
import TestSupport

/// `compare`, `merge` and the Slurm example, through the executable.
@Suite("compare, merge and sharding")
struct InteropCommandTests {
    static let pipeline = TestSupport.fixtures.appendingPathComponent("pipeline")
    static let repository = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent()

    @Test("compare: equal files exit 0, different 1 with counts and cells; trouble (an unreadable file) 2 with an error, as cmp")
    func compareStatuses() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = Self.pipeline.appendingPathComponent("iris-s3/window_LE_w200.csv").path
        let b = Self.pipeline.appendingPathComponent("iris-s3/window_LE_w200.x87.csv").path
        #expect(try TestSupport.run("chaosprune", ["compare", a, a], in: folder).status == 0)
        let different = try TestSupport.run("chaosprune", ["compare", a, b], in: folder)
        #expect(different.status == 1)
        let report = String(decoding: different.standardOutput, as: UTF8.self)
        #expect(report.contains("1092 cells compared: 2 differ; max absolute difference 0.0013"))
        #expect(report.contains("row 25, column 41: 1.8393 vs 1.8405"))
        #expect(try TestSupport.run("chaosprune", ["compare", a, b, "--atol", "0.002"], in: folder).status == 0)
        let missing = try TestSupport.run("chaosprune", ["compare", a, "missing.csv"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.standardError == "chaosprune compare: error: missing.csv: cannot read: No such file or directory\n")
        #expect(missing.standardOutput.isEmpty)
    }

    @Test("compare --transpose-b and --as-sets")
    func compareLayoutsAndSets() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2,3\n4,5,6\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data("1,4\n2,5\n3,6\n".utf8).write(to: folder.appendingPathComponent("b.csv"))
        try Data("3\n1\n2\n".utf8).write(to: folder.appendingPathComponent("m1.csv"))
        try Data("1\n2\n3\n".utf8).write(to: folder.appendingPathComponent("m2.csv"))
        #expect(try TestSupport.run("chaosprune", ["compare", "a.csv", "b.csv"], in: folder).status == 1)
        #expect(try TestSupport.run("chaosprune", ["compare", "a.csv", "b.csv", "--transpose-b"], in: folder).status == 0)
        #expect(try TestSupport.run("chaosprune", ["compare", "m1.csv", "m2.csv"], in: folder).status == 1)
        #expect(try TestSupport.run("chaosprune", ["compare", "m1.csv", "m2.csv", "--as-sets"], in: folder).status == 0)
    }

    /// Two shards of banknote-s1 (weights 1…13 and 14…40) in a fresh folder, with or without their sidecars.
    private func shards(keepSidecars: Bool) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let weights = Self.pipeline.appendingPathComponent("banknote-s1/weights.csv").path
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "s1.csv", "--columns", "1:13", "-q"], in: folder)
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "s2.csv", "--columns", "14:40", "-q"], in: folder)
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "w200.csv", "--columns", "14:40", "-w", "200", "-q"], in: folder)
        if !keepSidecars {
            for name in ["s1", "s2", "w200"] { try FileManager.default.removeItem(at: folder.appendingPathComponent("\(name).csv.json")) }
        }
        return folder
    }

    @Test("merge refuses, and writes nothing: without sidecars gaps, overlaps, wrong widths, a short total, a missing range; with sidecars a contradicting range, a missing shard, mixed settings, a wrong layout", arguments: [
        (false, ["s1.csv@1:13", "s2.csv@15:41"], "s2.csv: gap: weights 14…14 are in no shard"),
        (false, ["s1.csv@1:13", "s2.csv@13:39"], "s2.csv: overlap: weights 13…13 are in two shards"),
        (false, ["s1.csv@1:12", "s2.csv@13:40"], "s1.csv:1: holds 13 weights (columns), but @1:12 says 12"),
        (false, ["s1.csv@1:13", "s2.csv@14:40", "--total", "41"], "s2.csv: the shards end at weight 40, but the network has 41 weights"),
        (false, ["s1.csv"], "s1.csv: no sidecar (s1.csv.json) says which weights this shard holds; name them as FILE@A:B"),
        (true, ["s1.csv@1:12", "s2.csv"], "s1.csv: @1:12 contradicts its sidecar, which says weights 1:13"),
        (true, ["s1.csv"], "s1.csv: the shards end at weight 13, but the network has 40 weights"),
        (true, ["s1.csv", "w200.csv"], "w200.csv: its sidecar records other settings than s1.csv's"),
        (true, ["s1.csv", "s2.csv", "--legacy"], "s1.csv: --legacy contradicts the sidecars, which record the current (rows = windows) layout"),
    ])
    func mergeRefusals(_ sidecars: Bool, _ arguments: [String], _ message: String) throws {
        let folder = try shards(keepSidecars: sidecars)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["merge"] + arguments + ["-o", "merged.csv"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("chaosprune merge: error: " + message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged.csv").path))
    }

    @Test("a shard range breaking 1 ≤ A ≤ B is a usage error (exit 2) before any file is read; other text after @ is part of the name",
          arguments: [("s1.csv@0:13", 2, "s1.csv@0:13: expected FILE@A:B with 1 ≤ A ≤ B"), ("s1.csv@13:1", 2, "s1.csv@13:1: expected FILE@A:B"),
                      ("s1.csv@-1:5", 2, "s1.csv@-1:5: expected FILE@A:B"), ("s1.csv@x:5", 1, "s1.csv@x:5: no sidecar (s1.csv@x:5.json)"),
                      ("s1.csv@1:9223372036854775807", 2, "s1.csv@1:9223372036854775807: expected FILE@A:B with 1 ≤ A ≤ B ≤ 2147483647"),
                      ("s1.csv@1:99999999999999999999", 2, "s1.csv@1:99999999999999999999: expected FILE@A:B"),
                      ("s1.csv@9223372036854775807:9223372036854775807", 2, "s1.csv@9223372036854775807:9223372036854775807: expected"),
                      ("s1.csv@+1:2147483648", 2, "s1.csv@+1:2147483648: expected FILE@A:B"),
                      ("s1.csv@1:13@", 1, "s1.csv@1:13@: no sidecar")])
    func mergeRangeSyntax(_ argument: String, _ status: Int32, _ message: String) throws {
        let folder = try shards(keepSidecars: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["merge", argument, "missing.csv@14:40", "-o", "merged.csv"], in: folder)
        #expect(run.status == status)
        #expect(run.standardError.hasPrefix("chaosprune merge: error: " + message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged.csv").path))
    }

    @Test("merge takes the ranges from the sidecars: byte-identical to one run, with the one run's sidecar")
    func mergeFromSidecars() throws {
        let folder = try shards(keepSidecars: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = Self.pipeline.appendingPathComponent("banknote-s1/weights.csv").path
        #expect(try TestSupport.run("chaosprune", ["le-window", weights, "-o", "whole.csv", "-q"], in: folder).status == 0)
        let run = try TestSupport.run("chaosprune", ["merge", "s2.csv", "s1.csv", "-o", "merged.csv"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("merged.csv")) == Data(contentsOf: folder.appendingPathComponent("whole.csv")))
        let merged = try String(contentsOf: folder.appendingPathComponent("merged.csv.json"), encoding: .utf8)
        let whole = try String(contentsOf: folder.appendingPathComponent("whole.csv.json"), encoding: .utf8)
        #expect(merged == whole)
    }

    @Test("the Slurm example's shards merge into the single-run file, current and legacy layouts", arguments: [[String](), ["--legacy"]])
    func slurmExample(_ options: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = Self.pipeline.appendingPathComponent("iris-s3/weights.csv").path
        let script = Self.repository.appendingPathComponent("examples/slurm-le-window.sh").path
        let binary = TestSupport.products.appendingPathComponent("chaosprune").path
        var environment = ["CHAOSPRUNE": binary, "SLURM_ARRAY_TASK_COUNT": "3", "LE_WINDOW_OPTIONS": options.joined(separator: " ")]
        for task in 0..<3 {
            environment["SLURM_ARRAY_TASK_ID"] = "\(task)"
            let shard = try TestSupport.run("/bin/bash", [script, "shard", weights, "out", "42"], in: folder, environment: environment)
            #expect(shard.status == 0, "\(shard.standardError)")
        }
        let merge = try TestSupport.run("/bin/bash", [script, "merge", weights, "out", "42"], in: folder, environment: environment)
        #expect(merge.status == 0, "\(merge.standardError)")
        let expected = Self.pipeline.appendingPathComponent(options.isEmpty ? "iris-s3/window_LE_w50.csv" : "iris-s3/legacy_window_LE.csv")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/window_LE.csv")) == Data(contentsOf: expected))
    }
}
