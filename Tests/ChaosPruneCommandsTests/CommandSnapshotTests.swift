import ChaosPruneKit
import Foundation
import Testing
import TestSupport

/// One command line and the exact stdout, stderr and exit status it must give,
/// kept in `Tests/Snapshots/NAME.txt` (in the spirit of swift-argument-parser's
/// `AssertExecuteCommand`). Run with `CHAOSPRUNE_RECORD_SNAPSHOTS=1` to rewrite
/// the files after a deliberate change, then review the diff. The tool's
/// version is written `chaosprune {version}`, so a version change touches no snapshot.
struct CommandSnapshot: CustomTestStringConvertible, Sendable {
    var name: String
    var program: String
    var arguments: [String]

    var testDescription: String { "\(name): \(program) \(arguments.joined(separator: " "))" }

    init(_ name: String, _ arguments: [String], program: String = "chaosprune") {
        self.name = name
        self.program = program
        self.arguments = arguments
    }

    static let folder = TestSupport.fixtures.deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Small input files every case may name by relative path.
    static let inputs: [String: String] = [
        "weights.csv": (0..<120).map { t in "\(0.1 * sin(Double(t) / 7)),\(0.2 * cos(Double(t) / 5))" }.joined(separator: "\n") + "\n",
        "ragged.csv": "1,2\n3\n",
        "badfield.csv": "1,2\n3,x\n",
        "acc.csv": (0..<120).map { t in "\(0.5 + 0.4 * sin(Double(t) / 9)),0.9" }.joined(separator: "\n") + "\n",
        "short_acc.csv": "0.9,0.9\n",
        "le.csv": (0..<60).map { t in "\(1 + 0.1 * Double((t * 7) % 11)),\(1 + 0.1 * Double((t * 3) % 7))" }.joined(separator: "\n") + "\n",
        "mask.csv": "0\n1\n",
        "series.dat": (0..<200).map { "\(sin(Double($0) * 0.7))" }.joined(separator: "\n") + "\n",
        "le_w200.csv": "0.5,0.25\n0.75,0.5\n",
        "le_w200.csv.json": """
            {"format": "chaosprune-window-le", "tool": "\(ToolVersion.text)", "script": "LE_window.m", "window": 200,
             "overlap": 0.1, "step": 180, "dimension": 2, "delay": 1, "steps": 3, "radius": 20, "gate": true,
             "layout": "windows-by-weights", "arithmetic": "ieee64", "firstWeight": 1, "lastWeight": 2, "totalWeights": 2,
             "windows": 2, "rows": 380, "sourceName": "weights.csv", "sourceBytes": 1000}
            """,
    ]

    static let subcommands = ["train", "lyap-r", "le-window", "granger", "retrain", "pipeline", "experiment", "demo", "report", "compare", "merge", "convert"]

