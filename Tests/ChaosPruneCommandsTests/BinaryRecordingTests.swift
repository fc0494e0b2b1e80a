import Foundation
import Testing
import TestSupport

/// `.npy` recordings through `convert`, `train`, `le-window`, `pipeline` and `granger`, and `le-window --shard`.
@Suite("binary recordings and shards")
struct BinaryRecordingTests {
    static let fixtures = TestSupport.fixtures

    /// Every recipe's recording among the fixtures: the pipeline's three, each numpy recipe's first 2,000 stage-1 rows, MNIST's first 100 rows.
    static let recordings = ["pipeline/iris-s3/weights.csv", "pipeline/banknote-s1/weights.csv", "pipeline/cancer-s4/weights.csv",
                             "training/bank_note/stage1/pure_1.first2000.csv", "training/cancer2/stage1/pure_1.first2000.csv",
                             "training/diabetes/stage1/diabetes-1_weights.first2000.csv", "training/iris/stage1/pure_1.first2000.csv",
                             "training/iris3f/stage1/pure_1.first2000.csv", "training/titanic2/stage1/pure_1.first2000.csv", "mnist"]

    /// The recording's CSV in `folder` as `weights.csv`.
    private func recording(_ name: String, in folder: URL) throws -> String {
        let target = folder.appendingPathComponent("weights.csv")
        if name == "mnist" {
            try Data(MnistFixtures.recordedRows.utf8).write(to: target)
        } else {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: target)
        }
        return "weights.csv"
    }

    private func run(_ arguments: [String], in folder: URL) throws -> TestSupport.Run {
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 0, "\(arguments.joined(separator: " ")): \(run.standardError)")
        return run
    }

    private func bytes(_ folder: URL, _ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    @Test("a recording as float64 .npy gives its CSV's window_LE bytes and log; as float32 .npy, those of its float32 CSV (convert npy)", arguments: recordings)
    func npyRecordingsGiveTheCSVBytes(_ name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try recording(name, in: folder)
        _ = try run(["convert", "to-npy", csv, "-o", "w64.npy"], in: folder)
        _ = try run(["convert", "to-npy", "--float32", csv, "-o", "w32.npy"], in: folder)
        _ = try run(["convert", "npy", "w32.npy", "-o", "w32.csv"], in: folder)
        for (text, binary) in [(csv, "w64.npy"), ("w32.csv", "w32.npy")] {
            _ = try run(["le-window", text, "-o", "\(text).le", "--log", "\(text).log", "-q"], in: folder)
            _ = try run(["le-window", binary, "-o", "\(binary).le", "--log", "\(binary).log", "-q"], in: folder)
            #expect(try bytes(folder, "\(text).le") == bytes(folder, "\(binary).le"), "\(name): \(binary)")
            #expect(try bytes(folder, "\(text).log") == bytes(folder, "\(binary).log"), "\(name): \(binary)")
        }
        let sidecar = try String(contentsOf: folder.appendingPathComponent("w32.npy.le.json"), encoding: .utf8)
        #expect(sidecar.contains("\"sourceName\": \"w32.npy\"") && sidecar.contains("\"sourceFingerprint\": \"crc32:"))
    }

    @Test("the legacy script reads a .npy recording to the same bytes as its CSV")
    func legacyFromNpy() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try recording("pipeline/iris-s3/weights.csv", in: folder)
        _ = try run(["convert", "to-npy", csv, "-o", "w.npy"], in: folder)
        _ = try run(["le-window", "--legacy", "w.npy", "-o", "legacy.csv", "-q"], in: folder)
        #expect(try bytes(folder, "legacy.csv") == Data(contentsOf: Self.fixtures.appendingPathComponent("pipeline/iris-s3/legacy_window_LE.csv")))
    }

    @Test("train --format npy holds the CSV recording's values (convert npy gives back its text), Helper and framework recipes",
          arguments: [("iris", "pure_1", ["--crlf"]), ("diabetes", "diabetes-1_weights", [String]())])
    func trainWritesNpy(_ recipe: String, _ stem: String, _ crlf: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let initFile = TrainingFixtureTests.initFile(recipe == "diabetes" ? "diabetes-1" : recipe)
        let base = ["train", "--recipe", recipe, "--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path,
                    "--init", initFile, "--trial", "1", "--epochs", "2", "-q"]
        _ = try run(base + ["-o", "csv"], in: folder)
        _ = try run(base + ["-o", "npy", "--format", "npy"], in: folder)
        _ = try run(["convert", "npy", "npy/\(stem).npy", "-o", "back.csv"] + crlf, in: folder)
        #expect(try bytes(folder, "back.csv") == bytes(folder, "csv/\(stem).csv"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("npy/\(stem).csv").path))
        let append = try TestSupport.run("chaosprune", base + ["-o", "npy", "--format", "npy", "--append"], in: folder)
        #expect(append.status == 2 && append.standardError.contains("--append writes CSV only"), "\(append.standardError)")
    }

    @Test("pipeline and granger read .npy recordings, window_LE and accuracy files to the same outputs as CSV")
    func pipelineAndGrangerReadNpy() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let banknote = Self.fixtures.appendingPathComponent("pipeline/banknote-s1")
        _ = try run(["convert", "to-npy", banknote.appendingPathComponent("weights.csv").path, "-o", "weights.npy"], in: folder)
        _ = try run(["pipeline", "weights.npy", banknote.appendingPathComponent("acc.csv").path, "--out", "npy", "-q"], in: folder)
        _ = try run(["pipeline", banknote.appendingPathComponent("weights.csv").path, banknote.appendingPathComponent("acc.csv").path, "--out", "csv", "-q"], in: folder)
        for file in ["window_LE_1.csv", "window_LE_1.log", "granger_pvalues.csv", "granger_min_p.csv", "mask_weights_init.csv"] {
            #expect(try bytes(folder, "npy/\(file)") == bytes(folder, "csv/\(file)"), "\(file)")
        }
        #expect(try bytes(folder, "npy/window_LE_1.csv") == Data(contentsOf: banknote.appendingPathComponent("window_LE_w50.csv")))
        _ = try run(["convert", "to-npy", banknote.appendingPathComponent("window_LE_w50.csv").path, "-o", "le.npy"], in: folder)
        _ = try run(["convert", "to-npy", banknote.appendingPathComponent("acc.csv").path, "-o", "acc.npy"], in: folder)
        _ = try run(["granger", "le.npy", "acc.npy", "-o", "mask_npy.csv", "--pvalues", "p_npy.csv", "-q"], in: folder)
        _ = try run(["granger", banknote.appendingPathComponent("window_LE_w50.csv").path, banknote.appendingPathComponent("acc.csv").path,
                     "-o", "mask_csv.csv", "--pvalues", "p_csv.csv", "-q"], in: folder)
        #expect(try bytes(folder, "p_npy.csv") == bytes(folder, "p_csv.csv"))
        #expect(try bytes(folder, "mask_npy.csv") == bytes(folder, "mask_csv.csv"))
        #expect(try bytes(folder, "mask_npy.csv") == Data(contentsOf: banknote.appendingPathComponent("mask.csv")))
    }

    /// A `.npy` file of `header` (the dict) and `data`, padded as numpy pads.
    private func npy(_ header: String, _ data: [UInt8]) -> Data {
        var dictionary = Array(header.utf8)
        dictionary += [UInt8](repeating: 0x20, count: (64 - (10 + dictionary.count + 1) % 64) % 64) + [0x0A]
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(dictionary.count & 0xFF), UInt8(dictionary.count >> 8)] + dictionary + data)
    }

    private static let nan = [UInt8](repeating: 0, count: 4 * 5) + [0x00, 0x00, 0xC0, 0x7F] + [UInt8](repeating: 0, count: 4 * 54)

    @Test("le-window refuses a .npy it cannot read as a recording: exit 1, the reason, nothing written", arguments: [
        ("{'descr': '<i4', 'fortran_order': False, 'shape': (3, 2), }", [UInt8](repeating: 0, count: 24), "dtype <i4: a recording is float64 or float32"),
        ("{'descr': '>f8', 'fortran_order': False, 'shape': (3, 2), }", [UInt8](repeating: 0, count: 48), "dtype >f8: a recording is float64 or float32"),
        ("{'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), }", [UInt8](repeating: 0, count: 24), "Fortran order: a recording is read row by row"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2, 1), }", [UInt8](repeating: 0, count: 24), "shape (3, 2, 1): a recording is 2-D"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", [UInt8](repeating: 0, count: 20), "the data holds 20 bytes, but shape (3, 2) of <f4 needs 24"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (60, 1), }", nan, "row 6, weight 1: nan is not a finite number"),
        ("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", [0x80, 0x02, 0x2E], "dtype |O: a recording is float64 or float32"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 4), }", [], "no rows: expected one row of weights per step"),
    ])
    func npyRefusals(_ header: String, _ data: [UInt8], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try npy(header, data).write(to: folder.appendingPathComponent("bad.npy"))
        let result = try TestSupport.run("chaosprune", ["le-window", "bad.npy", "-o", "le.csv", "-q"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("chaosprune le-window: error: bad.npy: " + message), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.npy"])
    }

    @Test("a .npy header over 1 MiB is refused before it is read")
    func hugeHeader() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x93] + Array("NUMPY".utf8) + [2, 0, 0, 0, 0, 0x7F]).write(to: folder.appendingPathComponent("big.npy"))
        let result = try TestSupport.run("chaosprune", ["le-window", "big.npy", "-o", "le.csv", "-q"], in: folder)
        #expect(result.status == 1 && result.standardError.contains("big.npy: a .npy header of 2130706444 bytes: more than the 1 MiB read"), "\(result.standardError)")
    }

    @Test("--shard K/N: the shards of a .npy merge into one run's bytes and sidecar; a shard beyond the width writes nothing; bad K/N is a usage error")
    func shards() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try recording("pipeline/iris-s3/weights.csv", in: folder)
        _ = try run(["convert", "to-npy", csv, "-o", "w.npy"], in: folder)
        _ = try run(["le-window", "w.npy", "-o", "whole.csv", "-q"], in: folder)
        for shard in 1...5 { _ = try run(["le-window", "w.npy", "--shard", "\(shard)/5", "-o", "s\(shard).csv", "-q"], in: folder) }
        _ = try run(["merge", "s3.csv", "s1.csv", "s5.csv", "s2.csv", "s4.csv", "-o", "merged.csv"], in: folder)
        #expect(try bytes(folder, "merged.csv") == bytes(folder, "whole.csv"))
        #expect(try bytes(folder, "merged.csv.json") == bytes(folder, "whole.csv.json"))
        #expect(try String(contentsOf: folder.appendingPathComponent("s2.csv.json"), encoding: .utf8).contains("\"shard\": \"2/5\""))
        let empty = try TestSupport.run("chaosprune", ["le-window", "w.npy", "--shard", "1/50", "-o", "e.csv"], in: folder)
        #expect(empty.status == 0 && empty.standardError == "chaosprune le-window: warning: shard 1/50 holds no weight of the recording's 42: nothing written (merge needs no file for it)\n",
                "\(empty.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("e.csv").path))
        for (arguments, message) in [(["--shard", "0/5"], "--shard expects K/N with 1 ≤ K ≤ N"), (["--shard", "6/5"], "--shard expects K/N"),
                                     (["--shard", "1/0"], "--shard expects K/N"), (["--shard", "a/b"], "--shard expects K/N"),
                                     (["--shard", "1/5", "--columns", "1:3"], "--columns and --shard both choose the weights")] {
            let usage = try TestSupport.run("chaosprune", ["le-window", "w.npy", "-o", "u.csv"] + arguments, in: folder)
            #expect(usage.status == 2 && usage.standardError.hasPrefix("chaosprune le-window: error: " + message), "\(usage.standardError)")
        }
    }

    @Test("convert to-npy: standard input is a usage error; a ragged CSV a failed run that writes nothing")
    func toNpyRefusals() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdin = try TestSupport.run("chaosprune", ["convert", "to-npy", "-", "-o", "w.npy"], in: folder)
        #expect(stdin.status == 2 && stdin.standardError.contains("to-npy reads its input twice"), "\(stdin.standardError)")
        try Data("1,2\n3\n".utf8).write(to: folder.appendingPathComponent("ragged.csv"))
        let ragged = try TestSupport.run("chaosprune", ["convert", "to-npy", "ragged.csv", "-o", "w.npy"], in: folder)
        #expect(ragged.status == 1 && ragged.standardError.contains("ragged.csv:2: ragged row: 1 fields, expected 2"), "\(ragged.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("w.npy").path))
        let float32 = try TestSupport.run("chaosprune", ["convert", "npy", "ragged.csv", "-o", "w.csv", "--float32"], in: folder)
        #expect(float32.status == 2 && float32.standardError.contains("--float32 applies to to-npy only"), "\(float32.standardError)")
    }
}
