import SyntheticData
import ChaosPruneFormats
import Foundation
import Testing
import ChaosPruneKit

@Suite("granger numerics")
struct GrangerNumericsTests {
    @Test("pinv least squares on a rank-deficient design: minimum-norm parameters, rank and df from numpy's tolerance")
    func rankDeficientFit() {
        let x = [1.0, 2, 3, 4, 5, 7]
        let y = [2.1, 3.9, 6.2, 7.8, 10.1, 14.2]
        let design = x + x + Array(repeating: 1.0, count: 6)
        let fit = LeastSquaresFit(y: y, design: design, columns: 3)
        let full = LeastSquaresFit(y: y, design: x + Array(repeating: 1.0, count: 6), columns: 2)
        #expect(fit.rank == 2)
        #expect(fit.dfResid == 4)
        #expect(abs(fit.parameters[0] - fit.parameters[1]) < 1e-12)
        #expect(abs(fit.parameters[0] + fit.parameters[1] - full.parameters[0]) < 1e-12)
        #expect(abs(fit.ssr - full.ssr) < 1e-12)
    }

    @Test("the fast path equals the literal pinv tests, including rank-deficient periodic and sparse LE series", arguments: 0..<3)
    func fastPathMatchesLiteral(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed + 1))
        let windows = 90
        let risk = (0..<windows).map { _ in Double.random(in: 0.05...0.5, using: &random) }
        var series: [[Double]] = []
        for kind in 0..<8 {
            series.append((0..<windows).map { t in
                switch kind {
                case 0: return [0.7, 1.3][t % 2]
                case 1: return [0.5, 1.0, 1.5][t % 3]
                case 2: return t % 11 == 0 ? 1.2 : 0
                case 3: return t < 40 ? 0 : Double.random(in: 0.5...1.5, using: &random)
                default: return (Double.random(in: 0.4...1.8, using: &random) * 1e4).rounded() / 1e4
                }
            })
        }
        let context = GrangerContext(risk: risk, maxlag: 14)
        for le in series {
            let literal = GrangerCausality.test(risk: risk, le: le, maxlag: 14)
            let fast = GrangerFastPath.test(le: le, context: context)
            switch (literal, fast) {
            case let (.raised(a), .raised(b)):
                #expect(a == b)
            case let (.tested(a), .tested(b)):
                #expect(a.count == b.count)
                for (x, y) in zip(a, b) {
                    for ((name, u), (_, v)) in zip(x.named, y.named) {
                        #expect(abs(u.pValue - v.pValue) <= 1e-11, "lag \(x.lag) \(name): \(u.pValue) vs \(v.pValue)")
                    }
                }
            default:
                Issue.record("literal \(literal) vs fast \(fast)")
            }
        }
    }

    @Test("statsmodels' exceptions: NaN, too few observations, constant lag column, perfect fit")
    func exceptions() {
        let risk = (0..<60).map { 0.3 + 0.1 * sin(Double($0 * $0) * 0.37) }
        let le = (0..<60).map { 1 + 0.1 * sin(Double($0)) }
        #expect(GrangerCausality.test(risk: risk, le: le.enumerated().map { $0.offset == 5 ? .nan : $0.element }, maxlag: 3)
                == .raised(GrangerOutcome.Message.nonFinite))
        #expect(GrangerCausality.test(risk: Array(risk.prefix(43)), le: Array(le.prefix(43)), maxlag: 14)
                == .raised(GrangerOutcome.Message.insufficient(maximumLag: 13)))
        #expect(GrangerCausality.test(risk: risk, le: Array(repeating: 0, count: 60), maxlag: 3)
                == .raised(GrangerOutcome.Message.constantColumn))
        let flatAfterTen = (0..<60).map { $0 <= 10 ? 1 + 0.1 * Double($0 % 3) : 0 }
        #expect(GrangerCausality.test(risk: risk, le: flatAfterTen, maxlag: 12) == .raised(GrangerOutcome.Message.constantColumn))
        if case .tested = GrangerCausality.test(risk: risk, le: flatAfterTen, maxlag: 11) {} else { Issue.record("lags 1…11 keep a varying column") }
        let periodic = (0..<60).map { 0.2 + 0.01 * Double($0 % 7) }
        #expect(GrangerCausality.test(risk: periodic, le: le, maxlag: 8) == .raised(GrangerOutcome.Message.perfectFit))
    }

    @Test("numpy rounding: halves to even on p·10⁴ in double, not decimal rounding", arguments: [
        (0.12345, 0.1234), (0.04995, 0.05), (0.04994999, 0.0499), (0.00005, 0.0), (0.00015, 0.0001), (0.00025, 0.0002), (0.99995, 1.0),
    ])
    func numpyRounding(_ value: Double, _ expected: Double) {
        #expect(NumpyRounding.round(value, decimals: 4) == expected)
    }

    private func tested(_ p: Double) -> GrangerOutcome {
        let statistic = GrangerStatistic(statistic: 1, pValue: p)
        return .tested([GrangerLagResult(lag: 1, ssrF: statistic, ssrChiSquare: statistic, likelihoodRatio: statistic, parameterF: statistic)])
    }

    @Test("selection: p ≥ 0.05 after rounding, ascending p then index; exceptions count as p = 0")
    func selection() {
        let outcomes = [tested(0.3), tested(0.049951), tested(0.01), .raised("x"), tested(0.3), tested(0.0499)]
        let selection = NonCausalSelection(outcomes: outcomes)
        #expect(selection.minimumP == [0.3, 0.05, 0.01, 0, 0.3, 0.0499])
        #expect(selection.mask == [1, 0, 4])
        #expect(!selection.selectedAllBecauseNoneQualified)
    }

    @Test("no weight qualifying selects all weights (the [-0:] quirk), or none with fixEmpty")
    func zeroSelectedQuirk() {
        let outcomes = [tested(0.01), .raised("x"), tested(0.02)]
        let quirk = NonCausalSelection(outcomes: outcomes)
        #expect(quirk.selectedAllBecauseNoneQualified)
        #expect(quirk.mask == [1, 0, 2])
        #expect(NonCausalSelection(outcomes: outcomes, fixEmpty: true).mask.isEmpty)
    }

    @Test("the risk series maps window i to accuracy row int(W(1−o)(i+1) + W·o)")
    func riskMapping() throws {
        #expect(WindowPlan.standard.accuracyEndRow(ofWindow: 0) == 50)
        #expect(WindowPlan.standard.accuracyEndRow(ofWindow: 96) == 4370)
        let accuracy = (0..<100).map { [Double($0) / 100, 0] }
        let risk = try MisclassificationRisk.series(windows: 2, accuracy: accuracy, layout: .perStep, plan: .standard).get()
        #expect(risk == [1 - 0.49, 1 - 0.94])
        #expect(try MisclassificationRisk.series(windows: 2, accuracy: [[90], [80]], layout: .perWindow, plan: .standard).get()
                == [1 - 0.9, 1 - 0.8])
        #expect(throws: MisclassificationRisk.MisalignedAccuracy(window: 2, row: 140, rows: 100)) {
            try MisclassificationRisk.series(windows: 3, accuracy: accuracy, layout: .perStep, plan: .standard).get()
        }
    }

    @Test("Python float repr", arguments: [
        (0.0006366259695164244, "0.0006366259695164244"), (2.234303380505608e-11, "2.234303380505608e-11"), (1e-05, "1e-05"),
        (0.0001, "0.0001"), (12.0, "12.0"), (0.0, "0.0"), (1e16, "1e+16"), (123456789012345.6, "123456789012345.6"), (-0.5, "-0.5"),
    ])
    func pythonRepr(_ value: Double, _ text: String) {
        #expect(PythonFloatText.repr(value) == text)
    }

    @Test("adfuller raises on a constant series; MacKinnon's p is 1 above 2.74 and 0 below −18.83")
    func adfEdges() {
        #expect(throws: AugmentedDickeyFuller.Failure(description: "Invalid input, x is constant")) {
            try AugmentedDickeyFuller.test(Array(repeating: 0.5, count: 80))
        }
        #expect(AugmentedDickeyFuller.mackinnonP(3) == 1)
        #expect(AugmentedDickeyFuller.mackinnonP(-19) == 0)
        #expect(abs(AugmentedDickeyFuller.normalCDF(0) - 0.5) < 1e-16)
        #expect(abs(AugmentedDickeyFuller.normalCDF(-3) - 0.0013498980316300946) / 0.0013498980316300946 < 1e-14)
    }

    @Test("lag matrix: rows L…T−1, lags 1…L of each series in order, constant last")
    func lagMatrix() {
        let risk = [1.0, 2, 3, 4, 5, 6]
        let le = [10.0, 20, 30, 40, 50, 60]
        let (y, restricted, unrestricted) = GrangerCausality.design(lag: 2, risk: risk, le: le)
        #expect(y == [3, 4, 5, 6])
        #expect(restricted == [2, 3, 4, 5, 1, 2, 3, 4, 1, 1, 1, 1])
        #expect(unrestricted == [2, 3, 4, 5, 1, 2, 3, 4, 20, 30, 40, 50, 10, 20, 30, 40, 1, 1, 1, 1])
    }
}

/// `--stationarity` stops as the notebook stops, and says why.
@Suite("stationarity failures")
struct StationarityFailureTests {
    @Test("an LE series too short for the ADF regression is called too short, not constant", arguments: [
        [1.0, 2.0], [1.0, 2.0, 4.0], [0.5, -0.25, 3.0],
    ])
    func tooShort(_ series: [Double]) {
        let error = #expect(throws: StageError.self) {
            try StationarityReport(risk: series.map { $0 / 10 + 0.01 }, le: [series], threads: 1)
        }
        #expect(error?.message.contains("the LE series of weight 0 (0-based) has \(series.count) windows, too few for adfuller's regression") == true,
                "\(String(describing: error))")
    }

    @Test("a constant LE series is called constant")
    func constant() {
        let error = #expect(throws: StageError.self) {
            try StationarityReport(risk: [0.1, 0.2, 0.15, 0.3, 0.25, 0.2, 0.1, 0.3, 0.2, 0.25], le: [Array(repeating: 0.5, count: 10)], threads: 1)
        }
        #expect(error?.message.contains("is constant (every window static?)") == true, "\(String(describing: error))")
    }
}
