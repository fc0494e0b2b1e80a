import ChaosPruneFormats
import Foundation
import Testing
import TestSupport
import ChaosPruneKit

/// The pieces of the authors' training arithmetic that fixtures pin individually.
@Suite("training arithmetic")
struct TrainingArithmeticTests {
    @Test("MT19937 seed 42: numpy's first outputs and permutation(10)")
    func mersenneTwister() {
        var generator = MersenneTwister(seed: 42)
        #expect((0..<5).map { _ in generator.next() } == [1_608_637_542, 3_421_126_067, 4_083_286_876, 787_846_414, 3_143_890_026])
        var fresh = MersenneTwister(seed: 42)
        #expect(fresh.permutation(10) == [8, 1, 5, 0, 7, 2, 9, 4, 3, 6])
    }

    @Test("permutation(n) equals numpy's for every n the recipes use", arguments: [150, 683, 767, 891, 1372])
    func permutations(_ count: Int) throws {
        let text = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("training/shuffle/perm_seed42_\(count).txt"), encoding: .utf8)
        var generator = MersenneTwister(seed: 42)
        #expect(generator.permutation(count) == text.split(separator: "\n").map { Int($0)! })
    }

    @Test("numpy's pairwise sum: plain below 8, eight partial sums up to 128, split above")
    func pairwise() {
        let values = (0..<300).map { 1 / Double($0 + 3) }
        var plain = 0.0
        for value in values.prefix(7) { plain += value }
        #expect(PairwiseSum.sum(values.prefix(7)) == plain)
        var r = Array(values[0..<8])
        for start in stride(from: 8, to: 120, by: 8) { for k in 0..<8 { r[k] += values[start + k] } }
        var expected = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        for index in 120..<123 { expected += values[index] }
        #expect(PairwiseSum.sum(values.prefix(123)) == expected)
        #expect(PairwiseSum.sum(values[...]) == PairwiseSum.sum(values[0..<144]) + PairwiseSum.sum(values[144...]))
    }

    @Test("scalers: a constant column keeps scale 1; MinMax is x·scale + shift")
    func scalers() {
        #expect(FeatureScaling.standardise([3, 3, 3], summation: .sequential) == [0, 0, 0])
        #expect(FeatureScaling.minMax([2, 4, 6]) == [0, 0.5, 1])
        #expect(FeatureScaling.minMax([5, 5]) == [0, 0])
    }

    @Test("macro metrics as scikit-learn ≥ 1.3: a class never predicted counts 0")
    func metrics() {
        let metrics = ClassificationMetrics([(0, 0), (0, 0), (1, 0), (1, 1)])
        let precision: Double = (2.0 / 3 + 1) / 2
        let recall: Double = (1 + 0.5) / 2
        let first: Double = 4.0 / 5
        let second: Double = 2.0 / 3
        #expect(metrics.precision == precision)
        #expect(metrics.recall == recall)
        #expect(metrics.f1 == (first + second) / 2)
        #expect(ClassificationMetrics([(0, 1), (0, 1)]).precision == 0)
    }

    @Test("the certified shortcut's exponential is within 2e-7 relative of exp (its σ within 1e-6 absolute)")
    func approximateExponential() {
        for x in stride(from: -700.0, through: 700.0, by: 0.173) {
            let lanes = CertifiedDecision.approximateExp(SIMD4(repeating: x))
            let exact = Foundation.exp(x)
            #expect(abs(lanes[0] - exact) <= 2e-7 * exact, "x = \(x)")
        }
    }
}
