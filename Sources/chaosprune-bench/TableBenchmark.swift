import Foundation

/// `chaosprune-bench tables`: the table tools on a weights file of the
/// MNIST-recording shape (4801 rows × 420 weights of shortest round-trip
/// text, ~40 MB by default): `convert csvwrite`, `convert roundtrip` and
/// `compare` of two equal files (and with `--transpose-b`), each as a process, median of several runs,
/// in MB/s of input (target ≥ 100). Against the references in the same run
/// when they are installed: Octave's `csvwrite(dlmread(…))` and numpy's
/// `isclose` on two `loadtxt` tables.
enum TableBenchmark {
    static func run(rows: Int, columns: Int, repeats: Int, folder: String) throws {
        let chaosprune = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("chaosprune").path
        let input = "\(folder)/bench_tables_\(rows)x\(columns).csv"
        let copy = "\(folder)/bench_tables_\(rows)x\(columns)_copy.csv"
        if !FileManager.default.fileExists(atPath: input) {
            try SyntheticWeights.write(rows: rows, columns: columns, to: input)
            try? FileManager.default.removeItem(atPath: copy)
        }
        if !FileManager.default.fileExists(atPath: copy) { try FileManager.default.copyItem(atPath: input, toPath: copy) }
        let transposed = "\(folder)/bench_tables_\(rows)x\(columns)_transposed.csv"
        if !FileManager.default.fileExists(atPath: transposed) {
            guard try ProcessUsage.run(chaosprune, ["convert", "transpose", input, "-o", transposed]).status == 0 else {
                throw BenchmarkFailure(message: "convert transpose failed")
            }
        }
        let megabytes = Double(try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int ?? 0) / 1e6
        print(String(format: "== table tools on %d rows × %d weights (%.1f MB)", rows, columns, megabytes))

        func measure(_ label: String, _ executable: String, _ arguments: [String], input bytes: Double) throws -> Double? {
            var times: [Double] = []
            for _ in 0..<repeats {
                let result = try ProcessUsage.run(executable, arguments)
                guard result.status == 0 else { return nil }
                times.append(result.seconds)
            }
            let statistics = Statistics(samples: times)
            print("  \(label): " + statistics.describe(scale: 1, unit: "s")
                  + String(format: ", %.0f MB/s", bytes / statistics.median))
            return statistics.median
        }

        let csvwrite = try measure("convert csvwrite", chaosprune, ["convert", "csvwrite", input, "-o", "\(folder)/bench_tables_csvwrite.csv"], input: megabytes)
        _ = try measure("convert roundtrip", chaosprune, ["convert", "roundtrip", input, "-o", "\(folder)/bench_tables_roundtrip.csv"], input: megabytes)
        let compare = try measure("compare (two equal files)", chaosprune, ["compare", input, copy], input: megabytes * 2)
        _ = try measure("compare --transpose-b", chaosprune, ["compare", transposed, input, "--transpose-b"], input: megabytes * 2)

        let octave = "csvwrite('\(folder)/bench_tables_octave.csv', dlmread('\(input)'))"
        if let ours = csvwrite, let reference = try measure("Octave", "/usr/bin/env", ["octave", "--no-gui", "-q", "--eval", octave], input: megabytes) {
            print(String(format: "  Octave csvwrite(dlmread) %.2f s: chaosprune %.0f× faster", reference, reference / ours))
        } else {
            print("  Octave not installed: no csvwrite reference")
        }
        let numpy = "import numpy as n; a = n.loadtxt('\(input)', delimiter=','); b = n.loadtxt('\(copy)', delimiter=','); assert n.isclose(a, b).all()"
        if let ours = compare, let reference = try measure("numpy", "/usr/bin/env", ["python3", "-c", numpy], input: megabytes * 2) {
            print(String(format: "  numpy loadtxt + isclose %.2f s: chaosprune compare %.0f× faster", reference, reference / ours))
        } else {
            print("  numpy not installed: no compare reference")
        }
    }
}
