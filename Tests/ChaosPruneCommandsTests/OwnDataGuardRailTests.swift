import Foundation
import Testing
import TestSupport

/// A researcher's own data: scikit-learn's wine data (UCI, CC BY 4.0: 178
/// samples, 13 features, proline ≈ 1000, classes 0–2) as a plain CSV.
@Suite("own data: defaults that learn, warnings when a network does not, the accuracy rule")
struct OwnDataGuardRailTests {
    static let wine = TestSupport.fixtures.appendingPathComponent("own-data/wine.csv").path

    static func lastAccuracies(_ file: URL) throws -> (test: Double, train: Double) {
        let last = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).last ?? ""
        let fields = last.split(separator: ",").compactMap { Double($0) }
        return (fields[0], fields[1])
    }

    @Test("with the defaults (per-feature scaling, argmax accuracy) wine trains to a useful network and warns of nothing")
    func defaultsLearn() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["train", "--data", Self.wine, "--trial", "1", "-o", "run", "-q"], in: folder)
        #expect(run.status == 0 && run.standardError.isEmpty, "\(run.standardError)")
        let final = try Self.lastAccuracies(folder.appendingPathComponent("run/acc_1.csv"))
        #expect(final.train == 1.0 && final.test > 0.95, "\(final)")
    }

    @Test("the authors' per-sample scaling on wine learns nothing, and train says so and why")
    func perSampleWarns() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["train", "--data", Self.wine, "--trial", "1", "-o", "run", "-q", "--scaling", "per-sample"], in: folder)
        #expect(run.status == 0)
        let warning = run.standardError
        #expect(warning.hasPrefix("chaosprune train: warning: training ends at train accuracy 0.4014084507042254, at or below chance (0.4014084507042254, always answering the most common class) and predicting one class for every training sample"))
        #expect(warning.contains("--scaling per-sample standardises each sample across its features"), "names the likely cause")
        #expect(warning.split(separator: "\n").count == 1)
    }

    @Test("--accuracy changes the recorded accuracies, never the weights: rounded counts a sample right only when every rounded output is its one-hot target")
    func accuracyRule() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for rule in ["argmax", "rounded"] {
            let run = try TestSupport.run("chaosprune", ["train", "--data", Self.wine, "--trial", "1", "-o", rule, "--epochs", "2", "--accuracy", rule, "-q"], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
        }
        let weights = { (rule: String) in try Data(contentsOf: folder.appendingPathComponent("\(rule)/pure_1.csv")) }
        #expect(try weights("argmax") == weights("rounded"))
        let accuracies = { (rule: String) in
            try String(contentsOf: folder.appendingPathComponent("\(rule)/acc_1.csv"), encoding: .utf8).split(whereSeparator: \.isNewline)
                .map { $0.split(separator: ",").compactMap { Double($0) } }
        }
        let (argmax, rounded) = (try accuracies("argmax"), try accuracies("rounded"))
        #expect(argmax.count == rounded.count)
        #expect(zip(argmax, rounded).allSatisfy { $0[0] >= $1[0] && $0[1] >= $1[1] }, "a sample right by rounding is right by argmax")
        #expect(zip(argmax, rounded).contains { $0 != $1 }, "early on the rules disagree")
    }

    @Test("--accuracy rounded is refused where the network counts argmax, and --accuracy outside train's recipes", arguments: [
        (["train", "--recipe", "diabetes", "--data-dir", "d", "--init", "i.npy", "--trial", "1", "-o", "o", "--accuracy", "rounded"],
         "chaosprune train: error: --accuracy rounded goes with the Helper recipes and --data; diabetes counts argmax (its framework's softmax rule)\n"),
        (["train", "--recipe", "mnist", "--data-dir", "d", "--trial", "1", "-o", "o", "--accuracy", "argmax"],
         "chaosprune train: error: --accuracy goes with --data\n"),
        (["experiment", "--recipe", "bank_note", "--data-dir", "d", "--init", "i.npy", "--accuracy", "argmax"],
         "chaosprune experiment: error: --accuracy goes with --data\n"),
        (["train", "--data", "x.csv", "--trial", "1", "-o", "o", "--accuracy", "largest"],
         "chaosprune train: error: --accuracy expects rounded or argmax, not 'largest'\n"),
    ])
    func refusals(_ arguments: [String], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError == message)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("experiment refuses a repeated trial with --data, and the retraining options of --data with a recipe, before any file is read", arguments: [
        (["experiment", "--data", "missing.csv", "--trials", "1,2,1"], "chaosprune experiment: error: trial 1 is named twice\n"),
        (["experiment", "--recipe", "iris", "--data-dir", "d", "--init", "i.npy", "--learning-rate", "0.1"],
         "chaosprune experiment: error: --learning-rate goes with --data\n"),
        (["experiment", "--recipe", "iris", "--data-dir", "d", "--init", "i.npy", "--benchmark", "0.9"],
         "chaosprune experiment: error: --benchmark goes with --data\n"),
    ])
    func experimentRefusals(_ arguments: [String], _ message: String) throws {
        try refusals(arguments, message)
    }
}
