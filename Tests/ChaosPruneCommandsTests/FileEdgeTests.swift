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

    @Test("mask cells that are not whole numbers, or too large for one, are errors with file and line, never a trap", arguments: [
        ["convert", "mask-to-vector", "big.csv", "--weights", "4", "-o", "v.csv"],
        ["convert", "mask-to-layers", "big.csv", "--layers", "2x2", "-o", "layers"],
        ["compare", "big.csv", "big.csv", "--as-sets"],
        ["compare", "text.csv", "text.csv", "--as-sets"],
    ])
    func hugeIntegers(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1\n99999999999999999999\n".utf8).write(to: folder.appendingPathComponent("big.csv"))
        try Data("1\nx\n".utf8).write(to: folder.appendingPathComponent("text.csv"))
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains(".csv:2"), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
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
