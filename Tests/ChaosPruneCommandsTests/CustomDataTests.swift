import Foundation
import Testing
import TestSupport

/// `train`/`retrain --data`: a researcher's own numeric CSV through the authors' Helper network.
@Suite("train and retrain on your own data")
struct CustomDataTests {
    static let training = TestSupport.fixtures.appendingPathComponent("training")

    /// The authors' Iris.csv as a plain numeric CSV: four features, then the species as 0, 1, 2 (sorted names).
    static func plainIris(in folder: URL) throws {
        let lines = try String(contentsOf: training.appendingPathComponent("data/Iris.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let species = ["Iris-setosa", "Iris-versicolor", "Iris-virginica"]
        let text = lines.map { line -> String in
            let fields = line.split(separator: ",").map(String.init)
            return (Array(fields[1...4]) + [String(species.firstIndex(of: fields[5])!)]).joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        try text.write(to: folder.appendingPathComponent("iris.csv"), atomically: true, encoding: .utf8)
    }

    @Test("the iris recipe's settings on the same data as a plain CSV record the same files as --recipe iris")
    func sameAsRecipe() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.plainIris(in: folder)
        let initFile = Self.training.appendingPathComponent("init/iris.npy").path
        let own = try TestSupport.run("chaosprune", ["train", "--data", "iris.csv", "--init", initFile, "--trial", "2", "-o", "own", "--epochs", "3",
                                                     "--scaling", "per-feature", "--hidden", "6", "--learning-rate", "0.05", "--accuracy", "rounded", "-q"], in: folder)
        let recipe = try TestSupport.run("chaosprune", ["train", "--recipe", "iris", "--data-dir", Self.training.appendingPathComponent("data").path,
                                                        "--init", initFile, "--trial", "2", "-o", "recipe", "--epochs", "3", "-q"], in: folder)
        #expect(own.status == 0 && recipe.status == 0, "\(own.standardError)\(recipe.standardError)")
        for name in ["pure_2.csv", "acc_2.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("own/\(name)")) == Data(contentsOf: folder.appendingPathComponent("recipe/\(name)")))
        }
        let generated = try TestSupport.run("chaosprune", ["retrain", "--data", "iris.csv", "--trial", "1", "-o", "gen", "--epochs", "2", "-q",
                                                           "--benchmark", "0.5"], in: folder)
        #expect(generated.status == 0, "without --init the weights are drawn with --init-seed")
        let summary = try String(contentsOf: folder.appendingPathComponent("gen/summary_1.json"), encoding: .utf8)
        #expect(summary.contains("\"recipe\": \"custom\"") && summary.contains("\"weights\": 56,") && summary.contains("\"benchmark\": 0.5,"))
    }

    @Test("with --data, retrain's --epochs sets the retraining only: the magnitude baseline ranks after the same stage-1 length")
    func rankingLengthIndependentOfEpochs() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.plainIris(in: folder)
        var masks: [Data] = []
        for epochs in ["1", "3"] {
            let run = try TestSupport.run("chaosprune", ["retrain", "--data", "iris.csv", "--trial", "1", "-o", "m\(epochs)", "--epochs", epochs,
                                                         "--baseline", "magnitude", "--prune", "9", "-q"], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            masks.append(try Data(contentsOf: folder.appendingPathComponent("m\(epochs)/baseline_mask_1.csv")))
            let epochsFile = try String(contentsOf: folder.appendingPathComponent("m\(epochs)/epochs_1.csv"), encoding: .utf8)
            #expect(epochsFile.split(separator: "\n").count == 1 + Int(epochs)!)
        }
        #expect(masks[0] == masks[1])
    }

    @Test("bad own data: one line naming the file, no output", arguments: [
        ("4,1.5\n5,0\n", ["--label-column", "2"], "a label must be a whole number, not 1.5"),
        ("4,1\n5,1\n", [], "every row has label 1.0; a classifier needs two classes"),
        ("4,1\n5,0\n", ["--label-column", "3"], "--label-column 3: the file has 2 columns"),
        ("4,1\n5\n", [], "d.csv:2: 1 fields, expected 2 like the first row"),
        ((0...1_000).map { "\($0 % 3),\($0)\n" }.joined(), [], "column 2 holds 1001 distinct labels; a classifier here has at most 1000 classes"),
        (String(repeating: "1,", count: 2_000) + "0\n" + String(repeating: "2,", count: 2_000) + "1\n", ["--hidden", "5000"],
         "a 2000-5000-1 network has more than 10000000 parameters"),
    ])
    func badData(_ text: String, _ options: [String], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run("chaosprune", ["train", "--data", "d.csv", "--trial", "1", "-o", "out"] + options, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("--data options without --data, and --data with --recipe, are usage errors")
    func usage() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stray = try TestSupport.run("chaosprune", ["train", "--recipe", "iris", "--data-dir", ".", "--init", "i.npy", "--trial", "1", "-o", "o", "--hidden", "4"], in: folder)
        #expect(stray.status == 2)
        #expect(stray.standardError == "chaosprune train: error: --hidden goes with --data\n")
        let both = try TestSupport.run("chaosprune", ["train", "--recipe", "iris", "--data", "x.csv", "--trial", "1", "-o", "o"], in: folder)
        #expect(both.status == 2)
        #expect(both.standardError == "chaosprune train: error: --data replaces --recipe and --data-dir: give one or the other\n")
    }

    @Test("training that overflows records inf/nan literally (as numpy) and warns once with the first such step; le-window then refuses the recording",
          arguments: [("1,2,0\n2,3,1\n3,4,0\n4,5,1\n5,6,0\n", ["--learning-rate", "1e308"], 2),
                      ("1e308,1e308,0\n-1e308,1e308,1\n3,3,0\n", ["--scaling", "none"], 1)])
    func overflowWarns(_ data: String, _ options: [String], _ step: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(data.utf8).write(to: folder.appendingPathComponent("d.csv"))
        let train = try TestSupport.run("chaosprune", ["train", "--data", "d.csv", "--trial", "1", "-o", "out", "-q"] + options, in: folder)
        #expect(train.status == 0)
        #expect(train.standardError.hasPrefix("chaosprune train: warning: the weights are inf or nan from SGD step \(step) on (an overflowing exp, computed literally as numpy does); le-window refuses such a recording: try a smaller --learning-rate or scaled features\n"))
        #expect(train.standardError.split(separator: "\n").dropFirst().allSatisfy { $0.contains("warning: training ends at train accuracy") },
                "the only other warning: a network that learned nothing")
        let recording = try String(contentsOf: folder.appendingPathComponent("out/pure_1.csv"), encoding: .utf8).split(separator: "\r\n")
        #expect(recording[step - 1].allSatisfy { !"in".contains($0) } && recording.last!.contains("nan"), "finite until the step, nan at the end")
        let windows = try TestSupport.run("chaosprune", ["le-window", "out/pure_1.csv", "-o", "le.csv", "-q"], in: folder)
        #expect(windows.status == 1 && windows.standardError.contains("not a finite number"), "\(windows.standardError)")
    }

    @Test("training that stays finite and learns warns of nothing")
    func finiteIsQuiet() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (0..<20).map { i in i % 2 == 0 ? "\(Double(i) / 40),\(1 - Double(i) / 40),0" : "\(5 + Double(i) / 40),\(4 - Double(i) / 40),1" }
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("d.csv"))
        let train = try TestSupport.run("chaosprune", ["train", "--data", "d.csv", "--trial", "1", "-o", "out", "-q"], in: folder)
        #expect(train.status == 0 && train.standardError.isEmpty, "\(train.standardError)")
    }
}
