import Foundation
import Testing
import TestSupport

/// Classes of hostile or unusual files and targets: CRLF and BOM everywhere, huge integers
/// in masks, stream paths, symbolic links and permissions of an existing output.
@Suite("file edges")
struct FileEdgeTests {
    @Test("CRLF, a BOM and a missing final newline read like plain LF in transpose, compare and masks")
    func lineEndings() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2,3\n4,5,6\n".utf8).write(to: folder.appendingPathComponent("lf.csv"))
        try Data("\u{FEFF}1,2,3\r\n4,5,6".utf8).write(to: folder.appendingPathComponent("crlf.csv"))
        for name in ["lf", "crlf"] {
            #expect(try TestSupport.run("chaosprune", ["convert", "transpose", "\(name).csv", "-o", "\(name).t.csv"], in: folder).status == 0)
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("lf.t.csv")) == Data(contentsOf: folder.appendingPathComponent("crlf.t.csv")))
        #expect(try TestSupport.run("chaosprune", ["compare", "lf.csv", "crlf.csv"], in: folder).status == 0)
        try Data("3\r\n1\r\n".utf8).write(to: folder.appendingPathComponent("m1.csv"))
        try Data("1\n3".utf8).write(to: folder.appendingPathComponent("m2.csv"))
        #expect(try TestSupport.run("chaosprune", ["compare", "m1.csv", "m2.csv", "--as-sets"], in: folder).status == 0)
        #expect(try TestSupport.run("chaosprune", ["convert", "mask-to-vector", "m1.csv", "--weights", "4", "-o", "v.csv"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("v.csv"), encoding: .utf8) == "0\n1\n0\n1\n")
    }

    @Test("hexadecimal floats and nan(…) payloads are not numbers to the CSV readers and options (as csvread and pandas), but are to lyap_r (as TISEAN's C reading)",
          arguments: ["0x1p3", "0X10", "-0x.8p1", "nan(123)", "0x1P-2"])
    func hexadecimalFloats(_ text: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((["1,2"] + Array(repeating: "3,4", count: 60) + ["5,\(text)"]).joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("w.csv"))
        let window = try TestSupport.run("chaosprune", ["le-window", "w.csv", "-o", "o.csv"], in: folder)
        #expect(window.status == 1 && window.standardError.contains("w.csv:62:2: expected a number, found '\(text)'"), "\(window.standardError)")
        try Data("\(text)\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data("8\n".utf8).write(to: folder.appendingPathComponent("b.csv"))
        let compare = try TestSupport.run("chaosprune", ["compare", "a.csv", "b.csv"], in: folder)
        let report = String(decoding: compare.standardOutput, as: UTF8.self)
        #expect(compare.status == 1 && report.contains("'\(text)' vs 8"), "\(report)")
        let convert = try TestSupport.run("chaosprune", ["convert", "roundtrip", "a.csv", "-o", "r.csv"], in: folder)
        #expect(convert.status == 1 && convert.standardError.contains("a.csv:1:1: expected a number"), "\(convert.standardError)")
        let option = try TestSupport.run("chaosprune", ["compare", "b.csv", "b.csv", "--atol", text], in: folder)
        #expect(option.status == 2, "\(option.standardError)")
        if text.hasPrefix("0x") {
            try Data((0..<40).map { "0x\(String($0 * 7919 % 97, radix: 16))p-3\n" }.joined().utf8).write(to: folder.appendingPathComponent("s.dat"))
            #expect(try TestSupport.run("lyap_r", ["-V0", "-o", "s.ros", "s.dat"], in: folder).status == 0)
        }
    }

    @Test("messages escape control and non-UTF-8 bytes from files and options and cut long fields", arguments: [
        (["le-window", "bin.csv", "-o", "o.csv"], "found '\\u{1}\\u{1b}[31mbad\\x{ff}'"),
        (["le-window", "long.csv", "-o", "o.csv"], "found '" + String(repeating: "a", count: 60) + "…'"),
        (["compare", "o.csv", "o.csv", "--atol", "\u{1b}[2J"], "not '\\u{1b}[2J'"),
        (["compare", "control.csv", "long.csv"], "'\\u{1}\\u{1b}[31mbad"),
        (["convert", "mask-to-vector", "control.csv", "--weights", "3", "-o", "v.csv"], "found '\\u{1}\\u{1b}[31mbad"),
    ])
    func escapedMessages(_ arguments: [String], _ expected: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([1, 27] + Array("[31mbad".utf8) + [0xFF, 10]).write(to: folder.appendingPathComponent("bin.csv"))
        try Data([1, 27] + Array("[31mbad".utf8) + [10]).write(to: folder.appendingPathComponent("control.csv"))
        try Data(("1," + String(repeating: "a", count: 300) + "\n").utf8).write(to: folder.appendingPathComponent("long.csv"))
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        let text = run.standardError + String(decoding: run.standardOutput, as: UTF8.self)
        #expect(text.contains(expected), "\(text)")
        #expect(!text.utf8.contains(27) && !text.utf8.contains(1))
    }

    @Test("bytes that are not UTF-8 are refused at FILE:LINE:COLUMN by every text reader, never read as U+FFFD", arguments: [
        [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ] as [[UInt8]])
    func notUTF8(_ bad: [UInt8]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let byte = "byte 0x\(String(bad[0], radix: 16, uppercase: true)) is not UTF-8 text"
        try Data(Array("1,2\n3,é".utf8) + bad + [10]).write(to: folder.appendingPathComponent("cells.csv"))
        try Data(Array("1,2\n3,é".utf8) + [0xFE, 10]).write(to: folder.appendingPathComponent("other.csv"))
        try Data(Array("1,2,0\n3,4,1\n5,".utf8) + bad + Array(",1\n".utf8)).write(to: folder.appendingPathComponent("data.csv"))
        try Data(Array("1\n".utf8) + bad + [10]).write(to: folder.appendingPathComponent("mask.csv"))
        try Data(Array("0.1,0.2\r\n0.3,".utf8) + bad + [13, 10]).write(to: folder.appendingPathComponent("shard.csv"))
        let cases: [([String], String)] = [
            (["compare", "cells.csv", "other.csv"], "cells.csv:2:2: "),
            (["convert", "transpose", "cells.csv", "-o", "t.csv"], "cells.csv:2:2: "),
            (["compare", "--as-sets", "mask.csv", "mask.csv"], "mask.csv:2:1: "),
            (["convert", "mask-to-vector", "mask.csv", "--weights", "3", "-o", "v.csv"], "mask.csv:2:1: "),
            (["train", "--data", "data.csv", "--trial", "1", "-o", "run"], "data.csv:3:2: "),
            (["retrain", "--data", "data.csv", "--trial", "1", "--mask", "mask.csv", "-o", "run"], "data.csv:3:2: "),
            (["merge", "shard.csv@1:2", "-o", "m.csv"], "shard.csv:2:2: "),
        ]
        for (arguments, location) in cases {
            let run = try TestSupport.run("chaosprune", arguments, in: folder)
            #expect(run.status == (arguments[0] == "compare" ? 2 : 1), "\(arguments)")
            #expect(run.standardError.contains(location + byte), "\(arguments): \(run.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["cells.csv", "data.csv", "mask.csv", "other.csv", "shard.csv"])
    }

    @Test("CRLF shards merge byte-identical to one --crlf run")
    func crlfShards() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/weights.csv").path
        for (name, extra) in [("whole", [String]()), ("a", ["--columns", "1:20"]), ("b", ["--columns", "21:42"])] {
            #expect(try TestSupport.run("chaosprune", ["le-window", weights, "-o", "\(name).csv", "--crlf", "-q"] + extra, in: folder).status == 0)
        }
        let merge = try TestSupport.run("chaosprune", ["merge", "a.csv", "b.csv", "-o", "merged.csv"], in: folder)
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("merged.csv")) == Data(contentsOf: folder.appendingPathComponent("whole.csv")))
    }

    @Test("mask cells that are not whole numbers, or too large for one, are errors with file, line and what is wrong, never a trap", arguments: [
        (["convert", "mask-to-vector", "big.csv", "--weights", "4", "-o", "v.csv"], "big.csv:2:1: index 99999999999999999999 is beyond any network's weights"),
        (["convert", "mask-to-layers", "big.csv", "--layers", "2x2", "-o", "layers"], "big.csv:2:1: index 99999999999999999999 is beyond"),
        (["compare", "big.csv", "big.csv", "--as-sets"], "big.csv:2:1: index 99999999999999999999 is beyond"),
        (["compare", "text.csv", "text.csv", "--as-sets"], "text.csv:2:1: expected a weight index (a whole number), found 'x'"),
    ])
    func hugeIntegers(_ arguments: [String], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, second) in [("big", "99999999999999999999"), ("text", "x")] {
            try Data("1\n\(second)\n".utf8).write(to: folder.appendingPathComponent("\(name).csv"))
        }
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == (arguments[0] == "compare" ? 2 : 1))
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    @Test("train in one format replaces the same trial's recording in the other: the folder holds one run's files")
    func trainReplacesTheOtherFormat() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2,0\n2,3,1\n3,4,0\n4,5,1\n5,6,0\n6,7,1\n7,8,0\n8,9,1\n".utf8).write(to: folder.appendingPathComponent("d.csv"))
        for (format, kept, gone) in [("csv", "pure_1.csv", "pure_1.npy"), ("npy", "pure_1.npy", "pure_1.csv"), ("csv", "pure_1.csv", "pure_1.npy")] {
            let run = try TestSupport.run("chaosprune", ["train", "--data", "d.csv", "--trial", "1", "--epochs", "1", "--format", format, "-o", "out"], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(kept)").path))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(gone)").path))
        }
    }

    @Test("an output naming an input (spelled alike, with ./, through a symbolic or a hard link) is a usage error, and the input stays as it was", arguments: [
        (["le-window", "w.csv", "-o", "./w.csv"], "--output names the input 'w.csv'"),
        (["le-window", "w.csv", "-o", "hard.csv"], "--output names the input 'w.csv'"),
        (["granger", "le.csv", "w.csv", "-o", "m.csv", "--min-p", "hard.csv"], "--min-p names the input 'w.csv'"),
        (["le-window", "w.csv", "-o", "out.csv", "--log", "link.csv"], "--log names the input 'w.csv'"),
        (["granger", "le.csv", "w.csv", "-o", "m.csv", "--pvalues", "w.csv"], "--pvalues names the input 'w.csv'"),
        (["lyap-r", "w.csv", "-o", "link.csv"], "--output names the input 'w.csv'"),
        (["convert", "transpose", "w.csv", "-o", "sub/../w.csv"], "--output names the input 'w.csv'"),
        (["convert", "mask-to-layers", "w_W2.csv", "--layers", "1x1,1x1", "-o", "w"], "--output names the input 'w_W2.csv'"),
        (["merge", "w.csv@1:2", "-o", "w.csv"], "--output names the input 'w.csv'"),
        (["pipeline", "sub/window_LE_1.csv", "le.csv", "--out", "sub"], "--out (its window_LE_1.csv) names the input 'sub/window_LE_1.csv'"),
        (["report", "sub", "-o", "sub/window_LE_1.csv"], "--output names the input 'sub/window_LE_1.csv'"),
        (["train", "--data", "sub/pure_1.csv", "--trial", "1", "-o", "sub"], "--output (its pure_1.csv) names the input 'sub/pure_1.csv'"),
        (["train", "--data", "sub/pure_1.csv", "--trial", "1", "--format", "npy", "-o", "sub"], "--output (its pure_1.csv) names the input 'sub/pure_1.csv'"),
        (["retrain", "--data", "sub/pure_1.csv", "--trial", "1", "-o", "sub", "--mask", "sub/epochs_1.csv"], "--output (its epochs_1.csv) names the input 'sub/epochs_1.csv'"),
        (["le-window", "o.csv.json", "-o", "o.csv"], "--output's sidecar names the input 'o.csv.json'"),
        (["granger", "le.csv", "w.csv", "-o", "le.csv.json"], "--output names the input 'le.csv.json'"),
        (["merge", "w.csv@1:2", "le.csv@3:4", "-o", "le.csv.json"], "--output names the input 'le.csv.json'"),
        (["merge", "le.csv.json@1:2", "w.csv@3:4", "-o", "le.csv"], "--output's sidecar names the input 'le.csv.json'"),
        (["report", "sub", "--acc", "my.csv", "-o", "my.csv"], "--output names the input 'my.csv'"),
        (["pipeline", "P/report.html", "le.csv", "--out", "P", "--report"], "--out (its report.html) names the input 'P/report.html'"),
        (["experiment", "--recipe", "iris", "--data-dir", "sub", "--init", "E/results.csv", "-o", "E"], "-o (its results.csv) names the input 'E/results.csv'"),
    ])
    func outputNamesAnInput(_ arguments: [String], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for folderName in ["P", "E"] { try FileManager.default.createDirectory(at: folder.appendingPathComponent(folderName), withIntermediateDirectories: true) }
        for name in ["w.csv", "le.csv", "w_W2.csv", "sub/window_LE_1.csv", "sub/epochs_1.csv", "o.csv.json", "le.csv.json", "my.csv",
                     "P/report.html", "E/results.csv"] {
            try Data("0.5,0.25\n0.75,0.5\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data("1,2,0\n2,3,1\n3,4,0\n4,5,1\n5,6,0\n".utf8).write(to: folder.appendingPathComponent("sub/pure_1.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "w.csv")
        try FileManager.default.linkItem(at: folder.appendingPathComponent("w.csv"), to: folder.appendingPathComponent("hard.csv"))
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("chaosprune \(arguments[0]): error: \(message): writing it would replace the data being read"), "\(run.standardError)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == before, "nothing written")
        for name in ["w.csv", "w_W2.csv", "sub/window_LE_1.csv"] {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == "0.5,0.25\n0.75,0.5\n", "\(name)")
        }
    }

    @Test("two outputs of a run, one of them implied, naming one file are a usage error; an input inside a folder the run fills is refused", arguments: [
        (["le-window", "w.csv", "-o", "x.csv", "--log", "x.csv.json"], "--output's sidecar and --log name the same file, 'x.csv.json'"),
        (["le-window", "w.csv", "-o", "x.csv", "--log", "./x.csv.json"], "--output's sidecar and --log name the same file"),
        (["experiment", "--recipe", "iris", "--data-dir", "sub", "--init", "E/trial_1/iris.npy", "-o", "E"],
         "-o (its trial_1) is filled by this run, but holds the input 'E/trial_1/iris.npy'"),
    ])
    func impliedOutputs(_ arguments: [String], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("E/trial_1"), withIntermediateDirectories: true)
        for name in ["w.csv", "E/trial_1/iris.npy"] { try Data("0.5,0.25\n0.75,0.5\n".utf8).write(to: folder.appendingPathComponent(name)) }
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == before, "nothing written")
    }

    @Test("an input that is no regular file (a device) may also be named as the output: nothing is replaced")
    func deviceInputAndOutput() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["convert", "roundtrip", "/dev/null", "-o", "/dev/null"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test("an output named by a descriptor (/proc/self/fd/1, /dev/stdout) is written directly, into the redirected file")
    func streamPaths() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2\n3,4\n".utf8).write(to: folder.appendingPathComponent("in.csv"))
        for target in ["/proc/self/fd/1", "/dev/stdout"] {
            let run = try TestSupport.run("chaosprune", ["convert", "roundtrip", "in.csv", "-o", target], in: folder)
            #expect(run.status == 0)
            #expect(String(decoding: run.standardOutput, as: UTF8.self) == "1.0,2.0\n3.0,4.0\n", "\(target)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in.csv"], "no temporary file left")
    }

    @Test("a symbolic link is written through (the link stays) and a replaced file keeps its permissions")
    func linksAndModes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2\n".utf8).write(to: folder.appendingPathComponent("in.csv"))
        try Data("old\n".utf8).write(to: folder.appendingPathComponent("target.csv"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("target.csv").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "target.csv")
        #expect(try TestSupport.run("chaosprune", ["convert", "roundtrip", "in.csv", "-o", "link.csv"], in: folder).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path) == "target.csv")
        #expect(try String(contentsOf: folder.appendingPathComponent("target.csv"), encoding: .utf8) == "1.0,2.0\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("target.csv").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

/// `.npy` files whose header or payload does not hold together.
@Suite("npy edges")
struct NumpyEdgeTests {
    /// A version-1 `.npy` file with `header` (padded) and `payload`.
    static func npy(_ header: String, _ payload: [UInt8]) -> Data {
        var text = Array(header.utf8)
        while (10 + text.count + 1) % 64 != 0 { text.append(32) }
        text.append(10)
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.count & 255), UInt8(text.count >> 8)] + text + payload)
    }

    static func int64s(_ values: [Int64]) -> [UInt8] { values.flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } } }

    @Test("a repeated header key takes its last value, as Python's dict literal does; spacing and quotes as literal_eval reads them", arguments: [
        "{'descr': '<f8', 'fortran_order': True, 'shape': (9,), 'descr': '<i8', 'fortran_order': False, 'shape': (3,), }",
        "{\"descr\": \"<i8\", \"fortran_order\": False, \"shape\": (3,)}",
        "{ 'shape' : ( 3 , ) ,\t'descr' : '<i8' , 'fortran_order' : False }",
    ])
    func lastKeyWins(_ header: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.npy(header, Self.int64s([7, 8, 9])).write(to: folder.appendingPathComponent("i.npy"))
        let run = try TestSupport.run("chaosprune", ["convert", "npy", "i.npy", "-o", "i.csv"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("i.csv"), encoding: .utf8) == "7\n8\n9\n")
    }

    @Test("int64 arrays print exactly, beyond 2⁵³ and at 2⁶³ − 1")
    func exactIntegers() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", Self.int64s([Int64.max, 9_007_199_254_740_993, Int64.min]))
            .write(to: folder.appendingPathComponent("i.npy"))
        #expect(try TestSupport.run("chaosprune", ["convert", "npy", "i.npy", "-o", "i.csv"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("i.csv"), encoding: .utf8) == "9223372036854775807\n9007199254740993\n-9223372036854775808\n")
    }

    @Test("a payload that does not match the shape, a shape no file could hold, a malformed dimension or a structured dtype is refused", arguments: [
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (4,), }", 3, "the data holds 24 bytes, but shape (4,) of <i8 needs 32"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", 3, "the data holds 24 bytes, but shape (2,) of <i8 needs 16"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }", 3, "the data holds 24 bytes, but shape (2, 2) of <i8 needs 32"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", 3, "byte 10: shape dimension '4611686018427387904' is not a size this file can hold"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (99999999999999999999,), }", 3, "shape dimension '99999999999999999999' is not a size"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (-3,), }", 3, "shape dimension '-3' is not a size"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (3e0,), }", 3, "shape dimension '3e0' is not a size"),
        ("{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (3,), }", 3, "a structured dtype (a list of named fields) is not supported"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (3, 1, 1), }", 3, "shape (3, 1, 1): only 1-D and 2-D arrays convert to CSV"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (2,,), }", 3, "byte 10: the .npy header is not the dictionary numpy writes: expected a shape dimension or ')'"),
        ("{'descr': '<i8', 'fortran_order': 'False', 'shape': (3,), }", 3, "byte 10: fortran_order must be True or False"),
        ("{'descr': '<i8', 'fortran_order': 0, 'shape': (3,), }", 3, "byte 10: fortran_order must be True or False"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (3), }", 3, "byte 10: shape must be a tuple such as (3,) or (2, 4)"),
        ("{'descr': '<i8', 'shape': (3,), }", 3, "byte 10: the .npy header must hold exactly 'descr', 'fortran_order' and 'shape', not 'descr', 'shape'"),
        ("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), 'extra': 1, }", 3, "must hold exactly 'descr', 'fortran_order' and 'shape'"),
        ("{'descr': '<i8' 'fortran_order': False, 'shape': (3,), }", 3, "the .npy header is not the dictionary numpy writes: expected '}'"),
        ("'descr': '<i8', 'fortran_order': False, 'shape': (3,)", 3, "the .npy header is not the dictionary numpy writes: expected '{'"),
    ])
    func inconsistent(_ header: String, _ values: Int, _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.npy(header, Self.int64s((0..<values).map(Int64.init))).write(to: folder.appendingPathComponent("b.npy"))
        let run = try TestSupport.run("chaosprune", ["convert", "npy", "b.npy", "-o", "b.csv"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.csv").path))
    }

    @Test("huge option values are refused or bounded by the data, never a trap", arguments: [
        (["lyap_r", "-m", "9223372036854775807", "-V0", "-o", "o.ros", "s.dat"], 22),
        (["lyap_r", "-s", "9223372036854775807", "-V0", "-o", "o.ros", "s.dat"], 22),
        (["lyap_r", "-d", "4611686018427387904", "-m3", "-V0", "-o", "o.ros", "s.dat"], 22),
        (["chaosprune", "le-window", "w.csv", "-o", "o.csv", "--window", "9223372036854775807"], 2),
        (["chaosprune", "le-window", "w.csv", "-o", "o.csv", "--window", "100000000"], 1),
        (["chaosprune", "granger", "w.csv", "w.csv", "-o", "o.csv", "--window", "9223372036854775807", "--overlap", "0"], 2),
        (["chaosprune", "lyap-r", "--dim", "9223372036854775807", "s.dat", "-o", "-"], 22),
        (["chaosprune", "convert", "mask-to-layers", "m.csv", "-o", "o", "--layers", "9999999999x9999999999"], 2),
        (["chaosprune", "convert", "mask-to-layers", "m.csv", "-o", "o", "--layers", "100000x100000"], 2),
        (["chaosprune", "convert", "mask-to-layers", "m.csv", "-o", "o", "--layers", "2147483647x1,1x1"], 2),
        (["chaosprune", "convert", "mask-to-vector", "m.csv", "-o", "o", "--weights", "100000000000"], 2),
        (["chaosprune", "convert", "mask-to-vector", "m.csv", "-o", "o", "--weights", "9223372036854775807"], 2),
        (["chaosprune", "convert", "mask-to-vector", "m.csv", "-o", "o", "--weights", "2", "--offset", "-9223372036854775808"], 1),
        (["chaosprune", "convert", "vector-to-mask", "v.csv", "-o", "o", "--offset", "9223372036854775807"], 1),
        (["chaosprune", "convert", "layers-to-mask", "v.csv", "-o", "o", "--offset", "9223372036854775807"], 1),
    ])
    func hugeOptions(_ command: [String], _ status: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1\n2\n3\n4\n5\n".utf8).write(to: folder.appendingPathComponent("s.dat"))
        try Data("1,2\n3,4\n".utf8).write(to: folder.appendingPathComponent("w.csv"))
        try Data("1\n".utf8).write(to: folder.appendingPathComponent("m.csv"))
        try Data("0\n1\n".utf8).write(to: folder.appendingPathComponent("v.csv"))
        let run = try TestSupport.run(command[0], Array(command.dropFirst()), in: folder)
        #expect(Int(run.status) == status, "\(run.standardError)")
        #expect(!run.standardError.contains("Fatal error") && !run.standardError.isEmpty)
    }
}
