import Foundation
import Testing
import TestSupport

/// `chaosprune experiment` and the baselines of `retrain`.
@Suite("experiment and baselines")
struct ExperimentCommandTests {
    static let root = TestSupport.fixtures.appendingPathComponent("training")

    static func common(_ recipe: String) -> [String] {
        ["--recipe", recipe, "--data-dir", root.appendingPathComponent("data").path, "--init", root.appendingPathComponent("init/\(recipe).npy").path]
    }

    @Test("with the authors' masks the experiment reproduces their dense, FT and PT retraining, and tabulates five variants")
    func givenMasks() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = Self.root.appendingPathComponent("iris/retrain")
        let run = try TestSupport.run("chaosprune", ["experiment"] + Self.common("iris") + [
            "--trials", "1", "-o", "run", "-q",
            "--ft-masks", expected.appendingPathComponent("FT/mask_iris_FT_1.csv").path,
            "--pt-masks", expected.appendingPathComponent("PT/mask_iris_PT_1.csv").path,
        ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        for variant in ["dense", "FT", "PT"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("run/trial_1/retrain/\(variant)/epochs_1.csv"))
                    == Data(contentsOf: expected.appendingPathComponent("\(variant)/epochs_1.csv")), "\(variant)")
        }
        let csv = try String(contentsOf: folder.appendingPathComponent("run/results.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 1 + 5 + 5 + 5)
        #expect(csv[1].hasPrefix("1,dense,0.0,0.0,162.0,"))
        #expect(csv[2].hasPrefix("1,FT,2.0,"))
        let table = String(decoding: run.standardOutput, as: UTF8.self)
        for variant in ["dense", "FT", "PT", "magnitude", "random"] { #expect(table.contains("| 1 | \(variant) |")) }
        #expect(try String(contentsOf: folder.appendingPathComponent("run/trial_1/retrain/magnitude/baseline_mask_1.csv"), encoding: .utf8)
                    .split(separator: "\n").count == 2, "the baselines have FT's size")
    }

    @Test("computed masks: every stage's files under their original names, the FT mask the one granger writes")
    func computedMasks() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["experiment"] + Self.common("iris3f") + ["--trials", "2", "-o", "run", "-q"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let trial = folder.appendingPathComponent("run/trial_2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: trial.path).sorted() == ["FT", "PT", "acc_2.csv", "pure_2.csv", "retrain"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: trial.appendingPathComponent("FT").path).sorted()
                == ["granger_min_p.csv", "granger_pvalues.csv", "mask_iris3f_FT_2.csv", "window_LE_2.csv", "window_LE_2.csv.json", "window_LE_2.log"])
        let rows = try Data(contentsOf: trial.appendingPathComponent("pure_2.csv")).split(separator: 10).count
        #expect(rows == 1 + 200 * 120)
        let partial = try Data(contentsOf: trial.appendingPathComponent("PT/pure_2.csv")).split(separator: 10).count
        #expect(partial == 1 + 17 * 120, "17 epochs: the fewest whose 45 windows exceed 3·14 + 1")
        let granger = try TestSupport.run("chaosprune", ["granger", "FT/window_LE_2.csv", "acc_2.csv", "-o", "again.csv", "-q"], in: trial)
        #expect(granger.status == 0)
        #expect(try Data(contentsOf: trial.appendingPathComponent("again.csv")) == Data(contentsOf: trial.appendingPathComponent("FT/mask_iris3f_FT_2.csv")))
    }

    @Test("magnitude baseline: the N smallest |w| of the dense network at the end of stage 1 (its last recorded row)")
    func magnitudeBaseline() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try TestSupport.run("chaosprune", ["train"] + Self.common("cancer2") + ["--trial", "3", "-o", "rec", "-q"], in: folder).status == 0)
        let run = try TestSupport.run("chaosprune", ["retrain"] + Self.common("cancer2") + ["--trial", "3", "-o", "mag", "-q", "--baseline", "magnitude", "--prune", "7"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try Data(contentsOf: folder.appendingPathComponent("rec/pure_3.csv")).split(separator: 10)
        let last = String(decoding: lines.last!, as: UTF8.self).split(separator: ",").map { abs(Double($0.trimmingCharacters(in: .whitespacesAndNewlines))!) }
        let expected = last.indices.sorted { last[$0] != last[$1] ? last[$0] < last[$1] : $0 < $1 }.prefix(7).sorted()
        let mask = try String(contentsOf: folder.appendingPathComponent("mag/baseline_mask_3.csv"), encoding: .utf8).split(separator: "\n").map { Int($0)! }
        #expect(mask == expected)
        let summary = try String(contentsOf: folder.appendingPathComponent("mag/summary_3.json"), encoding: .utf8)
        #expect(summary.contains("\"pruned\": 7,"))
    }

    @Test("random baseline: N distinct weights, the same for the same seed, another for another seed")
    func randomBaseline() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func mask(_ seed: String, _ out: String) throws -> [Int] {
            let run = try TestSupport.run("chaosprune", ["retrain"] + Self.common("bank_note") + ["--trial", "1", "-o", out, "-q", "--epochs", "1",
                                                                                                  "--baseline", "random", "--prune", "5", "--seed", seed], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            return try String(contentsOf: folder.appendingPathComponent("\(out)/baseline_mask_1.csv"), encoding: .utf8).split(separator: "\n").map { Int($0)! }
        }
        let first = try mask("7", "a")
        #expect(first.count == 5 && Set(first).count == 5 && first.allSatisfy { (0..<40).contains($0) })
        #expect(try mask("7", "b") == first)
        #expect(try mask("8", "c") != first)
    }

    @Test("bad input fails before anything is written: usage errors exit 2, unreadable inputs exit 1, no run folder either way", arguments: [
        (["--trials", "1,1"], 2, "trial 1 is named twice"),
        (["--trials", "2,1-3"], 2, "trial 2 is named twice"),
        (["--trials", "1,2", "--ft-masks", "m.csv"], 2, "--ft-masks gives 1 mask file(s) for 2 trial(s): one per trial, in order"),
        (["--pt-masks", "m.csv,m.csv"], 2, "--pt-masks gives 2 mask file(s) for 1 trial(s)"),
        (["--trials", "1,11"], 1, "iris.npy: trial 11 is not in the file, which holds trials 1…10"),
        (["--trials", "1,2", "--ft-masks", "m.csv,missing.csv"], 1, "missing.csv: cannot read"),
        (["--ft-masks", "bad.csv"], 1, "bad.csv:2:1: index 42 is outside the network's 42 weights"),
        (["--partial-epochs", "201"], 2, "--partial-epochs 201 is more than the full recording's 200 epochs of iris"),
        (["--partial-epochs", "1000000"], 2, "--partial-epochs 1000000 is more than the full recording's"),
    ])
    func badInput(_ options: [String], _ status: Int32, _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1\n".utf8).write(to: folder.appendingPathComponent("m.csv"))
        try Data("1\n42\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let run = try TestSupport.run("chaosprune", ["experiment"] + Self.common("iris") + ["-o", "run", "-q"] + options, in: folder)
        #expect(run.status == status)
        #expect(run.standardError.hasPrefix("chaosprune experiment: error: ") && run.standardError.contains(message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("run").path), "no run folder")
    }

    @Test("an init file of another network fails before anything is written")
    func wrongInitialisation() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["experiment", "--recipe", "iris", "--data-dir", Self.root.appendingPathComponent("data").path,
                                                     "--init", Self.root.appendingPathComponent("init/cancer2.npy").path, "-o", "run", "-q"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("W1 has shape [6, 9], but the network 4-6-3 needs [6, 4]"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("run").path), "no run folder")
    }

    @Test("a mask or a baseline holding every weight is retrained with none, and says which it was", arguments: [
        (["--mask", "all.csv"], "the mask holds every one of the 42 weights (granger's [-0:] quirk selects all when none qualifies)"),
        (["--baseline", "random", "--prune", "42"], "the baseline prunes every one of the 42 weights"),
        (["--baseline", "magnitude", "--prune-like", "all.csv"], "the baseline prunes every one of the 42 weights"),
    ])
    func everyWeightMasked(_ options: [String], _ what: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((0..<42).map { "\($0)\n" }.joined().utf8).write(to: folder.appendingPathComponent("all.csv"))
        let run = try TestSupport.run("chaosprune", ["retrain"] + Self.common("iris") + ["--trial", "1", "-o", "out", "-q", "--epochs", "1"] + options, in: folder)
        #expect(run.status == 0)
        #expect(run.standardError == "chaosprune retrain: warning: \(what); the network is retrained with no weights\n")
    }
}
