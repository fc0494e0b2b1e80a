import Foundation
import Testing
import TestSupport

/// `chaosprune train` and `retrain` against the authors' own code's outputs (trial 1 of every recipe).
@Suite("train and retrain against the authors' code")
struct TrainingFixtureTests {
    static let root = TestSupport.fixtures.appendingPathComponent("training")

    /// (recipe, epochs just long enough for 2,000 rows).
    static let recordings = [("cancer2", 4), ("titanic2", 3), ("bank_note", 2), ("iris", 17), ("iris3f", 17), ("diabetes", 4)]

    static func initFile(_ recipe: String) -> String {
        root.appendingPathComponent("init/\(recipe == "diabetes" ? "diabetes-1" : recipe).npy").path
    }

    /// Lines of a file, split on `\n` only (the `\r` of `\r\n` stays, so endings are compared too).
    static func lines(_ url: URL) throws -> [Substring] {
        try Data(contentsOf: url).split(separator: 10, omittingEmptySubsequences: false).map { Substring(String(decoding: $0, as: UTF8.self)) }
    }

    @Test("stage 1: accuracies byte-identical, every weight within 1e-12 with the same %f text, line endings as the authors'", arguments: recordings)
    func recording(_ recipe: String, _ epochs: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["train", "--recipe", recipe, "--data-dir", Self.root.appendingPathComponent("data").path,
                                                     "--init", Self.initFile(recipe), "--trial", "1", "-o", "out", "--epochs", "\(epochs)", "-q"],
                                      in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let expected = Self.root.appendingPathComponent("\(recipe)/stage1")
        let pairs = recipe == "diabetes"
            ? [("train_accuracy1.csv", "train_accuracy1.first2000.csv"), ("test_accuracy1.csv", "test_accuracy1.first2000.csv")]
            : [("acc_1.csv", "acc_1.first2000.csv")]
        for (ours, theirs) in pairs {
            let mine = try Self.lines(folder.appendingPathComponent("out/\(ours)"))
            let reference = try Self.lines(expected.appendingPathComponent(theirs)).dropLast()
            try #require(mine.count > reference.count)
            #expect(Array(mine.prefix(reference.count)) == Array(reference), "\(ours)")
        }
        let weightsName = recipe == "diabetes" ? "diabetes-1_weights" : "pure_1"
        let mine = try Self.lines(folder.appendingPathComponent("out/\(weightsName).csv"))
        let reference = try Self.lines(expected.appendingPathComponent("\(weightsName).first2000.csv")).dropLast()
        try #require(reference.count == 2000 && mine.count > 2000)
        var worst = 0.0
        var textDifferences = 0
        for (ours, theirs) in zip(mine, reference) {
            #expect((ours.utf8.last == 13) == (theirs.utf8.last == 13), "line endings")
            let a = ours.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan }
            let b = theirs.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan }
            try #require(a.count == b.count)
            for (x, y) in zip(a, b) {
                let difference = abs(x - y)
                worst = difference.isNaN || worst.isNaN ? .nan : max(worst, difference)
                if String(format: "%f", x) != String(format: "%f", y) { textDifferences += 1 }
            }
        }
        #expect(worst <= 1e-12, "worst |Δw| \(worst)")
        #expect(textDifferences == 0)
    }

    /// Every retraining fixture: (recipe, folder, mask file or nil, extra options).
    static let retrainings: [(String, String, String?, [String])] = {
        var cases: [(String, String, String?, [String])] = []
        for recipe in ["cancer2", "titanic2", "bank_note", "iris", "iris3f"] {
            cases.append((recipe, "dense", nil, []))
            cases.append((recipe, "FT", "mask_\(recipe)_FT_1.csv", []))
            cases.append((recipe, "PT", "mask_\(recipe)_PT_1.csv", []))
        }
        cases.append(("titanic2", "dense-epochs3", nil, ["--epochs", "3"]))
        cases.append(("iris", "dense-epochs3", nil, ["--epochs", "3"]))
        cases.append(("diabetes", "dense", nil, []))
        cases.append(("diabetes", "FT", "mask_diabetes_FT_1.csv", []))
        cases.append(("diabetes", "FT", "mask_diabetes_FT_1.base1.csv", ["--mask-base", "1"]))
        return cases
    }()

    @Test("stage 4: epochs byte-identical, every summary value equal (seconds aside)", arguments: retrainings)
    func retraining(_ recipe: String, _ variant: String, _ mask: String?, _ options: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = Self.root.appendingPathComponent("\(recipe)/retrain/\(variant)")
        let maskOptions = mask.map { ["--mask", expected.appendingPathComponent($0).path] } ?? []
        let run = try TestSupport.run("chaosprune", ["retrain", "--recipe", recipe, "--data-dir", Self.root.appendingPathComponent("data").path,
                                                     "--init", Self.initFile(recipe), "--trial", "1", "-o", "out", "-q"] + maskOptions + options,
                                      in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/epochs_1.csv")) == Data(contentsOf: expected.appendingPathComponent("epochs_1.csv")))
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/summary_1.json"))) as? [String: Any])
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: expected.appendingPathComponent("summary_1.json"))) as? [String: Any])
        #expect(Set(ours.keys) == Set(theirs.keys))
        for (key, value) in theirs where key != "seconds" {
            #expect("\(ours[key] ?? "missing")" == "\(value)", "\(key)")
        }
    }

    @Test("the authors' published bank_note trial-1 numbers: dense at epoch 8, FT mask [17, 9] at epoch 10")
    func publishedNumbers() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "17\n9\n".write(to: folder.appendingPathComponent("ft.csv"), atomically: true, encoding: .utf8)
        let common = ["retrain", "--recipe", "bank_note", "--data-dir", Self.root.appendingPathComponent("data").path,
                      "--init", Self.initFile("bank_note"), "--trial", "1", "-q"]
        #expect(try TestSupport.run("chaosprune", common + ["-o", "dense"], in: folder).status == 0)
        #expect(try TestSupport.run("chaosprune", common + ["-o", "ft", "--mask", "ft.csv"], in: folder).status == 0)
        let dense = try String(contentsOf: folder.appendingPathComponent("dense/summary_1.json"), encoding: .utf8)
        let ft = try String(contentsOf: folder.appendingPathComponent("ft/summary_1.json"), encoding: .utf8)
        #expect(dense.contains("\"benchmark_epoch\": 8,"))
        #expect(dense.contains("\"train_acc_at_benchmark\": 0.9124886052871468,"))
        #expect(dense.contains("\"test_acc_at_benchmark\": 0.8945454545454545,"))
        #expect(ft.contains("\"benchmark_epoch\": 10,"))
        #expect(ft.contains("\"train_acc_at_benchmark\": 0.910665451230629,"))
        #expect(ft.contains("\"test_acc_at_benchmark\": 0.9018181818181819,"))
    }

    @Test("a label outside 0 and 1 in a recipe's file is reported at its own line and column, before any shuffle", arguments: [
        ("bank_note", "binary_banknote.csv", 7, 5), ("cancer2", "binary_cancer.csv", 300, 10), ("diabetes", "diabetes_run.csv", 7, 9),
        ("titanic2", "titanic_train.csv", 12, 2), ("titanic2", "titanic_testy.csv", 5, 2),
    ])
    func labelOutsideClasses(_ recipe: String, _ file: String, _ line: Int, _ column: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("data"), to: data)
        let path = data.appendingPathComponent(file)
        var lines = try [UInt8](Data(contentsOf: path)).split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        var fields = lines[line - 1].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Array.init)
        fields[column - 1] = Array("2".utf8) + (fields[column - 1].last == 13 ? [13] : [])
        lines[line - 1] = Array(fields.joined(separator: [UInt8(ascii: ",")]))
        try Data(lines.joined(separator: [10])).write(to: path)
        let run = try TestSupport.run("chaosprune", ["train", "--recipe", recipe, "--data-dir", "data", "--init", Self.initFile(recipe),
                                                     "--trial", "1", "-o", "out", "-q"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError == "chaosprune train: error: data/\(file):\(line):\(column): label 2.0 is outside the classes 0 and 1\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("bad input: one line, exit 1 (2 for usage), no output", arguments: [
        (["--recipe", "vowel"], 2, "recipe vowel is broken in the authors' Helper path"),
        (["--recipe", "iris", "--mask", "mask.csv"], 1, "mask.csv:2:1: index 99 is outside the network's 42 weights (0…41)"),
        (["--recipe", "iris", "--mask", "text.csv"], 1, "text.csv:1:1: expected a weight index (a whole number), found 'x'"),
        (["--recipe", "iris", "--mask", "signs.csv"], 1, "signs.csv:1:1: expected a weight index (a whole number), found '+-1'"),
        (["--recipe", "iris", "--mask", "big.csv"], 1, "big.csv:1:1: index -99999999999999999999 is beyond any network's weights (at most 9223372036854775807)"),
        (["--recipe", "iris", "--trial", "11"], 1, "trial 11 is not in the file, which holds trials 1…10"),
        (["--recipe", "cancer2", "--init-of", "iris"], 1, "W1 has shape [6, 4], but the network 9-6-1 needs [6, 9]"),
        (["--recipe", "iris", "--data-dir", "empty"], 1, "empty/Iris.csv: cannot read: No such file or directory"),
    ])
    func badInput(_ options: [String], _ status: Int32, _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "1\n99\n".write(to: folder.appendingPathComponent("mask.csv"), atomically: true, encoding: .utf8)
        try "x\n".write(to: folder.appendingPathComponent("text.csv"), atomically: true, encoding: .utf8)
        try "+-1\n".write(to: folder.appendingPathComponent("signs.csv"), atomically: true, encoding: .utf8)
        try "-99999999999999999999\n".write(to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        var arguments = options
        let recipe = arguments[arguments.firstIndex(of: "--recipe")! + 1]
        var initRecipe = recipe == "vowel" ? "iris" : recipe
        if let index = arguments.firstIndex(of: "--init-of") {
            initRecipe = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
        }
        if !arguments.contains("--data-dir") { arguments += ["--data-dir", Self.root.appendingPathComponent("data").path] }
        if !arguments.contains("--trial") { arguments += ["--trial", "1"] }
        let run = try TestSupport.run("chaosprune", ["retrain", "--init", Self.initFile(initRecipe), "-o", "out", "--epochs", "1"] + arguments, in: folder)
        #expect(run.status == status)
        #expect(run.standardError.hasPrefix("chaosprune retrain: error: "), "\(run.standardError)")
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
