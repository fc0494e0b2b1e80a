import SyntheticData
import Testing
import ChaosPruneKit

/// The ADF lag search's one-QR residual sums against one pinv fit per prefix.
@Suite("prefix least squares")
struct PrefixLeastSquaresTests {
    @Test("every prefix's SSR equals the pinv fit's to 1e-12 relative", arguments: 0..<8)
    func matchesFits(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 77)
        let rows = Int.random(in: 30...420, using: &random)
        let count = Int.random(in: 1...20, using: &random)
        let columns = (0..<count).map { column in
            (0..<rows).map { _ in column == 0 ? 1 : Double.random(in: -1...1, using: &random) }
        }
        let y = (0..<rows).map { _ in Double.random(in: -2...2, using: &random) }
        let sums = try #require(PrefixLeastSquares.residualSums(y: y, columns: columns))
        for prefix in 1...count {
            let fit = LeastSquaresFit(y: y, design: Array(columns.prefix(prefix).joined()), columns: prefix)
            #expect(abs(sums[prefix - 1] - fit.ssr) <= 1e-12 * fit.ssr, "prefix \(prefix): \(sums[prefix - 1]) vs \(fit.ssr)")
        }
    }

    @Test("a column repeating an earlier one, or more columns than rows, leaves the decision to the exact fits")
    func refusesDeficientDesigns() {
        let a = (0..<50).map { Double($0 % 7) }
        #expect(PrefixLeastSquares.residualSums(y: a, columns: [Array(repeating: 1, count: 50), a, a]) == nil)
        #expect(PrefixLeastSquares.residualSums(y: [1, 2], columns: [[1, 1], [1, 2], [3, 1]]) == nil)
    }
}
