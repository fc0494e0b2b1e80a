import Foundation
import Testing
import TestSupport
import ChaosPruneCommands
import LyapunovKit

/// One run of the edge corpus (`Fixtures/lyap_r/edges`): the command line
/// corners, out-of-range numbers, existing output files and unterminated last
/// lines, recorded from TISEAN 3.0.0 built from its C source (see `generate.sh`).
struct TiseanEdgeCase: CustomTestStringConvertible, Sendable {
    var id: String
    var arguments: [String]
    var preexisting: Bool
    var exit: String
    var note: String

    var testDescription: String { "\(id): \(note)" }

    static let folder = TestSupport.fixtures.appendingPathComponent("lyap_r/edges")

    static let all: [TiseanEdgeCase] = {
        guard let table = try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8) else { return [] }
        return table.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return TiseanEdgeCase(id: fields[0], arguments: fields[1].split(separator: " ").map(String.init),
                                  preexisting: fields[2] == "yes", exit: fields[3], note: fields[4])
        }
    }()
}

@Suite("lyap_r edge corpus (TISEAN 3.0.0 built from source)")
struct TiseanEdgeTests {
    @Test("the edge corpus is present")
    func present() {
        #expect(TiseanEdgeCase.all.count == 165)
    }

    /// Runs a case: the exit status is TISEAN's where TISEAN ends normally, a
    /// prompt positive status of ours where it crashes or never ends; the files
    /// left in the folder (an existing output kept, emptied or replaced, the
    /// default-named output) are TISEAN's, byte for byte.
    @Test("same exit status and the same files left behind", arguments: TiseanEdgeCase.all)
    func matches(_ edge: TiseanEdgeCase) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = TiseanEdgeCase.folder.appendingPathComponent("inputs")
        let names = try FileManager.default.contentsOfDirectory(atPath: inputs.path)
        for name in names {
            try FileManager.default.copyItem(at: inputs.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        if edge.preexisting { try Data("OLD\n".utf8).write(to: folder.appendingPathComponent("out.ros")) }
        let run = try TestSupport.run("lyap_r", edge.arguments, in: folder)
        if let status = Int32(edge.exit), status >= 0 {
            #expect(run.status == status, "\(run.standardError)")
        } else {
            #expect(run.status > 0 && run.status < 128 && run.seconds < 5, "TISEAN \(edge.exit); ours must end with a status: \(run.standardError)")
        }
        var left: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            if names.contains(name), bytes == (try Data(contentsOf: inputs.appendingPathComponent(name))) { continue }
            left[name] = bytes
        }
        let expectedFolder = TiseanEdgeCase.folder.appendingPathComponent("expected/\(edge.id)")
        var expected: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: expectedFolder.path)) ?? [] {
            expected[name] = try Data(contentsOf: expectedFolder.appendingPathComponent(name))
        }
        #expect(left == expected, "files left: \(left.keys.sorted()), TISEAN's: \(expected.keys.sorted())")
    }

    @Test("x87 mode: a last line without newline ends with our 'would hang' status 26 (the 32-bit build never ends)")
    func unterminatedLineX87() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1\n2\n3\n5\n4\n2\n7".utf8).write(to: folder.appendingPathComponent("s.dat"))
        let run = try TestSupport.run("lyap_r", ["-V0", "-o", "o.ros", "s.dat"], in: folder, environment: ["LYAP_R_ARITHMETIC": "x87"])
        #expect(run.status == 26 && run.standardError.contains("never ends"), "\(run.standardError)")
        let plain = try TestSupport.run("lyap_r", ["-V0", "-o", "o.ros", "s.dat"], in: folder)
        #expect(plain.status == 12 && plain.standardError == "check_alloc: Couldn't allocate enough memory. Exiting\n")
    }

    /// The cases of the fixtures recorded with the authors' 32-bit binary: a
    /// folder under `lyap_r/`, then the fields of its `cases.tsv` (id, input, options).
    static func x87Cases(_ name: String) -> [[String]] {
        let folder = TestSupport.fixtures.appendingPathComponent("lyap_r/\(name)")
        guard let table = try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8) else { return [] }
        return table.split(separator: "\n").map { [name] + $0.split(separator: "\t").map(String.init) }
    }

    @Test("the x87 corpora are present, every case: a missing file would skip their parameterised tests silently")
    func x87CorporaPresent() {
        #expect(Self.x87Cases("x87box").count == 20)
        #expect(Self.x87Cases("x87stored").count == 35)
    }

    @Test("x87 mode: the box index comes from the 80-bit product, as the original 32-bit binary computes it", arguments: x87Cases("x87box"))
    func x87BoxIndex(_ fields: [String]) throws {
        try expectOriginalBuildOutput(fields)
    }

    @Test("x87 mode: 1/eps, eps = r/interval and eps·1.1 are formed in 80 bits and stored as doubles (rounded twice), as the original 32-bit binary stores them; the boxes at their edges follow",
          arguments: x87Cases("x87stored"))
    func x87StoredValues(_ fields: [String]) throws {
        try expectOriginalBuildOutput(fields)
    }

    @Test("x87 mode: the flags' unsigned long is 32 bits, so a value above 2³² − 1 saturates (the 32-bit build then crashes or never ends: our status 22) where the x86-64 build wraps it",
          arguments: ["-m4294967297", "-d4294967297", "-s4294967297", "-m18446744073709551617"])
    func x87UnsignedLongSaturates(_ option: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((0..<40).map { "\(Double($0 * 7 % 13) / 3)\n" }.joined().utf8).write(to: folder.appendingPathComponent("s.dat"))
        let x87 = try TestSupport.run("lyap_r", ["-V0", option, "-o", "o.ros", "s.dat"], in: folder, environment: ["LYAP_R_ARITHMETIC": "x87"])
        #expect(x87.status == 22, "\(x87.standardError)")
        let wraps = option.hasSuffix("97")
        let ieee64 = try TestSupport.run("lyap_r", ["-V0", option, "-o", "o.ros", "s.dat"], in: folder)
        #expect(ieee64.status == (wraps ? 0 : 22), "\(ieee64.standardError)")
        #expect(TiseanCommandLine.unsignedLong(4_294_967_297, arithmetic: .x87) == 4_294_967_295)
        #expect(TiseanCommandLine.unsignedLong(4_294_967_297, arithmetic: .ieee64) == 4_294_967_297)
        #expect(LyapRProgram.splitColumnSuffix("s.dat,4294967297", arithmetic: .x87).column == 4_294_967_295)
        #expect(LyapRProgram.splitColumnSuffix("s.dat,4294967297").column == 1)
    }

    /// Runs one recorded case in x87 mode and compares the output with the 32-bit binary's.
    private func expectOriginalBuildOutput(_ fields: [String]) throws {
        let fixture = TestSupport.fixtures.appendingPathComponent("lyap_r/\(fields[0])")
        let (id, input, options) = (fields[1], fields[2], fields[3].split(separator: " ").map(String.init))
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("inputs/\(input)"), to: folder.appendingPathComponent(input))
        let run = try TestSupport.run("lyap_r", ["-V0"] + options + ["-o", "out.ros", input], in: folder, environment: ["LYAP_R_ARITHMETIC": "x87"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out.ros")) == Data(contentsOf: fixture.appendingPathComponent("expected/\(id).out")))
    }
}
