import Foundation
import Testing
import ChaosPruneFormats

/// The Eisel–Lemire power-of-five table: generated, and right by exact integer arithmetic.
@Suite("power-of-five table")
struct PowersOfFiveTests {
    /// The entry for q as one natural number, high word first.
    func entry(_ q: Int) -> (high: UInt64, low: UInt64) {
        let index = 2 * (q - PowersOfFive.smallestExponent)
        return (PowersOfFive.words[index], PowersOfFive.words[index + 1])
    }

    @Test("the checked-in table is exactly what its generator prints")
    func generated() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ChaosPruneFormats/NumberText/PowersOfFive.swift")
        #expect(try String(contentsOf: file, encoding: .utf8) == PowersOfFiveGenerator.source())
        #expect(PowersOfFive.words.count == 2 * (PowersOfFive.largestExponent - PowersOfFive.smallestExponent + 1))
    }

    @Test("q = 0 … 55: 5^q itself, computed in UInt128, shifted so its top bit is bit 127")
    func exactPowers() {
        var power: UInt128 = 1
        for q in 0...55 {
            let shifted = power << UInt128(power.leadingZeroBitCount)
            #expect(entry(q) == (UInt64(shifted >> 64), UInt64(truncatingIfNeeded: shifted)), "q = \(q)")
            if q < 55 { power *= 5 }
        }
    }

    @Test("q = 56 … 308: the top 128 bits of 5^q, every entry with its top bit set")
    func truncatedPowers() {
        for q in 56...308 {
            let power = ExactNatural.power(of: 5, UInt(q))
            let top = power.normalised(toBits: 128)
            #expect(entry(q) == (top.limb(1), top.limb(0)), "q = \(q)")
            #expect(entry(q).high >> 63 == 1)
        }
    }

    @Test("q = −27 … −1: the reciprocal rounded up, checked by multiplication: (c − 1)·5^k ≤ 2^b < c·5^k")
    func reciprocals() {
        for k in 1...27 {
            let power = ExactNatural.power(of: 5, UInt(k))
            let twoToB = ExactNatural.powerOfTwo(power.bitLength + 127)
            let (high, low) = entry(-k)
            let c = ExactNatural(high).multiplied(by: 1 << 32).multiplied(by: 1 << 32).adding(low)
            var upper = c
            for _ in 0..<k { upper = upper.multiplied(by: 5) }
            let lower = upper.subtracting(power)
            #expect(!twoToB.isLess(than: lower) && twoToB.isLess(than: upper), "q = \(-k)")
            #expect(high >> 63 == 1, "q = \(-k)")
        }
    }
}
