import ChaosPruneFormats
import ChaosPruneKit
import Foundation
import ChaosPruneSystem
import LyapunovKit

/// `chaosprune-bench le-window`: the window stage at 1/20 of the MNIST network,
/// and against the reference's way of working (one lyap_r process per window).
enum WindowBenchmark {
    /// The MNIST network of the paper: 784-50-30-10 = 41,000 weights, 11,500 steps (230 a epoch, 50 epochs).
    static let mnistWeights = 41_000

    static func run(rows: Int, columns: Int, repeats: Int, folder: String) throws {
        let executables = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let chaosprune = executables.appendingPathComponent("chaosprune").path
        let weights = "\(folder)/bench_weights_\(rows)x\(columns).csv"
        if !FileManager.default.fileExists(atPath: weights) {
            print("generating \(weights) (\(rows) rows × \(columns) columns, random walks)…")
            try SyntheticWeights.write(rows: rows, columns: columns, to: weights)
        }
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: weights)[.size] as? Int) ?? 0)
        let windows = WindowPlan.standard.windowCount(rows: rows) * columns
        let threads = ProcessorCount.online
        let parse = try Statistics.measure(repeats: repeats) {
            let reader = try NumericCSVReader(path: weights)
            while try reader.readRows(1_000, threads: threads, store: { _, _, _ in }) > 0 {}
        }
        print(String(format: "== CSV number parsing (NumericCSVReader, every field, %d threads): ", threads)
              + parse.describe(scale: 1, unit: "s") + String(format: "; %.0f MB/s (target ≥ 1000 MB/s)", bytes / 1e6 / parse.median))
        print("== le-window, \(rows) rows × \(columns) weights (\(String(format: "%.0f", bytes / 1e6)) MB), window 50, \(ProcessorCount.online) cores, \(repeats) runs")
        let csv = try timeLEWindow(chaosprune, input: weights, output: "\(folder)/bench_window_LE.csv", repeats: repeats)
        print("wall time: " + csv.stats.describe(scale: 1, unit: "s"))
        print(String(format: "windows per second: %.0f (target ≥ 400,000)   CSV MB/s: %.1f   peak resident: %.0f MiB",
                     Double(windows) / csv.stats.median, bytes / 1e6 / csv.stats.median, Double(csv.peak) / 1048576))
        let scale = Double(mnistWeights) / Double(columns) * (11_500.0 / Double(rows))
        print(String(format: "extrapolated full MNIST (41,000 weights × 11,500 steps) from CSV: %.0f s", csv.stats.median * scale))
        for (name, options) in [("float64", [String]()), ("float32", ["--float32"])] {
            let npy = "\(folder)/bench_weights_\(rows)x\(columns)_\(name).npy"
            if !FileManager.default.fileExists(atPath: npy) {
                let conversion = try ProcessUsage.run(chaosprune, ["convert", "to-npy", weights, "-o", npy] + options)
                guard conversion.status == 0 else { throw BenchmarkFailure(message: "convert to-npy exited \(conversion.status)") }
            }
            let output = "\(folder)/bench_window_LE_\(name).csv"
            let run = try timeLEWindow(chaosprune, input: npy, output: output, repeats: repeats)
            let same = name == "float64" ? (FileManager.default.contentsEqual(atPath: output, andPath: "\(folder)/bench_window_LE.csv") ? ", the CSV's bytes" : ", NOT the CSV's bytes") : ""
            print(String(format: "le-window from a %@ .npy: %@; windows per second: %.0f%@ (%.2f× the CSV's), peak resident: %.0f MiB%@",
                         name, run.stats.describe(scale: 1, unit: "s"), Double(windows) / run.stats.median, name == "float64" ? " (target ≥ 1,000,000)" : "",
                         csv.stats.median / run.stats.median, Double(run.peak) / 1048576, same))
        }

        try compareWithProcessPerWindow(weights: weights, folder: folder, chaosprune: chaosprune,
                                        lyapR: executables.appendingPathComponent("lyap_r").path)
    }

    /// Runs `le-window INPUT -o OUTPUT -q` `repeats` times: the wall times and the largest peak resident size.
    static func timeLEWindow(_ chaosprune: String, input: String, output: String, repeats: Int) throws -> (stats: Statistics, peak: Int) {
        var times: [Double] = []
        var peak = 0
        for _ in 0..<repeats {
            let result = try ProcessUsage.run(chaosprune, ["le-window", input, "-o", output, "-q"])
            guard result.status == 0 else { throw BenchmarkFailure(message: "le-window exited \(result.status)") }
            times.append(result.seconds)
            peak = max(peak, result.peakResidentBytes)
        }
        return (Statistics(samples: times), peak)
    }

    /// The reference's way: every window written to a file and one lyap_r process started for it.
    static func compareWithProcessPerWindow(weights: String, folder: String, chaosprune: String, lyapR: String) throws {
        let rows = 2_000
        let columns = 8
        let small = "\(folder)/bench_small.csv"
        try SyntheticWeights.write(rows: rows, columns: columns, to: small, seed: 2)
        let inProcess = try Statistics.measure(repeats: 3) {
            _ = try ProcessUsage.run(chaosprune, ["le-window", small, "-o", "\(folder)/bench_small_LE.csv", "-q", "--threads", "1"])
        }
        let reader = try NumericCSVReader(path: small)
        var table = [[Double]](repeating: [], count: columns)
        while try reader.readRows(500, threads: 1, store: { _, column, value in table[column].append(value) }) > 0 {}
        var gate = MeanChangeGate()
        var processes = 0
        let perWindow = try Statistics.measure(repeats: 1) {
            processes = 0
            for column in 0..<columns {
                for window in 0..<WindowPlan.standard.windowCount(rows: rows) {
                    let first = WindowPlan.standard.firstRow(ofWindow: window)
                    let values = Array(table[column][first..<(first + WindowPlan.standard.window)])
                    if values.withUnsafeBufferPointer({ gate.isStatic($0) }) { continue }
                    let text = values.map { CFormat.format("%f", $0) }.joined(separator: "\n") + "\n"
                    try text.write(toFile: "\(folder)/logi1.dat", atomically: false, encoding: .utf8)
                    _ = try Spawn.run(lyapR, ["-m2", "-r20", "-d1", "-s3", "-V0", "-o", "\(folder)/logi1_lyap.dat", "\(folder)/logi1.dat"])
                    _ = try String(contentsOfFile: "\(folder)/logi1_lyap.dat", encoding: .utf8)
                    processes += 1
                }
            }
        }
        print(String(format: "vs one lyap_r process per window (MATLAB's way, our lyap_r), %d rows × %d weights, 1 thread: in-process %.3f s, %d processes %.2f s: %.0f× faster",
                     rows, columns, inProcess.median, processes, perWindow.median, perWindow.median / inProcess.median))
    }
}