    static let all: [CommandSnapshot] = {
        var cases = [
            CommandSnapshot("top-no-arguments", []),
            CommandSnapshot("top-help", ["--help"]),
            CommandSnapshot("top-version", ["--version"]),
            CommandSnapshot("top-unknown-subcommand", ["frobnicate"]),
            CommandSnapshot("top-help-unknown", ["help", "frobnicate"]),
            CommandSnapshot("lyap_r-version", ["--version"], program: "lyap_r"),
            CommandSnapshot("lyap_r-help", ["--help"], program: "lyap_r"),
            CommandSnapshot("lyap_r-bad-unsigned", ["-m", "x", "series.dat"], program: "lyap_r"),
            CommandSnapshot("lyap_r-bad-float", ["-r", "1.5x", "series.dat"], program: "lyap_r"),
            CommandSnapshot("lyap_r-missing-value", ["series.dat", "-m"], program: "lyap_r"),
        ]
        for name in subcommands {
            cases.append(CommandSnapshot("\(name)-help", [name, "--help"]))
            cases.append(CommandSnapshot("\(name)-version", [name, "--version"]))
            cases.append(CommandSnapshot("\(name)-unknown-option", [name, "--frobnicate"]))
        }
        cases += [
            CommandSnapshot("lyap-r-bad-dimension", ["lyap-r", "--dim", "0", "series.dat"]),
            CommandSnapshot("lyap-r-missing-file", ["lyap-r", "missing.dat"]),
            CommandSnapshot("lyap-r-two-files", ["lyap-r", "series.dat", "series.dat"]),
            CommandSnapshot("lyap-r-constant-series", ["lyap-r", "mask.csv", "-o", "-"]),
            CommandSnapshot("le-window-missing-output", ["le-window", "weights.csv"]),
            CommandSnapshot("le-window-no-input", ["le-window", "-o", "out.csv"]),
            CommandSnapshot("le-window-bad-window", ["le-window", "weights.csv", "-o", "out.csv", "--window", "x"]),
            CommandSnapshot("le-window-small-window", ["le-window", "weights.csv", "-o", "out.csv", "--window", "1"]),
            CommandSnapshot("le-window-fractional-step", ["le-window", "weights.csv", "-o", "out.csv", "--overlap", "0.13"]),
            CommandSnapshot("le-window-overlap-nan", ["le-window", "weights.csv", "-o", "out.csv", "--overlap", "nan"]),
            CommandSnapshot("le-window-bad-columns", ["le-window", "weights.csv", "-o", "out.csv", "--columns", "5:2"]),
            CommandSnapshot("le-window-bad-arithmetic", ["le-window", "weights.csv", "-o", "out.csv", "--arithmetic", "x86"]),
            CommandSnapshot("le-window-bundled-flags", ["le-window", "weights.csv", "-o", "out.csv", "-qj2"]),
            CommandSnapshot("le-window-bundled-bad-value", ["le-window", "weights.csv", "-o", "out.csv", "-qj2x"]),
            CommandSnapshot("le-window-missing-input", ["le-window", "missing.csv", "-o", "out.csv"]),
            CommandSnapshot("le-window-ragged", ["le-window", "ragged.csv", "-o", "out.csv"]),
            CommandSnapshot("le-window-columns-outside", ["le-window", "weights.csv", "-o", "out.csv", "--columns", "2:3"]),
            CommandSnapshot("le-window-too-few-rows", ["le-window", "weights.csv", "-o", "out.csv", "--window", "200"]),
            CommandSnapshot("granger-missing-files", ["granger", "le.csv", "-o", "mask.out"]),
            CommandSnapshot("granger-bad-layout", ["granger", "le.csv", "acc.csv", "-o", "mask.out", "--acc-layout", "daily"]),
            CommandSnapshot("granger-bad-maxlag", ["granger", "le.csv", "acc.csv", "-o", "mask.out", "--maxlag", "0"]),
            CommandSnapshot("granger-bad-alpha", ["granger", "le.csv", "acc.csv", "-o", "mask.out", "--alpha", "nan"]),
            CommandSnapshot("granger-overlap-too-large", ["granger", "le.csv", "acc.csv", "-o", "mask.out", "--overlap", "1.5"]),
            CommandSnapshot("granger-adf-without-stationarity", ["granger", "le.csv", "acc.csv", "-o", "mask.out", "--adf", "adf.csv"]),
            CommandSnapshot("granger-window-contradicts-sidecar", ["granger", "le_w200.csv", "acc.csv", "-o", "mask.out", "-w", "50"]),
            CommandSnapshot("granger-overlap-contradicts-sidecar", ["granger", "le_w200.csv", "acc.csv", "-o", "mask.out", "--overlap", "0.2"]),
            CommandSnapshot("granger-legacy-contradicts-sidecar", ["granger", "le_w200.csv", "acc.csv", "-o", "mask.out", "--legacy-layout"]),
            CommandSnapshot("granger-short-accuracy", ["granger", "le.csv", "short_acc.csv", "-o", "mask.out"]),
            CommandSnapshot("granger-sidecar-short-accuracy", ["granger", "le_w200.csv", "acc.csv", "-o", "mask.out"]),
            CommandSnapshot("granger-bad-field", ["granger", "badfield.csv", "acc.csv", "-o", "mask.out"]),
            CommandSnapshot("pipeline-one-file", ["pipeline", "weights.csv"]),
            CommandSnapshot("pipeline-missing-accuracy", ["pipeline", "weights.csv", "missing.csv", "--out", "run"]),
            CommandSnapshot("pipeline-ragged", ["pipeline", "ragged.csv", "acc.csv", "--out", "run"]),
            CommandSnapshot("demo-with-file", ["demo", "weights.csv"]),
            CommandSnapshot("compare-one-file", ["compare", "mask.csv"]),
            CommandSnapshot("compare-bad-tolerance", ["compare", "mask.csv", "mask.csv", "--atol", "-1"]),
            CommandSnapshot("compare-missing", ["compare", "mask.csv", "missing.csv"]),
            CommandSnapshot("compare-equal", ["compare", "mask.csv", "mask.csv"]),
            CommandSnapshot("merge-no-shards", ["merge", "-o", "merged.csv"]),
            CommandSnapshot("merge-no-output", ["merge", "le.csv@1:2"]),
            CommandSnapshot("merge-missing-shard", ["merge", "missing.csv@1:2", "-o", "merged.csv"]),
            CommandSnapshot("convert-no-conversion", ["convert", "-o", "out.csv"]),
            CommandSnapshot("convert-unknown-conversion", ["convert", "rotate", "mask.csv", "-o", "out.csv"]),
            CommandSnapshot("convert-needs-weights", ["convert", "mask-to-vector", "mask.csv", "-o", "out.csv"]),
            CommandSnapshot("convert-bad-layers", ["convert", "mask-to-layers", "mask.csv", "-o", "out", "--layers", "2y2"]),
            CommandSnapshot("convert-index-outside", ["convert", "mask-to-vector", "mask.csv", "-o", "out.csv", "--weights", "1"]),
            CommandSnapshot("convert-pickle", ["convert", "npy", "mask.csv", "-o", "out.csv"]),
            CommandSnapshot("train-no-recipe", ["train", "--data-dir", "data", "--init", "i.npy", "--trial", "1", "-o", "out"]),
            CommandSnapshot("train-unknown-recipe", ["train", "--recipe", "cifar10", "--data-dir", "data", "--init", "i.npy", "--trial", "1", "-o", "out"]),
            CommandSnapshot("train-missing-init", ["train", "--recipe", "iris", "--data-dir", ".", "--init", "missing.npy", "--trial", "1", "-o", "out"]),
            CommandSnapshot("retrain-bad-mask-base", ["retrain", "--recipe", "iris", "--data-dir", ".", "--init", "i.npy", "--trial", "1", "-o", "out", "--mask-base", "2"]),
            CommandSnapshot("retrain-baseline-without-size", ["retrain", "--recipe", "iris", "--data-dir", ".", "--init", "i.npy", "--trial", "1", "-o", "out", "--baseline", "random"]),
            CommandSnapshot("retrain-baseline-and-mask", ["retrain", "--recipe", "iris", "--data-dir", ".", "--init", "i.npy", "--trial", "1", "-o", "out", "--baseline", "random", "--prune", "3", "--mask", "mask.csv"]),
            CommandSnapshot("experiment-bad-trials", ["experiment", "--recipe", "iris", "--data-dir", ".", "--init", "i.npy", "--trials", "5-1"]),
            CommandSnapshot("experiment-diabetes", ["experiment", "--recipe", "diabetes", "--data-dir", ".", "--init", "i.npy"]),
            CommandSnapshot("retrain-not-npy", ["retrain", "--recipe", "iris", "--data-dir", ".", "--init", "mask.csv", "--trial", "1", "-o", "out"]),
        ]
        return cases
    }()

