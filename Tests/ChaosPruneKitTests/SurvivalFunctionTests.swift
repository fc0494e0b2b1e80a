import Foundation
import Testing
import TestSupport
import ChaosPruneKit

/// χ² and F survival functions against values tabulated with scipy and with
/// mpmath at 40 digits (`notebooks-port/make_distribution_table.py`).
///
/// Measured: within 1.4e-14 (χ²) and 1.1e-13 (F; 2.6e-14 where sf ≥ 1e-20)
/// of the exact values; scipy itself is up to 8.6e-14 from them, so against
/// scipy the bound is the sum.
@Suite("distributions")
struct SurvivalFunctionTests {
    struct Row: Sendable {
        var kind: String
        var statistic: Double
        var df1: Double
        var df2: Double
        var scipy: Double
        var expected: Double
    }

    static let table: [Row] = {
        let text = (try? String(contentsOf: TestSupport.fixtures.appendingPathComponent("distributions_scipy.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(kind: f[0], statistic: Double(f[1])!, df1: Double(f[2])!, df2: Double(f[3]) ?? 0, scipy: Double(f[4])!, expected: Double(f[5])!)
        }
    }()

    private func actual(_ row: Row) -> Double {
        row.kind == "chi2"
            ? SurvivalFunctions.chiSquare(row.statistic, degreesOfFreedom: row.df1)
            : SurvivalFunctions.f(row.statistic, numerator: row.df1, denominator: row.df2)
    }

    private func worst(_ kind: String, against reference: (Row) -> Double) -> Double {
        Self.table.filter { $0.kind == kind && $0.expected > 1e-300 }
            .map { abs(actual($0) - reference($0)) / reference($0) }.max() ?? .nan
    }

    @Test("chi-square sf within 2e-14 relative of the exact value, 1e-13 of scipy")
    func chiSquare() {
        #expect(Self.table.filter { $0.kind == "chi2" }.count == 600)
        #expect(worst("chi2") { $0.expected } < 2e-14)
        #expect(worst("chi2") { $0.scipy } < 1e-13)
    }

    @Test("F sf within 1.2e-13 relative of the exact value, 2e-13 of scipy; 3e-14 where sf ≥ 1e-20")
    func fDistribution() {
        #expect(Self.table.filter { $0.kind == "f" }.count == 1581)
        #expect(worst("f") { $0.expected } < 1.2e-13)
        #expect(worst("f") { $0.scipy } < 2e-13)
        let bulk = Self.table.filter { $0.kind == "f" && $0.expected >= 1e-20 }
        #expect((bulk.map { abs(actual($0) - $0.expected) / $0.expected }.max() ?? .nan) < 3e-14)
    }

    @Test("edge cases follow scipy: x ≤ 0 → 1, ∞ → 0, NaN → NaN")
    func edges() {
        #expect(SurvivalFunctions.chiSquare(0, degreesOfFreedom: 3) == 1)
        #expect(SurvivalFunctions.chiSquare(-1, degreesOfFreedom: 3) == 1)
        #expect(SurvivalFunctions.chiSquare(.infinity, degreesOfFreedom: 3) == 0)
        #expect(SurvivalFunctions.chiSquare(.nan, degreesOfFreedom: 3).isNaN)
        #expect(SurvivalFunctions.f(0, numerator: 2, denominator: 10) == 1)
        #expect(SurvivalFunctions.f(.infinity, numerator: 2, denominator: 10) == 0)
    }
}
