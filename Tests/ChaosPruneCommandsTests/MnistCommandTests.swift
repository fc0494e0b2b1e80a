import ChaosPruneFormats
import Foundation
import Testing
import TestSupport

/// `train`, `retrain` and `granger` for the authors' PyTorch MNIST network, driven as a user runs them.
@Suite("the MNIST recipe end to end")
struct MnistCommandTests {
    static let fixtures = MnistFixtures.folder
    static var data: String { MnistFixtures.dataFolder.path }

    static func lines(_ url: URL, separator: String = "\n") throws -> [Substring] {
        try String(contentsOf: url, encoding: .utf8).split(separator: separator)
    }

    @Test("train writes the intended recording, the window and epoch accuracies; the default init is model_1.pth's")
    func trainWritesTheFourFiles() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let native = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "1", "--epochs", "2",
                                                        "-o", "native", "-j", "2"], in: folder)
        #expect(native.status == 0, "\(native.standardError)")
        #expect(native.standardError.contains("get_accuracy"), "the accuracy quirk is warned")
        let given = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "1", "--epochs", "2",
                                                       "--init", Self.fixtures.appendingPathComponent("init/model_1.pth").path, "-o", "given", "-q"], in: folder)
        #expect(given.status == 0, "\(given.standardError)")
        for name in ["weights1.csv", "train_accuracies1.csv", "test_accuracies1.csv", "epochs_1.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("native/\(name)")) == Data(contentsOf: folder.appendingPathComponent("given/\(name)")),
                    "\(name)")
        }
        let weights = try Self.lines(folder.appendingPathComponent("native/weights1.csv"))
        #expect(weights.count == 56 && weights.allSatisfy { $0.split(separator: ",").count == 1_800 })
        #expect(weights[0] == MnistFixtures.recordedRows.split(separator: "\n")[0], "row 0: the initial fc2 and fc4 weights")
        let window = try String(contentsOf: folder.appendingPathComponent("native/train_accuracies1.csv"), encoding: .utf8)
        #expect(window == "16.880580357142858\r\n", "the one window end (step 50) of 56 steps, as torch's")
        #expect(try Self.lines(folder.appendingPathComponent("native/epochs_1.csv")).count == 3)
    }

    @Test("--format npy streams the same rows as float32; --columns all holds the analysed ones at 39,200")
    func npyAndAllColumns() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, extra) in [("csv", [String]()), ("npy", ["--format", "npy"]), ("all", ["--columns", "all"])] {
            let run = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "2", "--epochs", "1",
                                                         "-o", name, "-q"] + extra, in: folder)
            #expect(run.status == 0, "\(run.standardError)")
        }
        let csv = try Self.lines(folder.appendingPathComponent("csv/weights2.csv")).map { $0.split(separator: ",").map { Double($0)! } }
        let npy = try NumpyArrayReader.read(folder.appendingPathComponent("npy/weights2.npy").path)
        #expect(npy.rowCount == 28 && npy.columnCount == 1_800 && npy.kind == .float32)
        #expect((0..<28).allSatisfy { row in (0..<1_800).allSatisfy { npy.value(row, $0) == csv[row][$0] } })
        let all = try Self.lines(folder.appendingPathComponent("all/weights2.csv"))
        #expect(all.count == 28)
        #expect(all.allSatisfy { $0.split(separator: ",").count == 41_000 })
        #expect(all[27].split(separator: ",").suffix(1_800).joined(separator: ",") == (try Self.lines(folder.appendingPathComponent("csv/weights2.csv")))[27])
    }

    @Test("retrain saves the final parameters as .pth and .npy alike; the summary names the benchmark in percent")
    func retrainSavesWeights() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mask = Self.fixtures.appendingPathComponent("masks/mask_mnist_3.csv").path
        for file in ["final.pth", "final.npy"] {
            let run = try TestSupport.run("chaosprune", ["retrain", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "3", "--epochs", "1",
                                                         "--mask", mask, "-o", "out", "--save-weights", "out/\(file)"], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardError.contains("6 fc4 index(es) of the mask(s) are ignored"))
            #expect(run.standardError.contains("first sample of each batch"))
        }
        let checkpoint = try TorchCheckpoint.read(folder.appendingPathComponent("out/final.pth").path)
        #expect(checkpoint.tensors.map(\.name) == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc4.weight", "fc4.bias"])
        #expect(checkpoint.tensors.map(\.shape) == [[50, 784], [50], [30, 50], [30], [10, 30], [10]])
        let flat = try NumpyArrayReader.read(folder.appendingPathComponent("out/final.npy").path)
        let values = (0..<flat.rowCount).flatMap { row in (0..<flat.columnCount).map { Float(flat.value(row, $0)) } }
        #expect(values.count == 41_090 && values.map(\.bitPattern) == checkpoint.flatValues.map(\.bitPattern))
        let summary = try String(contentsOf: folder.appendingPathComponent("out/summary_3.json"), encoding: .utf8)
        #expect(summary.contains("\"recipe\": \"mnist\"") && summary.contains("\"weights\": 1800,") && summary.contains("\"benchmark\": 92.0,")
                && summary.contains("\"pruned\": 138,"))
        let intended = try TestSupport.run("chaosprune", ["retrain", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "3", "--epochs", "1",
                                                          "--mask", mask, "-o", "intended", "--intended-mask", "--true-accuracy", "--true-metrics"], in: folder)
        #expect(intended.status == 0 && !intended.standardError.contains("warning"), "\(intended.standardError)")
    }

    @Test("retrain baselines for mnist: N of the 1,800 analysed weights, the smallest after stage 1 or a seeded sample")
    func baselines() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mask = Self.fixtures.appendingPathComponent("masks/mask_mnist_22.csv").path
        for kind in ["magnitude", "random"] {
            let run = try TestSupport.run("chaosprune", ["retrain", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "2", "--epochs", "1",
                                                         "--baseline", kind, "--prune-like", mask, "-o", kind, "-q"], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            let indices = try Self.lines(folder.appendingPathComponent("\(kind)/baseline_mask_2.csv")).map { Int($0)! }
            #expect(indices.count == 34 && indices.allSatisfy { (0..<1_800).contains($0) } && indices == indices.sorted())
        }
    }

    @Test("bad MNIST input: one line with its place, exit 1, nothing written", arguments: [
        ("header", "label,pixel0\n", "mnist.csv:1:"),
        ("label", "LABELS", "mnist.csv:2:1: the label must be a whole number 0–9, found '10'"),
        ("long", "FIELDS", "mnist.csv:3:786: more than 785 fields"),
        ("short", "SHORT", "mnist.csv:2:784: 784 fields; expected a label and 784 pixels"),
        ("empty", "", "mnist.csv: empty file"),
        ("no test sample", "ONE", "1 samples: the 70/30 split leaves no training or no test sample"),
        ("pixel", "PIXEL", "mnist.csv:2:5: expected a finite number, found 'x'"),
    ])
    func badData(name: String, content: String, message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = (["label"] + (0..<784).map { "pixel\($0)" }).joined(separator: ",")
        let row = (["3"] + [String](repeating: "0", count: 784)).joined(separator: ",")
        let text: String
        switch content {
        case "LABELS": text = "\(header)\n1\(row.dropFirst())\n".replacingOccurrences(of: "\n1,", with: "\n10,")
        case "FIELDS": text = "\(header)\n\(row)\n\(row),0\n"
        case "SHORT": text = "\(header)\n\(row.dropLast(2))\n"
        case "ONE": text = "\(header)\n\(row)\n"
        case "PIXEL": text = "\(header)\n\(row.replacingOccurrences(of: "3,0,0,0,0,", with: "3,0,0,0,x,"))\n"
        default: text = content
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("data/mnist.csv"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", "data", "--trial", "1", "-o", "out"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("a pixel infinite as float32 (1e39) makes the weights inf or nan: the recording is written and the step named in a warning")
    func nonFiniteWeights() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = (["label"] + (0..<784).map { "pixel\($0)" }).joined(separator: ",")
        let rows = (0..<20).map { index in ([String(index % 10)] + (0..<784).map { index == 0 && $0 == 300 ? "1e39" : String(($0 * 7 + index) % 256) }).joined(separator: ",") }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try ([header] + rows).joined(separator: "\n").appending("\n").write(to: folder.appendingPathComponent("data/mnist.csv"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", "data", "--trial", "1", "--epochs", "2", "-o", "out"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("warning: the weights are inf or nan from recorded step"), "\(run.standardError)")
    }

    @Test("a data file without line ends (/dev/zero) is refused once a line passes 1 MiB, never read without end")
    func endlessData() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("data/mnist.csv").path, withDestinationPath: "/dev/zero")
        let run = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", "data", "--trial", "1", "-o", "out"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("data/mnist.csv:1: more than 1 MiB without a line end"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("another network's checkpoint, a mask index beyond 1,799: exit 1 with nothing written")
    func badCheckpointAndMask() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = TestSupport.fixtures.appendingPathComponent("pth/torch_small.pth").path
        let run = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "1", "--init", other, "-o", "out"],
                                      in: folder)
        #expect(run.status == 1 && run.standardError.contains("not a checkpoint of the MNIST 784-50-30-10 network"), "\(run.standardError)")
        try "5\n1800\n".write(to: folder.appendingPathComponent("mask.csv"), atomically: true, encoding: .utf8)
        let masked = try TestSupport.run("chaosprune", ["retrain", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "1", "--mask", "mask.csv",
                                                        "-o", "out"], in: folder)
        #expect(masked.status == 1 && masked.standardError.contains("mask.csv:2:"), "\(masked.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("options of one flavour with the other recipe are usage errors", arguments: [
        ["train", "--recipe", "bank_note", "--columns", "all"],
        ["train", "--recipe", "iris", "--true-accuracy"],
        ["retrain", "--recipe", "iris", "--intended-mask"],
        ["retrain", "--recipe", "iris", "--save-weights", "w.npy"],
        ["train", "--recipe", "mnist", "--append"],
        ["retrain", "--recipe", "mnist", "--save-weights", "w.txt"],
        ["train", "--recipe", "mnist", "--hidden", "8"],
        ["retrain", "--recipe", "mnist", "--data", "x.csv"],
    ])
    func flavourMismatch(arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", arguments + ["--data-dir", Self.data, "--trial", "1", "-o", "out"], in: folder)
        #expect(run.status == 2, "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("granger on the 25 window accuracies tests the first 25 windows of a longer recording and says so")
    func grangerOnWindowAccuracies() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let train = try TestSupport.run("chaosprune", ["train", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "1", "--epochs", "50",
                                                       "-o", ".", "-q"], in: folder)
        #expect(train.status == 0, "\(train.standardError)")
        let windows = try TestSupport.run("chaosprune", ["le-window", "weights1.csv", "--window", "50", "-o", "window_LE_1.csv", "-q"], in: folder)
        #expect(windows.status == 0, "\(windows.standardError)")
        let granger = try TestSupport.run("chaosprune", ["granger", "window_LE_1.csv", "test_accuracies1.csv", "--acc-layout", "per-window",
                                                         "--maxlag", "7", "-o", "mask.csv", "--summary"], in: folder)
        #expect(granger.status == 0, "\(granger.standardError)")
        #expect(granger.standardError.contains("25 per-window values for 31 windows"))
        #expect(String(decoding: granger.standardOutput, as: UTF8.self).hasPrefix("weights 1800, windows 25, raised 0,"))
        let retrain = try TestSupport.run("chaosprune", ["retrain", "--recipe", "mnist", "--data-dir", Self.data, "--trial", "1", "--epochs", "1",
                                                         "--mask", "mask.csv", "-o", "FT", "-q"], in: folder)
        #expect(retrain.status == 0, "\(retrain.standardError)")
    }

    @Test("experiment with the authors' masks: five variants per trial, multiply-adds without the weights held at zero, one mask warning")
    func experimentWithGivenMasks() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let masks = Self.fixtures.appendingPathComponent("masks")
        let run = try TestSupport.run("chaosprune", ["experiment", "--recipe", "mnist", "--data-dir", Self.data, "--trials", "1,2", "--epochs", "2",
                                                     "-o", "run", "-j", "2",
                                                     "--ft-masks", "\(masks.path)/mask_mnist_1.csv,\(masks.path)/mask_mnist_2.csv",
                                                     "--pt-masks", "\(masks.path)/mask_mnist_12.csv,\(masks.path)/mask_mnist_22.csv"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.components(separatedBy: "pipeline2.py masks").count == 2, "the mask quirks once, counts summed: \(run.standardError)")
        #expect(run.standardError.contains("warning: every trial, every variant: as the authors' pipeline2.py masks"))
        #expect(run.standardError.contains("index 0 also zeroes fc1.weight[49][783]"))
        let csv = try Self.lines(folder.appendingPathComponent("run/results.csv"))
        #expect(csv.count == 1 + 10 + 5 + 5)
        // mask 1 lists 293 (6 in fc4, index 0 among them): 287 fc2 weights and fc1[49][783] held at zero.
        #expect(csv[2].hasPrefix("1,FT,293.0,0.16277777777777777,") && csv[2].hasSuffix(",40712.0,41000,0"), "\(csv[2])")
        #expect(csv[1].hasSuffix(",41000.0,41000,0"))
        for variant in ["dense", "FT", "PT", "magnitude", "random"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run/trial_2/retrain/\(variant)/summary_2.json").path))
        }
        let magnitude = try Self.lines(folder.appendingPathComponent("run/trial_1/retrain/magnitude/baseline_mask_1.csv"))
        #expect(magnitude.count == 293, "the baselines have FT's size")
    }

    @Test("experiment computing its masks writes every stage's files under the authors' names")
    func experimentComputesMasks() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let short = try TestSupport.run("chaosprune", ["experiment", "--recipe", "mnist", "--data-dir", Self.data, "--trials", "3", "--epochs", "3",
                                                       "--partial-epochs", "1", "-o", "run"], in: folder)
        #expect(short.status == 1 && short.standardError.contains("the partial recording of 1 epoch(s) reaches no window end"), "\(short.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("run").path))
        let run = try TestSupport.run("chaosprune", ["experiment", "--recipe", "mnist", "--data-dir", Self.data, "--trials", "3", "--epochs", "3",
                                                     "--partial-epochs", "2", "-o", "run", "-q", "--init", Self.fixtures.appendingPathComponent("init").path],
                                      in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        for file in ["weights3.csv", "train_accuracies3.csv", "test_accuracies3.csv", "epochs_3.csv", "FT/window_LE_3.csv", "FT/mask_mnist_FT_3.csv",
                     "PT/weights3.csv", "PT/mask_mnist_PT_3.csv", "retrain/FT/epochs_3.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run/trial_3/\(file)").path), "\(file)")
        }
        #expect(try Self.lines(folder.appendingPathComponent("run/trial_3/PT/weights3.csv")).count == 56)
        let bad = try TestSupport.run("chaosprune", ["experiment", "--recipe", "mnist", "--data-dir", Self.data, "--trials", "4", "-o", "other",
                                                     "--init", Self.fixtures.appendingPathComponent("init").path], in: folder)
        #expect(bad.status == 1 && bad.standardError.contains("model_4.pth"), "\(bad.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other").path))
        let epochs = try TestSupport.run("chaosprune", ["experiment", "--recipe", "iris", "--data-dir", Self.data, "--init", "x", "--epochs", "2"], in: folder)
        #expect(epochs.status == 2 && epochs.standardError.contains("--epochs goes with --recipe mnist"), "\(epochs.standardError)")
        let report = try TestSupport.run("chaosprune", ["experiment", "--recipe", "mnist", "--data-dir", Self.data, "--report", "-o", "r"], in: folder)
        #expect(report.status == 2 && report.standardError.contains("--report draws the Helper recipes' run folders"), "\(report.standardError)")
    }
}