    /// The snapshot text: the command line, the status, stdout and stderr.
    static func render(_ snapshot: CommandSnapshot, _ run: TestSupport.Run) -> String {
        "$ \(([snapshot.program] + snapshot.arguments).joined(separator: " "))\nstatus: \(run.status)\n--- stdout\n"
            + String(decoding: run.standardOutput, as: UTF8.self) + "--- stderr\n" + run.standardError
    }
}

@Suite("command snapshots: exact stdout, stderr and exit status")
struct CommandSnapshotTests {
    @Test("every subcommand's help, version, usage errors and run errors", arguments: CommandSnapshot.all)
    func matchesSnapshot(_ snapshot: CommandSnapshot) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in CommandSnapshot.inputs { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let run = try TestSupport.run(snapshot.program, snapshot.arguments, in: folder)
        let actual = CommandSnapshot.render(snapshot, run).replacing(ToolVersion.text, with: "chaosprune {version}")
        let file = CommandSnapshot.folder.appendingPathComponent("\(snapshot.name).txt")
        if ProcessInfo.processInfo.environment["CHAOSPRUNE_RECORD_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { CommandSnapshot.inputs[$0] == nil }
        if run.status != 0 { #expect(left.isEmpty, "a failed run leaves no output: \(left)") }
    }

    @Test("every snapshot file belongs to a case")
    func noStrayFiles() throws {
        let names = Set(CommandSnapshot.all.map { "\($0.name).txt" })
        #expect(names.count == CommandSnapshot.all.count)
        let files = try FileManager.default.contentsOfDirectory(atPath: CommandSnapshot.folder.path).filter { $0.hasSuffix(".txt") }
        #expect(Set(files) == names)
    }

    @Test("'help SUB', 'SUB --help' and 'SUB -h' print the same text", arguments: CommandSnapshot.subcommands)
    func helpSpellings(_ name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = try TestSupport.run("chaosprune", [name, "--help"], in: folder)
        let short = try TestSupport.run("chaosprune", [name, "-h"], in: folder)
        let word = try TestSupport.run("chaosprune", ["help", name], in: folder)
        #expect(long.standardOutput == short.standardOutput)
        #expect(long.standardOutput == word.standardOutput)
        let lines = String(decoding: long.standardOutput, as: UTF8.self).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "help lines wrap at 80 columns")
    }
}
