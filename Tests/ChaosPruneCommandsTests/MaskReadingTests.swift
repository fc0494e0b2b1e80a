import Foundation
import Testing
import TestSupport

/// Every command that reads a mask reads it by the same rules, with the same messages.
@Suite("one mask reader for every command")
struct MaskReadingTests {
    /// The commands that read `mask.csv`, each with the folder's other files as they need them.
    static func readers(_ mask: String) -> [[String]] {
        let training = TrainingFixtureTests.root
        return [
            ["retrain", "--recipe", "iris", "--data-dir", training.appendingPathComponent("data").path, "--init",
             TrainingFixtureTests.initFile("iris"), "--trial", "1", "--epochs", "1", "--mask", mask, "-o", "out", "-q"],
            ["compare", mask, "same.csv", "--as-sets"],
            ["convert", "mask-to-vector", mask, "--weights", "42", "-o", "out.csv"],
        ]
    }

    @Test("a mask with a BOM, CRLF, blanks around indices and trailing blank lines is read alike by retrain, compare and convert")
    func oddSpellingAccepted() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("\u{FEFF} 3\r\n\t17 \r\n3\n\n".utf8).write(to: folder.appendingPathComponent("mask.csv"))
        try Data("17\n3\n".utf8).write(to: folder.appendingPathComponent("same.csv"))
        for arguments in Self.readers("mask.csv") {
            let run = try TestSupport.run("chaosprune", arguments, in: folder)
            #expect(run.status == 0, "\(arguments[0]): \(run.standardError)")
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("out"))
        }
        let flags = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8).split(separator: "\n")
        #expect(flags.indices.filter { flags[$0] == "1" } == [3, 17])
    }

    @Test("a damaged mask fails with the same located message in retrain, compare and convert", arguments: [
        ("3\n\n17\n", "mask.csv:2:1: a blank line inside the mask"),
        ("3\n17,4\n", "mask.csv:2:2: expected one weight index (a whole number) per line, found '17,4'"),
        ("3\nseven\n", "mask.csv:2:1: expected a weight index (a whole number), found 'seven'"),
    ])
    func damagedRefused(text: String, message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("mask.csv"))
        try Data("3\n".utf8).write(to: folder.appendingPathComponent("same.csv"))
        for arguments in Self.readers("mask.csv") {
            let run = try TestSupport.run("chaosprune", arguments, in: folder)
            #expect(run.status == (arguments[0] == "compare" ? 2 : 1), "\(arguments[0])")
            #expect(run.standardError.contains(message), "\(arguments[0]): \(run.standardError)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
        }
    }
}
