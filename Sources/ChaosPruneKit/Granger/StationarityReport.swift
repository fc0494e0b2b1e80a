import ChaosPruneFormats
import ChaosPruneSystem

/// The notebook's `stat=True` step before the Granger tests.
///
/// Mirrors: the ADF p-value (`AugmentedDickeyFuller`) of every LE series and of
/// the risk series; every LE series is differenced once if ANY has p > 0.05;
/// the risk series is differenced if its p ≥ 0.05. When only one side is
/// differenced their lengths differ and numpy raises for every weight — the
/// notebook then gives every weight p = 0, and so (k = 0) selects all weights.
/// A constant series makes statsmodels' `adfuller` raise, which the notebook
/// does not catch: the stage stops, here with an error naming the series.
public struct StationarityReport: Sendable {
    /// ADF p-value per LE series.
    public var leP: [Double]
    /// ADF p-value of the risk series.
    public var riskP: Double
    /// Whether the LE series are differenced (some p > 0.05).
    public var leDifferenced: Bool
    /// Whether the risk series is differenced (p ≥ 0.05).
    public var riskDifferenced: Bool

    /// The reference's length-mismatch quirk fires.
    public var lengthsDiffer: Bool { leDifferenced != riskDifferenced }

    /// Runs the ADF tests.
    ///
    /// Fails fast, before the heavy fits, with the error the notebook would
    /// stop at: `adfuller` raises only on a constant series or one too short
    /// for its regression (the same length for every series), so the first
    /// constant LE series, then weight 0's own failure, then a constant risk
    /// series decide the outcome exactly as running them in order would.
    public init(risk: [Double], le: [[Double]], threads: Int) throws(StageError) {
        let isConstant = { (series: [Double]) in series.allSatisfy { $0 == series.first } }
        func leFailure(_ weight: Int, _ description: String) -> StageError {
            let what = isConstant(le[weight]) ? "is constant (every window static?)"
                : "has \(le[weight].count) windows, too few for adfuller's regression"
            return StageError("--stationarity: the LE series of weight \(weight) (0-based) \(what): statsmodels' adfuller raises '\(description)' and the notebook stops there")
        }
        func riskFailure(_ description: String) -> StageError {
            StageError("--stationarity: the misclassification risk series is constant: statsmodels' adfuller raises '\(description)' and the notebook stops there")
        }
        for weight in [le.firstIndex(where: isConstant), le.isEmpty ? nil : 0].compactMap({ $0 }) {
            do throws(AugmentedDickeyFuller.Failure) {
                _ = try AugmentedDickeyFuller.test(le[weight])
            } catch {
                throw leFailure(weight, error.description)
            }
        }
        if isConstant(risk) {
            do throws(AugmentedDickeyFuller.Failure) {
                _ = try AugmentedDickeyFuller.test(risk)
            } catch {
                throw riskFailure(error.description)
            }
        }
        var values = [Double](repeating: 0, count: le.count)
        var failures = [String?](repeating: nil, count: le.count)
        values.withUnsafeMutableBufferPointer { values in
            failures.withUnsafeMutableBufferPointer { failures in
                ParallelLoop.forEachIndex(le.count, workers: threads) { _, weight in
                    do throws(AugmentedDickeyFuller.Failure) {
                        values[weight] = try AugmentedDickeyFuller.test(le[weight]).pValue
                    } catch {
                        failures[weight] = error.description
                    }
                }
            }
        }
        if let weight = failures.firstIndex(where: { $0 != nil }), let description = failures[weight] {
            throw leFailure(weight, description)
        }
        do throws(AugmentedDickeyFuller.Failure) {
            riskP = try AugmentedDickeyFuller.test(risk).pValue
        } catch {
            throw riskFailure(error.description)
        }
        leP = values
        leDifferenced = values.contains { $0 > 0.05 }
        riskDifferenced = riskP >= 0.05
    }

    /// `series,index,pvalue` rows: every LE series, then `mis_risk,-1`.
    public var csv: [UInt8] {
        var text = "series,index,pvalue\n"
        for (index, p) in leP.enumerated() { text += "le,\(index),\(PythonFloatText.repr(p))\n" }
        text += "mis_risk,-1,\(PythonFloatText.repr(riskP))\n"
        return Array(text.utf8)
    }
}
