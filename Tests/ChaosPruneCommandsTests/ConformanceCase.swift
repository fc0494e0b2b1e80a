import Foundation
import Testing
import TestSupport

/// One row of `Tests/Fixtures/lyap_r/cases.tsv`: a recorded run of TISEAN 3.0.0 `lyap_r`.
struct ConformanceCase: CustomTestStringConvertible, Sendable {
    var id: String
    var input: String
    var standardInput: String
    var arguments: [String]
    var outputName: String
    var exit64: String
    var hasOutputFile: Bool
    var outcome: String

    var testDescription: String { id }

    static let folder = TestSupport.fixtures.appendingPathComponent("lyap_r")

    /// Every case of the corpus.
    static let all: [ConformanceCase] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return ConformanceCase(id: fields[0], input: fields[1], standardInput: fields[2],
                                   arguments: fields[3].split(separator: " ").map(String.init), outputName: fields[4],
                                   exit64: fields[5], hasOutputFile: fields[7] == "yes", outcome: fields[8])
        }
    }()

    /// The command line with `OUT` and `IN` substituted, the input appended last where `IN` is absent.
    var commandLine: [String] {
        var result: [String] = []
        var placedInput = false
        for token in arguments {
            switch token {
            case "OUT": result.append("out.dat")
            case "IN": result.append(input); placedInput = true
            default: result.append(token)
            }
        }
        if !placedInput, input != "-" { result.append(input) }
        return result
    }

    /// The file the run leaves, or nil when none is expected.
    var outputFile: String? {
        switch outputName {
        case "OUT": return "out.dat"
        case "-": return nil
        default: return outputName
        }
    }

    /// The expected output bytes under `expected32/` (when present) or `expected/`.
    func expectedOutput(preferring32 prefer32: Bool) throws -> Data {
        let x87 = Self.folder.appendingPathComponent("expected32/\(id).out")
        if prefer32, FileManager.default.fileExists(atPath: x87.path) { return try Data(contentsOf: x87) }
        return try Data(contentsOf: Self.folder.appendingPathComponent("expected/\(id).out"))
    }

    /// Runs the case with the built `lyap_r` in a fresh folder holding the input file.
    func run(environment: [String: String] = [:]) throws -> (TestSupport.Run, output: Data?) {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        if input != "-" {
            let name = String(input.split(separator: ",")[0])
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("inputs/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
        let stdin = standardInput.isEmpty ? nil : Self.folder.appendingPathComponent("inputs/\(standardInput)")
        let result = try TestSupport.run("lyap_r", commandLine, in: folder, input: stdin, environment: environment)
        let output = outputFile.flatMap { try? Data(contentsOf: folder.appendingPathComponent($0)) }
        return (result, output)
    }
}
