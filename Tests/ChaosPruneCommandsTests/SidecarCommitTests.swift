import Foundation
import Testing
import TestSupport

/// A window_LE file and its sidecar are committed together or not at all.
@Suite("window_LE and sidecar together")
struct SidecarCommitTests {
    static let weights = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/weights.csv").path

    @Test("a sidecar that cannot be written leaves the window_LE file as it was (le-window, merge)", arguments: [
        ["le-window", weights, "-q", "-o", "le.csv", "--window", "60"],
        ["merge", "s1.csv", "s2.csv", "-o", "le.csv"],
    ])
    func sidecarFailureKeepsOutput(_ arguments: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, columns) in [("s1.csv", "1:10"), ("s2.csv", "11:42")] {
            #expect(try TestSupport.run("chaosprune", ["le-window", Self.weights, "-q", "-o", name, "--columns", columns], in: folder).status == 0)
        }
        try Data("previous\n".utf8).write(to: folder.appendingPathComponent("le.csv"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("le.csv.json"), withIntermediateDirectories: true)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("le.csv.json: Is a directory"), "\(run.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("le.csv"), encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }

    @Test("an output named by a descriptor gets no sidecar, even when the descriptor leads to a regular file", arguments: [
        "/proc/self/fd/1", "/dev/stdout", "/dev/fd/1",
    ])
    func descriptorOutput(_ path: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = TestSupport.products.appendingPathComponent("chaosprune").path
        let run = try TestSupport.run("/bin/sh", ["-c", "exec '\(program)' le-window '\(Self.weights)' -q -o \(path) > out.csv"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("file"), withIntermediateDirectories: true)
        #expect(try TestSupport.run("chaosprune", ["le-window", Self.weights, "-q", "-o", "file/le.csv"], in: folder).status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("out.csv")) == Data(contentsOf: folder.appendingPathComponent("file/le.csv")))
    }
}

/// A sidecar that contradicts its window_LE file is refused, never trusted.
@Suite("sidecars checked against their files")
struct SidecarContradictionTests {
    static let weights = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/weights.csv").path
    static let accuracy = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/acc.csv").path

    @Test("granger refuses a sidecar of another window, weight range or layout, or with a step that does not fit, naming it", arguments: [
        (["--window", "40"], "records 133 windows (one row per window), but the file holds 106"),
        (["--columns", "1:10"], "records weights 1…10 (10, one row per window), but the file holds 42"),
        (["--legacy", "--window", "50"], "records 106 windows (one row per weight), but the file holds 42"),
    ])
    func contradictingSidecar(_ other: [String], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try TestSupport.run("chaosprune", ["le-window", Self.weights, "-q", "-o", "le.csv"], in: folder).status == 0)
        #expect(try TestSupport.run("chaosprune", ["le-window", Self.weights, "-q", "-o", "other.csv"] + other, in: folder).status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("le.csv.json"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("other.csv.json"), to: folder.appendingPathComponent("le.csv.json"))
        let run = try TestSupport.run("chaosprune", ["granger", "le.csv", Self.accuracy, "-o", "m.csv"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("le.csv.json: \(message)"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.csv").path))
    }

    @Test("a sidecar whose step is not window × (1 − overlap) is refused")
    func inconsistentStep() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try TestSupport.run("chaosprune", ["le-window", Self.weights, "-q", "-o", "le.csv"], in: folder).status == 0)
        let sidecar = folder.appendingPathComponent("le.csv.json")
        let text = try String(contentsOf: sidecar, encoding: .utf8).replacing("\"step\": 45", with: "\"step\": 40")
        try Data(text.utf8).write(to: sidecar)
        let run = try TestSupport.run("chaosprune", ["granger", "le.csv", Self.accuracy, "-o", "m.csv"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("records window 50, overlap 0.1 and step 40, which do not go together"), "\(run.standardError)")
    }
}
