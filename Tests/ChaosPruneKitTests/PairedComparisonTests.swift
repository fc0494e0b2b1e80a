import ChaosPruneKit
import Testing

/// The experiment verdict's paired test against scipy's `ttest_rel` (scipy 1.16).
@Suite("paired comparison")
struct PairedComparisonTests {
    @Test("t and the two-sided p-value are scipy's ttest_rel to 1e-12", arguments: [
        ([0.91, 0.95, 0.88, 0.97, 0.93], [0.90, 0.91, 0.89, 0.92, 0.90], 2.2283440581246228, 0.08977587078380862),
        ([0.5, 0.6], [0.4, 0.45], 5.0, 0.1256659163780024),
    ])
    func matchesScipy(_ a: [Double], _ b: [Double], _ t: Double, _ p: Double) throws {
        let paired = PairedComparison(a, b)
        #expect(abs(try #require(paired.t) - t) <= 1e-12 * abs(t))
        #expect(abs(try #require(paired.p) - p) <= 1e-12)
        #expect(paired.count == a.count && paired.above + paired.below + paired.equal == a.count)
    }

    @Test("edge cases: one trial gives no test; equal differences give p 1 (all zero) or 0; a NaN gives no test")
    func edgeCases() {
        #expect(PairedComparison([0.9], [0.8]).p == nil)
        let same = PairedComparison([0.9, 0.8, 0.7], [0.9, 0.8, 0.7])
        #expect(same.p == 1 && same.equal == 3 && same.meanDifference == 0)
        let shifted = PairedComparison([0.5, 0.75], [0.25, 0.5])
        #expect(shifted.p == 0 && shifted.t == .infinity && shifted.above == 2)
        #expect(PairedComparison([0.9, .nan], [0.8, 0.7]).p == nil)
    }
}
