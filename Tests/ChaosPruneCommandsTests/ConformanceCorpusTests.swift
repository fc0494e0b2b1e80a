import Foundation
import Testing
import TestSupport

/// The lyap_r executable against every recorded TISEAN 3.0.0 run, byte for byte.
@Suite("lyap_r conformance corpus")
struct ConformanceCorpusTests {
    @Test("corpus is present and complete")
    func corpusIsComplete() {
        #expect(ConformanceCase.all.count == 479)
    }

    @Test("64-bit build: same exit status and output bytes", arguments: ConformanceCase.all)
    func matchesSixtyFourBitBuild(_ testCase: ConformanceCase) throws {
        try check(testCase, environment: [:], preferring32: false)
    }

    @Test("LYAP_R_ARITHMETIC=x87 reproduces the original 32-bit build", arguments: ConformanceCase.all)
    func matchesThirtyTwoBitBuild(_ testCase: ConformanceCase) throws {
        try check(testCase, environment: ["LYAP_R_ARITHMETIC": "x87"], preferring32: true)
    }

    /// Our exit status and the start of our message where the reference crashes or never ends.
    static let ownExits: [String: (status: Int32, message: String)] = [
        "short_tiny": (22, "the series has "),
        "hang_single_ref": (23, "reference point 0 has no neighbour outside the Theiler window"),
        "nan_inside": (21, "value "),
    ]

    @Test("every hang or crash case of the corpus has a pinned exit")
    func everyMisbehaviourPinned() {
        let cases = ConformanceCase.all.filter { $0.outcome == "hangs" || $0.outcome == "crashes" }.map(\.id)
        #expect(Set(cases) == Set(Self.ownExits.keys))
    }

    private func check(_ testCase: ConformanceCase, environment: [String: String], preferring32: Bool) throws {
        let (run, output) = try testCase.run(environment: environment)
        switch testCase.outcome {
        case "hangs", "crashes":
            let expected = try #require(Self.ownExits[testCase.id], "every hang or crash case has a pinned exit")
            #expect(run.status == expected.status, "the reference misbehaves here; we fail cleanly with our own status")
            #expect(run.standardError.hasPrefix(expected.message), "\(run.standardError)")
            #expect(run.seconds < 2)
        default:
            #expect("\(run.status)" == testCase.exit64, "stderr: \(run.standardError)")
            if testCase.outputFile != nil {
                if testCase.hasOutputFile {
                    #expect(output == (try testCase.expectedOutput(preferring32: preferring32)))
                } else {
                    #expect(output == nil, "the reference leaves no output file here")
                }
            }
        }
    }

    @Test("exit statuses of our own for what TISEAN mishandles: unreadable input 25, bad LYAP_R_ARITHMETIC 24")
    func ownExitStatuses() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("d.dat")
        try Data((0..<100).map { "\(sin(Double($0)))\n" }.joined().utf8).write(to: data)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: data.path)
        if getuid() != 0 {
            let unreadable = try TestSupport.run("lyap_r", ["-V0", "-o", "out.dat", "d.dat"], in: folder)
            #expect(unreadable.status == 25)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: data.path)
        let directory = try TestSupport.run("lyap_r", ["-V0", "-o", "out.dat", folder.path + "/d.dat/x"], in: folder, input: data)
        #expect(directory.status == 0, "a missing file falls back to stdin, as TISEAN does")
        let folderAsInput = try TestSupport.run("lyap_r", ["-V0", "-o", "out.dat", "-"], in: folder, input: folder)
        #expect(folderAsInput.status == 25, "a read error is reported, never a silently short series")
        #expect(folderAsInput.standardError.contains("cannot read stdin"))
        let arithmetic = try TestSupport.run("lyap_r", ["-V0", "-o", "out.dat", "d.dat"], in: folder, environment: ["LYAP_R_ARITHMETIC": "x86"])
        #expect(arithmetic.status == 24)
        #expect(arithmetic.standardError.contains("LYAP_R_ARITHMETIC must be ieee64 or x87"))
    }
}
