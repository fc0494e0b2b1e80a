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
