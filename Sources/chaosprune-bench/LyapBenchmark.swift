import SyntheticData
import ChaosPruneFormats
import Foundation
import ChaosPruneSystem
import LyapunovKit
import ChaosPruneKit

/// `chaosprune-bench lyap`: the lyap_r engine in-process and as a whole process.
enum LyapBenchmark {
    /// `reference`: a TISEAN 3.0.0 lyap_r (built with gcc -O2 from the authors' copy of its
    /// source, see Tests/Fixtures/lyap_r/edges/generate.sh) timed on the same inputs in the same run.
    static func run(repeats: Int, reference: String?) throws {
        print("== lyap_r engine (\(repeats) runs each, after one warm-up)")
        let workspace = LyapunovWorkspace()
        var ratios: [String] = []
        for length in [50, 200] {
            let windows = (0..<200).map { SyntheticSeries.weightWindow(length, seed: UInt64($0)) }
            var perMode: [ArithmeticMode: Double] = [:]
            for mode in ArithmeticMode.allCases where mode.isAvailable {
                let stats = try Statistics.measure(repeats: repeats) {
                    for window in windows {
                        _ = try LyapunovEngine.divergence(of: window, parameters: .pipeline, arithmetic: mode, workspace: workspace)
                    }
                }
                perMode[mode] = stats.median / Double(windows.count)
                print("(a) \(length)-point window, -m2 -r20 -d1 -s3, \(mode.rawValue), in-process: "
                      + stats.describe(scale: 1e6 / Double(windows.count), unit: "µs/window"))
            }
            if let wide = perMode[.x87], let plain = perMode[.ieee64] {
                ratios.append("x87 / ieee64 per \(length)-point window: \(String(format: "%.2f", wide / plain))×")
            }
        }
        ratios.forEach { print($0) }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chaosprune-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lyap_r")
        let longRun = LyapunovParameters(dimension: 2, delay: 1, steps: 20)
        for (length, arguments, parameters) in [(10_000, [String](), LyapunovParameters()), (100_000, [], LyapunovParameters()),
                                                (100_000, ["-m2", "-d1", "-s20"], longRun)] {
            let series = SyntheticSeries.henon(length)
            let label = arguments.isEmpty ? "defaults" : arguments.joined(separator: " ")
            let inProcess = try Statistics.measure(repeats: repeats) {
                _ = try LyapunovEngine.divergence(of: series, parameters: parameters, workspace: workspace,
                                                  threads: ProcessorCount.online)
            }
            print("(b) Hénon \(length) points, \(label), in-process: " + inProcess.describe(scale: 1e3, unit: "ms"))
            let input = folder.appendingPathComponent("henon_\(length).dat")
            try (series.map { CFormat.format("%.17g", $0) }.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            let whole = try Statistics.measure(repeats: repeats) {
                let status = try Spawn.run(executable.path, arguments + ["-V0", "-o", folder.appendingPathComponent("out.ros").path, input.path])
                guard status == 0 else { throw BenchmarkFailure(message: "lyap_r exited \(status)") }
            }
            print("(c) Hénon \(length) points, \(label), lyap_r process: " + whole.describe(scale: 1e3, unit: "ms")
                  + (try versus(reference, arguments, input: input, folder: folder, ours: whole.median, repeats: repeats,
                                target: length == 100_000 && !arguments.isEmpty ? 0.35 : nil)))
        }
        var generator = SplitMix64(seed: 5)
        let census = (0..<20_000).map { _ in
            "\(min(99, max(0, Int((40 + 12 * (Double.random(in: -1...1, using: &generator) + Double.random(in: -1...1, using: &generator))).rounded()))))"
        }
        let input = folder.appendingPathComponent("census.dat")
        try (census.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        for dimension in ["-m5", "-m8"] {
            let whole = try Statistics.measure(repeats: repeats) {
                let status = try Spawn.run(executable.path, [dimension, "-V0", "-o", folder.appendingPathComponent("out.ros").path, input.path])
                guard status == 0 else { throw BenchmarkFailure(message: "lyap_r exited \(status)") }
            }
            print("(d) tie-heavy integer series (census-like, 20,000 values, 0–99), \(dimension), lyap_r process: "
                  + whole.describe(scale: 1e3, unit: "ms")
                  + (try versus(reference, [dimension], input: input, folder: folder, ours: whole.median, repeats: repeats, target: 1)))
        }
    }

    /// "; TISEAN C: … ms, ratio" when a reference executable is given (its output must be byte-identical).
    private static func versus(_ reference: String?, _ arguments: [String], input: URL, folder: URL, ours: Double, repeats: Int,
                               target: Double?) throws -> String {
        guard let reference else { return "" }
        let theirs = try Statistics.measure(repeats: repeats) {
            let status = try Spawn.run(reference, arguments + ["-V0", "-o", folder.appendingPathComponent("reference.ros").path, input.path])
            guard status == 0 else { throw BenchmarkFailure(message: "the reference exited \(status)") }
        }
        let same = (try? Data(contentsOf: folder.appendingPathComponent("out.ros"))) == (try? Data(contentsOf: folder.appendingPathComponent("reference.ros")))
        return String(format: "; TISEAN C (gcc -O2) median %.1f ms: %.2f× its time%@%@", theirs.median * 1e3, ours / theirs.median,
                      target.map { String(format: " (target ≤ %.2f×)", $0) } ?? "", same ? ", output identical" : ", OUTPUT DIFFERS")
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
