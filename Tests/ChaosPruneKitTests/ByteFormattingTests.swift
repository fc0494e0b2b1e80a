import SyntheticData
import ChaosPruneFormats
import Foundation
import Testing
import TestSupport
import ChaosPruneSystem
import ChaosPruneKit

/// The byte-level number writers against the `String` forms they replace.
@Suite("byte formatting")
struct ByteFormattingTests {
    @Test("IntegerText writes what Swift's description writes, at every magnitude")
    func integers() {
        var random = SplitMix64(seed: 3)
        var values = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for _ in 0..<20_000 {
            let bits = Int.random(in: 0...63, using: &random)
            values.append(Int(truncatingIfNeeded: random.next() >> UInt64(bits)) * (Bool.random(using: &random) ? 1 : -1))
        }
        for value in values {
            var bytes: [UInt8] = [UInt8(ascii: "x")]
            IntegerText.append(value, to: &bytes)
            #expect(bytes == Array("x\(value)".utf8))
        }
    }

    @Test("PythonFloatText.append writes repr's bytes after what is there, for random and edge values")
    func floatsAppend() {
        var random = SplitMix64(seed: 5)
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 1e-5, 1e-4, 1e15, 1e16, 0x1p53, -0x1p53, 0x1p53 - 1, 1e300, .leastNonzeroMagnitude,
                                .greatestFiniteMagnitude, .infinity, -.infinity, .nan]
        for _ in 0..<50_000 { values.append(Double(bitPattern: random.next())) }
        for _ in 0..<50_000 { values.append(Double.random(in: 0...1, using: &random)) }
        for value in values {
            var bytes: [UInt8] = [UInt8(ascii: ",")]
            PythonFloatText.append(value, to: &bytes)
            #expect(bytes == Array(",\(PythonFloatText.repr(value))".utf8))
        }
    }

    @Test("the p-value file is the same bytes on 1, 2 and 5 threads, over several blocks of weights")
    func pValuesAnyThreads() throws {
        var random = SplitMix64(seed: 9)
        let statistic = { GrangerStatistic(statistic: Double.random(in: 0...40, using: &random), pValue: Double.random(in: 0...1, using: &random)) }
        let outcomes: [GrangerOutcome] = (0..<3_000).map { weight in
            if weight % 97 == 5 { return .raised(GrangerOutcome.Message.constantColumn) }
            return .tested((1...3).map { lag in
                GrangerLagResult(lag: lag, ssrF: statistic(), ssrChiSquare: statistic(), likelihoodRatio: statistic(), parameterF: statistic())
            })
        }
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [Data] = []
        for threads in [1, 2, 5] {
            let path = folder.appendingPathComponent("p\(threads).csv").path
            let writer = try AtomicFileWriter(path: path)
            try GrangerWriters.writePValues(outcomes, to: writer, threads: threads)
            try writer.commit()
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(files[0] == files[1])
        #expect(files[0] == files[2])
        let lines = String(decoding: files[0], as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 + 31 + (3_000 - 31) * 12)
        #expect(lines[1].hasPrefix("0,1,ssr_ftest,"))
    }
}
