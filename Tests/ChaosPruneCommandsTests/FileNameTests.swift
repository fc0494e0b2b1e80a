import Foundation
import Testing
import TestSupport

/// File names as a file system allows them: up to 255 bytes, any character but `/`.
@Suite("file names")
struct FileNameTests {
    static let weights = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/weights.csv").path
    static let accuracy = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/acc.csv").path

    @Test("an output named with the longest names the file system allows is written (its temporary's name is short)", arguments: [
        (["convert", "csvwrite", weights, "-o"], String(repeating: "c", count: 251) + ".csv"),
        (["le-window", weights, "-q", "-o"], String(repeating: "w", count: 246) + ".csv"),
        (["pipeline", weights, accuracy, "-q", "--out"], String(repeating: "p", count: 255)),
        (["convert", "roundtrip", weights, "-o"], String(repeating: "é", count: 125) + ".csv"),
    ])
    func longestNames(_ arguments: [String], _ name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", arguments + [name], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test("a file name holding a newline or an escape is escaped in the message, which stays one line", arguments: [
        (["le-window", "a\nb.csv", "-o", "o.csv"], "a\\u{a}b.csv"),
        (["granger", "x\u{1b}[31m.csv", "acc.csv", "-o", "m.csv"], "x\\u{1b}[31m.csv"),
        (["convert", "csvwrite", "tab\there.csv", "-o", "o.csv"], "tab\\u{9}here.csv"),
    ])
    func escapedNames(_ arguments: [String], _ shown: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains(shown), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(!run.standardError.contains("\u{1b}"))
    }
}
