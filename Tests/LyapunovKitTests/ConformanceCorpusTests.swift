import Foundation
import Testing

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

    private func check(_ testCase: ConformanceCase, environment: [String: String], preferring32: Bool) throws {
        let (run, output) = try testCase.run(environment: environment)
        switch testCase.outcome {
        case "hangs", "crashes":
            #expect(run.status > 0, "the reference misbehaves here; we must fail cleanly")
            #expect(run.seconds < 2)
            #expect(!run.standardError.isEmpty)
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
}
