import SyntheticData
import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem
import Foundation

/// `chaosprune-bench report`: the report of an MNIST-sized run (41,000 weights ×
/// 425 windows by default): its size (target under 10 MB) and the time to build it
/// (median of three builds after a warm-up).
enum ReportBenchmark {
    static func run(weights: Int, windows: Int, folder: String) throws {
        let run = "\(folder)/bench_report_run"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: 5)
        let le = "\(run)/window_LE_1.csv"
        if !FileManager.default.fileExists(atPath: le) {
            print("generating \(le) (\(windows) windows × \(weights) weights)…")
            let writer = try AtomicFileWriter(path: le)
            for _ in 0..<windows {
                var row: [UInt8] = []
                for weight in 0..<weights {
                    if weight > 0 { row.append(UInt8(ascii: ",")) }
                    MatlabNumberFormat.append(Double.random(in: 0...1, using: &generator) < 0.1 ? 0 : Double.random(in: 0.2...2, using: &generator), to: &row)
                }
                row.append(10)
                try writer.write(row)
            }
            try writer.commit()
        }
        let rows = WindowPlan.standard.rowsSpanned(byWindows: windows)
        try (0..<rows).map { "\(0.5 + 0.4 * sin(Double($0) / 500)),0.9" }.joined(separator: "\n").appending("\n")
            .write(toFile: "\(run)/acc_1.csv", atomically: true, encoding: .utf8)
        try ("weight,min_p_rounded\n" + (0..<weights).map { "\($0),\(PythonFloatText.repr((Double.random(in: 0...1, using: &generator) * 1e4).rounded() / 1e4))" }.joined(separator: "\n") + "\n")
            .write(toFile: "\(run)/granger_min_p.csv", atomically: true, encoding: .utf8)
        try ((0..<weights).filter { $0 % 7 == 0 }.map(String.init).joined(separator: "\n") + "\n")
            .write(toFile: "\(run)/mask_bench_init.csv", atomically: true, encoding: .utf8)
        var request = ReportPage.Request(folder: run, layers: [(50, 784), (30, 50), (10, 30)].filter { _ in weights == 41_000 })
        if weights != 41_000 { request.layers = nil }
        var html = ""
        let timing = try Statistics.measure(repeats: 3) { html = try ReportPage.build(request) }
        let megabytes = Double(html.utf8.count) / 1e6
        print("== report of \(weights) weights × \(windows) windows: \(String(format: "%.2f", megabytes)) MB (target < 10 MB), built in \(timing.describe(scale: 1, unit: "s", digits: 2))")
    }
}
