import ChaosPruneFormats
import ChaosPruneSystem
import Foundation
import SyntheticData

/// `chaosprune-bench float32-check`: `Float32Text.shortestDouble` (integers,
/// no text) against reading Swift's shortest text with `strtod`
/// (`Float32Text.byText`), on every float of the binades the integer path
/// covers and its neighbours (both signs), then on random bit patterns; and
/// the cost of each per value.
enum Float32Check {
    static func run(binades: ClosedRange<UInt32>, random: Int) {
        let workers = ProcessorCount.online
        let differences = Locked(0)
        let started = Date()
        ParallelLoop.forEachIndex(binades.count * 2, workers: workers) { _, index in
            let biased = binades.lowerBound + UInt32(index / 2)
            let sign: UInt32 = index % 2 == 0 ? 0 : 1 << 31
            var found = 0
            for fraction in UInt32(0)..<(1 << 23) {
                let value = Float(bitPattern: sign | biased << 23 | fraction)
                if Float32Text.shortestDouble(value).bitPattern != Float32Text.byText(value).bitPattern { found += 1 }
            }
            differences.withLock { $0 += found }
        }
        print("every float of biased exponents \(binades.lowerBound)…\(binades.upperBound), both signs (\(binades.count * 2 << 23) values): \(differences.withLock { $0 }) differences, \(String(format: "%.0f", Date().timeIntervalSince(started))) s")
        var generator = SplitMix64(seed: 20_261_203)
        var randomDifferences = 0
        var values: [Float] = []
        values.reserveCapacity(random)
        for _ in 0..<random {
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            values.append(value)
            if Float32Text.shortestDouble(value).bitPattern != Float32Text.byText(value).bitPattern, !value.isNaN { randomDifferences += 1 }
        }
        print("\(random) random bit patterns: \(randomDifferences) differences")
        var weights: [Float] = []
        for _ in 0..<5_000_000 { weights.append(Float(Double(generator.next() >> 11) / Double(1 << 53) - 0.5)) }
        for (name, convert) in [("integers (shortestDouble)", Float32Text.shortestDouble), ("text (byText)", Float32Text.byText)] as [(String, (Float) -> Double)] {
            var sum = 0.0
            let start = Date()
            for value in weights { sum += convert(value) }
            print(String(format: "%@: %.1f ns per value on weights in [-0.5, 0.5) (sum %.6f)", name, Date().timeIntervalSince(start) / Double(weights.count) * 1e9, sum))
        }
    }
}
