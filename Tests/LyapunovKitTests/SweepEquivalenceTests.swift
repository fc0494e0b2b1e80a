import SyntheticData
import Testing
import LyapunovKit

/// The engine's sorted sweep against the literal grid transcription of the spec,
/// on random series built to produce ties, wrapped cells and Theiler windows.
@Suite("neighbour search equivalence")
struct SweepEquivalenceTests {
    @Test("sorted sweep equals the literal 3×3 grid search", arguments: 0..<40)
    func sweepMatchesGrid(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &* 7919)
        for _ in 0..<25 {
            let length = Int.random(in: 12...260, using: &random)
            let levels = [4.0, 20, 1000, 1e6].randomElement(using: &random)!
            var value = 0.0
            let series: [Double] = (0..<length).map { _ in
                value += Double.random(in: -1...1, using: &random)
                return (value * levels).rounded() / levels
            }
            let parameters = LyapunovParameters(
                dimension: Int.random(in: 1...4, using: &random), delay: Int.random(in: 1...3, using: &random),
                theilerWindow: Int.random(in: 0...4, using: &random), steps: Int.random(in: 0...6, using: &random),
                initialEpsilon: [.defaultFraction, .dataUnits(20), .dataUnits(0.05), .dataUnits(1e-4)].randomElement(using: &random)!)
            guard let expected = LiteralGridReference.divergence(of: series, parameters: parameters) else { continue }
            let actual = try LyapunovEngine.divergence(of: series, parameters: parameters)
            #expect(actual == expected, "length \(length), \(parameters)")
        }
    }

    @Test("sorted sweep equals the literal grid on tie-heavy integer series with high embedding (census-like columns, m 5–8)", arguments: 0..<12)
    func tieHeavyHighEmbedding(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &* 104_729)
        for _ in 0..<6 {
            let length = Int.random(in: 60...400, using: &random)
            let distinct = Int.random(in: 2...12, using: &random)
            let series: [Double] = (0..<length).map { _ in Double(Int.random(in: 0..<distinct, using: &random)) }
            let parameters = LyapunovParameters(
                dimension: Int.random(in: 5...8, using: &random), delay: Int.random(in: 1...2, using: &random),
                theilerWindow: Int.random(in: 0...3, using: &random), steps: Int.random(in: 0...10, using: &random),
                initialEpsilon: [.defaultFraction, .dataUnits(1), .dataUnits(0.5)].randomElement(using: &random)!)
            guard let expected = LiteralGridReference.divergence(of: series, parameters: parameters) else { continue }
            #expect(try LyapunovEngine.divergence(of: series, parameters: parameters) == expected,
                    "length \(length), \(distinct) levels, \(parameters)")
        }
    }

    @Test("an initial eps of NaN, an infinity or below zero bounds the search as the literal grid's does", arguments: 0..<8)
    func unusualEpsilon(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &* 15_485_863)
        var curves = 0
        for radius in [Double.nan, -Double.nan, .infinity, -0.05, -20] {
            let length = Int.random(in: 40...300, using: &random)
            var value = 0.0
            let series: [Double] = (0..<length).map { _ in
                value += Double.random(in: -1...1, using: &random)
                return (value * 1000).rounded() / 1000
            }
            let parameters = LyapunovParameters(
                dimension: Int.random(in: 1...4, using: &random), delay: Int.random(in: 1...3, using: &random),
                theilerWindow: Int.random(in: 0...4, using: &random), steps: Int.random(in: 0...6, using: &random),
                initialEpsilon: .dataUnits(radius))
            guard let expected = LiteralGridReference.divergence(of: series, parameters: parameters) else { continue }
            curves += 1
            #expect(try LyapunovEngine.divergence(of: series, parameters: parameters) == expected, "length \(length), \(parameters)")
            #expect(try LyapunovEngine.divergence(of: series, parameters: parameters, threads: 2) == expected, "two threads, \(parameters)")
        }
        #expect(curves >= 2, "NaN and a negative radius give curves")
    }
}
