import Foundation
import SyntheticData

/// `chaosprune-bench mnist`: stage 1 of the MNIST recipe on a synthetic file
/// of the authors' size (42,000 digits: 230 steps × 50 epochs, recording the
/// 1,800 analysed columns and the 25 window accuracies), `chaosprune train
/// --recipe mnist` as a process, median of several runs; against PyTorch in
/// the same run when `--torch PYTHON` names an interpreter with torch, pandas
/// and numpy (`notebooks-port/mnist_torch.py record`: the authors' script
/// semantics with the recorder fixed, 1 thread). Target: ≤ 0.25× torch's time.
enum MnistBenchmark {
    static func run(rows: Int, epochs: Int, repeats: Int, torch: String?, folder: String) throws {
        let chaosprune = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("chaosprune").path
        let data = "\(folder)/bench_mnist_\(rows)"
        let file = "\(data)/mnist.csv"
        if !FileManager.default.fileExists(atPath: file) { try write(rows: rows, to: file) }
        print("== train --recipe mnist on \(rows) synthetic digits, \(epochs) epochs (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        func measure(_ label: String, _ executable: String, _ arguments: [String]) throws -> Double {
            var times: [Double] = []
            for _ in 0..<repeats {
                let result = try ProcessUsage.run(executable, arguments)
                guard result.status == 0 else { throw BenchmarkFailure(message: "\(label) failed") }
                times.append(result.seconds)
            }
            let statistics = Statistics(samples: times)
            print("  \(label): " + statistics.describe(scale: 1, unit: "s"))
            return statistics.median
        }
        let common = ["train", "--recipe", "mnist", "--data-dir", data, "--trial", "1", "--epochs", String(epochs), "-q", "-o", "\(folder)/bench_mnist_out"]
        let allCores = try measure("chaosprune, all cores", chaosprune, common)
        let oneThread = try measure("chaosprune, 1 thread", chaosprune, common + ["-j", "1"])
        guard let torch else {
            print("  no --torch PYTHON: no PyTorch reference")
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("notebooks-port/mnist_torch.py").path
        let reference = try measure("PyTorch, 1 thread", torch, [script, "record", file, "1", String(epochs), "\(folder)/bench_mnist_torch"])
        print(String(format: "  chaosprune / torch: %.3f (all cores), %.3f (1 thread); target ≤ 0.25", allCores / reference, oneThread / reference))
    }

    /// Kaggle's layout: a label 0–9 and 784 pixels, four in five 0 and the rest 1–255, as MNIST's are mostly blank.
    static func write(rows: Int, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: 42)
        var text = "label," + (0..<784).map { "pixel\($0)" }.joined(separator: ",") + "\n"
        for _ in 0..<rows {
            text += String(Int.random(in: 0...9, using: &generator))
            for _ in 0..<784 {
                text += Double.random(in: 0..<1, using: &generator) < 0.8 ? ",0" : ",\(Int.random(in: 1...255, using: &generator))"
            }
            text += "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
