import ChaosPruneSystem
import Foundation
import Testing
import TestSupport

/// `experiment` on a researcher's own data with its verdict, and the
/// notebook's empty-selection quirk kept out of the experiment.
@Suite("experiment: own data, the verdict, no non-causal weight")
struct ExperimentVerdictTests {
    static let training = TestSupport.fixtures.appendingPathComponent("training")

    static func rows(_ file: URL) throws -> [[String]] {
        try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("an experiment into a folder another experiment is writing is refused before it writes anything")
    func oneExperimentAFolder() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let held = try #require(try Platform.tryLock(folder.appendingPathComponent(".run.experiment-lock").path))
        defer { Platform.close(held) }
        let wine = TestSupport.fixtures.appendingPathComponent("own-data/wine.csv").path
        let run = try TestSupport.run("chaosprune", ["experiment", "--data", wine, "--trials", "1", "--epochs", "2", "-o", "run", "-q"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("another experiment is writing into run (it holds .run.experiment-lock)"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("run").path))
    }

    @Test("results.csv and verdict.csv are replaced together: a verdict.csv that cannot be written leaves the earlier results.csv")
    func resultsAndVerdictTogether() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wine = TestSupport.fixtures.appendingPathComponent("own-data/wine.csv").path
        let arguments = ["experiment", "--data", wine, "--trials", "1", "--epochs", "5", "--maxlag", "2", "-o", "run", "-q"]
        #expect(try TestSupport.run("chaosprune", arguments, in: folder).status == 0)
        let results = folder.appendingPathComponent("run/results.csv")
        try Data("earlier\n".utf8).write(to: results)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("run/verdict.csv"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("run/verdict.csv"), withIntermediateDirectories: false)
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("verdict.csv"), "\(run.standardError)")
        #expect(try String(contentsOf: results, encoding: .utf8) == "earlier\n")
    }

    @Test("experiment --data: trials are seeds, the table says no benchmark, and the verdict's paired differences are those of results.csv")
    func ownDataVerdict() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wine = TestSupport.fixtures.appendingPathComponent("own-data/wine.csv").path
        let run = try TestSupport.run("chaosprune", ["experiment", "--data", wine, "--trials", "1-3", "--epochs", "20", "--maxlag", "4", "-o", "run", "-q"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(String(decoding: run.standardOutput, as: UTF8.self).contains("| comparison | metric | mean difference ± std | trials above / below / equal | paired t-test p | reading |"))
        #expect(String(decoding: run.standardOutput, as: UTF8.self).contains("| FT − magnitude | final test accuracy |"))
        #expect(String(decoding: run.standardOutput, as: UTF8.self).contains("no benchmark") && !String(decoding: run.standardOutput, as: UTF8.self).contains("never"))
        let results = try Self.rows(folder.appendingPathComponent("run/results.csv"))
        let verdict = try Self.rows(folder.appendingPathComponent("run/verdict.csv"))
        #expect(verdict.first == ["variant", "against", "metric", "trials", "mean_difference", "std_difference", "above", "below", "equal", "t", "p"])
        #expect(verdict.count == 1 + 12)
        func finalTest(_ variant: String) -> [Double] { results.filter { ["1", "2", "3"].contains($0[0]) && $0[1] == variant }.map { Double($0[8])! } }
        for row in verdict.dropFirst() where row[2] == "final test accuracy" {
            let differences = zip(finalTest(row[0]), finalTest(row[1])).map { $0 - $1 }
            #expect(differences.count == 3 && row[3] == "3")
            #expect(abs(differences.reduce(0, +) / 3 - Double(row[4])!) < 1e-12, "\(row)")
            #expect(Int(row[6])! == differences.count { $0 > 0 } && Int(row[7])! == differences.count { $0 < 0 })
        }
        let weights = try String(contentsOf: folder.appendingPathComponent("run/trial_1/pure_1.csv"), encoding: .utf8).split(separator: "\r\n")
        let other = try String(contentsOf: folder.appendingPathComponent("run/trial_2/pure_2.csv"), encoding: .utf8).split(separator: "\r\n")
        #expect(weights.count == 1 + 20 * 142 && weights[0] != other[0], "trial K starts from seed K")
    }

    @Test("when Granger finds no non-causal weight the experiment prunes none and says so; --select-all-if-none prunes all, warning with trial and variant")
    func noNonCausalWeight() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = ["experiment", "--recipe", "bank_note", "--data-dir", Self.training.appendingPathComponent("data").path,
                      "--init", Self.training.appendingPathComponent("init/bank_note.npy").path, "--trials", "1", "-q"]
        let run = try TestSupport.run("chaosprune", common + ["-o", "default"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(String(decoding: run.standardOutput, as: UTF8.self).contains("| 1 | FT | 0 (no non-causal weight) |"))
        #expect(String(decoding: run.standardOutput, as: UTF8.self).contains("| 1 | magnitude | 0 (no non-causal weight) |"))
        #expect(!run.standardError.contains("ALL"))
        #expect(run.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("chaosprune experiment: warning: trial 1, FT: ") || $0.hasPrefix("chaosprune experiment: warning: trial 1, PT: ") },
                "every warning names its trial and variant: \(run.standardError)")
        let results = try Self.rows(folder.appendingPathComponent("default/results.csv"))
        #expect(results[2][1] == "FT" && results[2][2] == "0.0" && results[2][12] == "1")
        #expect(try String(contentsOf: folder.appendingPathComponent("default/trial_1/FT/mask_bank_note_FT_1.csv"), encoding: .utf8).isEmpty)
        let notebook = try TestSupport.run("chaosprune", common + ["-o", "notebook", "--select-all-if-none"], in: folder)
        #expect(notebook.status == 0)
        #expect(notebook.standardError.contains("warning: trial 1, FT: no weight has p ≥ 0.05; as the notebook's [-0:] slice does, ALL 40 weights are selected"))
        #expect(String(decoding: notebook.standardOutput, as: UTF8.self).contains("| 1 | FT | 40 |"))
    }

    @Test("a partial recording that stops before the network learns (cancer2's PT) raises no training-at-chance warning; the full recording is the one judged")
    func partialRecordingAtChanceIsQuiet() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["experiment", "--recipe", "cancer2", "--data-dir", Self.training.appendingPathComponent("data").path,
                                                     "--init", Self.training.appendingPathComponent("init/cancer2.npy").path, "--trials", "1", "-q", "-o", "run"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardError.contains("at or below chance"), "\(run.standardError)")
        let partial = try Self.rows(folder.appendingPathComponent("run/trial_1/PT/acc_1.csv"))
        #expect(partial.last.map { Double($0[1]) } == 0.6556776556776557, "the partial recording ends at chance")
    }
}
