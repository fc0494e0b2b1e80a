import SyntheticData
import ChaosPruneFormats
import ChaosPruneKit
import Foundation
import ChaosPruneSystem
import LyapunovKit

/// `chaosprune-bench granger`: the Granger stage at MNIST scale (41,000 weights ×
/// 425 windows, maxlag 14, all four tests) in-process, and statsmodels (the
/// notebook port) on the first 500 weights of the same data, per weight.
enum GrangerBenchmark {
    static func run(weights: Int, windows: Int, repeats: Int, folder: String) throws {
        var generator = SplitMix64(seed: 11)
        var level = 0.2
        let risk: [Double] = (0..<windows).map { _ in
            level = min(0.6, max(0.02, level + Double.random(in: -0.02...0.02, using: &generator)))
            return level
        }
        let le: [[Double]] = (0..<weights).map { _ in
            (0..<windows).map { _ in
                Double.random(in: 0...1, using: &generator) < 0.15 ? 0 : DivergenceSlopes.roundToSixDecimals(Double.random(in: 0.3...1.8, using: &generator))
            }
        }
        var options = GrangerJob.Options()
        options.threads = ProcessorCount.online
        print("== granger, \(weights) weights × \(windows) windows, maxlag 14, all four tests, \(options.threads) threads, \(repeats) runs")
        var output: GrangerJob.Output?
        let stats = Statistics.measure(repeats: repeats) { output = GrangerJob.compute(risk: risk, le: le, options: options) }
        print("in-process: " + stats.describe(scale: 1, unit: "s") + String(format: " (target ≤ 10 s); %.1f µs per weight per core",
                                                                              stats.median * 1e6 * Double(options.threads) / Double(weights)))
        if let output { print("raised \(output.raisedCount), non-causal \(output.selection.nonCausalCount)") }
        let adf = try Statistics.measure(repeats: repeats) {
            _ = try StationarityReport(risk: risk, le: le, threads: options.threads)
        }
        print("--stationarity (statsmodels adfuller with autolag AIC on every LE series and the risk): "
              + adf.describe(scale: 1, unit: "s") + " (target ≤ 10 s)")

        try measureProcess(risk: risk, le: le, repeats: repeats, folder: folder)

        let script = "notebooks-port/granger_notebook.py"
        guard FileManager.default.fileExists(atPath: script) else {
            print("statsmodels comparison skipped: run from the repository root (needs \(script))")
            return
        }
        let sample = min(500, weights)
        let lePath = "\(folder)/bench_granger_le.csv"
        let accuracyPath = "\(folder)/bench_granger_acc.csv"
        try (0..<windows).map { row in (0..<sample).map { PythonFloatText.repr(le[$0][row]) }.joined(separator: ",") }
            .joined(separator: "\n").appending("\n").write(toFile: lePath, atomically: true, encoding: .utf8)
        var accuracy = [String](repeating: "0.5,0.5", count: WindowPlan.standard.accuracyEndRow(ofWindow: windows - 1))
        for window in 0..<windows { accuracy[WindowPlan.standard.accuracyEndRow(ofWindow: window) - 1] = "\(1 - risk[window]),0.5" }
        try (accuracy.joined(separator: "\n") + "\n").write(toFile: accuracyPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, lePath, accuracyPath, folder]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let range = text.range(of: #"\(([0-9.]+) ms per weight\)"#, options: .regularExpression) else {
            print("statsmodels comparison failed (pip install -r notebooks-port/requirements.txt): \(text)")
            return
        }
        let milliseconds = Double(text[range].dropFirst().split(separator: " ")[0]) ?? .nan
        let ours = stats.median * 1e3 * Double(options.threads) / Double(weights)
        print(String(format: "statsmodels 0.14 (notebook port, one core) on %d weights: %.2f ms per weight; chaosprune %.4f ms per weight per core: %.0f× faster per weight",
                     sample, milliseconds, ours, milliseconds / ours))
    }

    /// `chaosprune granger` as a process on the whole LE file, with `--pvalues`
    /// and `--min-p`: reading, testing and writing, end to end.
    private static func measureProcess(risk: [Double], le: [[Double]], repeats: Int, folder: String) throws {
        let windows = risk.count
        let lePath = "\(folder)/bench_granger_full_le.csv"
        let accuracyPath = "\(folder)/bench_granger_full_acc.csv"
        let writer = try AtomicFileWriter(path: lePath)
        var line: [UInt8] = []
        for row in 0..<windows {
            line.removeAll(keepingCapacity: true)
            for weight in le.indices {
                if weight > 0 { line.append(UInt8(ascii: ",")) }
                PythonFloatText.append(le[weight][row], to: &line)
            }
            line.append(10)
            try writer.write(line)
        }
        try writer.commit()
        var accuracy = [String](repeating: "0.5,0.5", count: WindowPlan.standard.accuracyEndRow(ofWindow: windows - 1))
        for window in 0..<windows { accuracy[WindowPlan.standard.accuracyEndRow(ofWindow: window) - 1] = "\(1 - risk[window]),0.5" }
        try (accuracy.joined(separator: "\n") + "\n").write(toFile: accuracyPath, atomically: true, encoding: .utf8)
        let chaosprune = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("chaosprune").path
        var times: [Double] = []
        var peak = 0
        for _ in 0..<repeats {
            let result = try ProcessUsage.run(chaosprune, ["granger", lePath, accuracyPath, "-o", "\(folder)/bench_granger_mask.csv",
                                                           "--pvalues", "\(folder)/bench_granger_pvalues.csv",
                                                           "--min-p", "\(folder)/bench_granger_min_p.csv"])
            guard result.status == 0 else { throw BenchmarkFailure(message: "granger exited \(result.status)") }
            times.append(result.seconds)
            peak = max(peak, result.peakResidentBytes)
        }
        print("granger as a process (reads the CSVs, writes mask, --pvalues, --min-p): "
              + Statistics(samples: times).describe(scale: 1, unit: "s")
              + String(format: " (target ≤ 4 s); peak resident %.0f MiB", Double(peak) / 1_048_576))
    }
}
