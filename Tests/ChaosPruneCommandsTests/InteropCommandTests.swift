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

    /// Two shards of banknote-s1 (weights 1…13 and 14…40) in a fresh folder, with or without their sidecars;
    /// with sidecars also t2.csv (weights 14…40 of another recording of the same name, shape and size: its last
    /// digit changed), k1.csv, k3.csv (`--shard 1/3` and `3/3`) and m5.csv (`--shard 5/8`, another run's).
    private func shards(keepSidecars: Bool) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let weights = Self.pipeline.appendingPathComponent("banknote-s1/weights.csv").path
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "s1.csv", "--columns", "1:13", "-q"], in: folder)
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "s2.csv", "--columns", "14:40", "-q"], in: folder)
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "w200.csv", "--columns", "14:40", "-w", "200", "-q"], in: folder)
        if !keepSidecars {
            for name in ["s1", "s2", "w200"] { try FileManager.default.removeItem(at: folder.appendingPathComponent("\(name).csv.json")) }
            return folder
        }
        var other = try Data(contentsOf: URL(fileURLWithPath: weights))
        let last = other.lastIndex { (48...57).contains($0) }!
        other[last] = other[last] == 48 ? 49 : other[last] - 1
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("other"), withIntermediateDirectories: true)
        try other.write(to: folder.appendingPathComponent("other/weights.csv"))
        _ = try TestSupport.run("chaosprune", ["le-window", "other/weights.csv", "-o", "t2.csv", "--columns", "14:40", "-q"], in: folder)
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "k1.csv", "--shard", "1/3", "-q"], in: folder)
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "k3.csv", "--shard", "3/3", "-q"], in: folder)
        _ = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "m5.csv", "--shard", "5/8", "-q"], in: folder)
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
        (true, ["s1.csv", "t2.csv"], "t2.csv: its sidecar says it was computed from weights.csv (3420921 bytes, crc32:"),
        (true, ["s1.csv", "gone.csv"], "gone.csv: no such shard: its le-window run did not finish"),
        (true, ["k1.csv", "k3.csv"], "k1.csv: shard 2/3 (weights 14…26 of 40) is missing: its task did not finish or its file is gone"),
        (true, ["k1.csv", "k3.csv", "m5.csv"], "m5.csv: its sidecar says shard 5/8, but k1.csv's says 1/3: it is left from a run with 8 shards, "
            + "not one of this run's 3; remove it and merge again. Besides, shard 2/3 (weights 14…26 of 40) is missing."),
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
                      ("s1.csv@-1:5", 2, "s1.csv@-1:5: expected FILE@A:B"), ("s1.csv@x:5", 1, "s1.csv@x:5: no such shard"),
                      ("s1.csv@1:9223372036854775807", 2, "s1.csv@1:9223372036854775807: expected FILE@A:B with 1 ≤ A ≤ B ≤ 2147483647"),
                      ("s1.csv@1:99999999999999999999", 2, "s1.csv@1:99999999999999999999: expected FILE@A:B"),
                      ("s1.csv@9223372036854775807:9223372036854775807", 2, "s1.csv@9223372036854775807:9223372036854775807: expected"),
                      ("s1.csv@+1:2147483648", 2, "s1.csv@+1:2147483648: expected FILE@A:B"),
                      ("s1.csv@1:13@", 1, "s1.csv@1:13@: no such shard")])
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

    @Test("the Slurm scripts' shards merge into the single-run file, current and legacy layouts: array tasks see Slurm's array variables, the merge job none",
          arguments: [[String](), ["--legacy"]])
    func slurmExample(_ options: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = Self.pipeline.appendingPathComponent("iris-s3/weights.csv").path
        let scripts = Self.repository.appendingPathComponent("examples/slurm")
        let binary = TestSupport.products.appendingPathComponent("chaosprune").path
        let common = ["CHAOSPRUNE": binary, "LE_WINDOW_OPTIONS": options.joined(separator: " ")]
        for task in 1...3 {
            let array = ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "3", "SLURM_ARRAY_TASK_COUNT": "3"]
            let shard = try TestSupport.run("/bin/bash", [scripts.appendingPathComponent("le-window-shard.sh").path, weights, "out"], in: folder,
                                            environment: common.merging(array) { $1 })
            #expect(shard.status == 0, "\(shard.standardError)")
        }
        let merge = try TestSupport.run("/bin/bash", [scripts.appendingPathComponent("le-window-merge.sh").path, "out", "3"], in: folder, environment: common)
        #expect(merge.status == 0, "\(merge.standardError)")
        let expected = Self.pipeline.appendingPathComponent(options.isEmpty ? "iris-s3/window_LE_w50.csv" : "iris-s3/legacy_window_LE.csv")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/window_LE_3.csv")) == Data(contentsOf: expected))
    }

    @Test("the Slurm scripts refuse to run outside an array task, or over an array that is not one range")
    func slurmScriptsOutsideAnArray() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Self.repository.appendingPathComponent("examples/slurm/le-window-shard.sh").path
        let weights = Self.pipeline.appendingPathComponent("iris-s3/weights.csv").path
        let outside = try TestSupport.run("/bin/bash", [script, weights, "out"], in: folder)
        #expect(outside.status != 0 && outside.standardError.contains("not in a Slurm array task"), "\(outside.standardError)")
        let stepped = try TestSupport.run("/bin/bash", [script, weights, "out"], in: folder,
                                          environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "5", "SLURM_ARRAY_TASK_COUNT": "3"])
        #expect(stepped.status == 2 && stepped.standardError.contains("must be one range"), "\(stepped.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/shards").path))
        let empty = try TestSupport.run("/bin/bash", [Self.repository.appendingPathComponent("examples/slurm/le-window-merge.sh").path, "out"], in: folder)
        #expect(empty.status == 1 && empty.standardError.contains("no shards in out/shards"), "\(empty.standardError)")
    }
}
