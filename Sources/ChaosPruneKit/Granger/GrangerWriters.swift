/// The Granger stage's output files.
public enum GrangerWriters {
    /// The mask as pandas `to_csv(header=False, index=False)` writes it: one index per line.
    public static func mask(_ indices: [Int], offset: Int = 0) -> [UInt8] {
        Array(indices.map { "\($0 + offset)\n" }.joined().utf8)
    }

    /// Every statistic and p-value: `weight,lag,test,statistic,pvalue`, or
    /// `weight,,exception,,'<message>'` for a weight whose test raised.
    public static func pValues(_ outcomes: [GrangerOutcome]) -> [UInt8] {
        var text = "weight,lag,test,statistic,pvalue\n"
        for (weight, outcome) in outcomes.enumerated() {
            switch outcome {
            case let .raised(message):
                text += "\(weight),,exception,,'\(message)'\n"
            case let .tested(lags):
                for lag in lags {
                    for (name, value) in lag.named {
                        text += "\(weight),\(lag.lag),\(name),\(PythonFloatText.repr(value.statistic)),\(PythonFloatText.repr(value.pValue))\n"
                    }
                }
            }
        }
        return Array(text.utf8)
    }

    /// The notebook's per-weight value: `weight,min_p_rounded`.
    public static func minimumP(_ values: [Double]) -> [UInt8] {
        Array(("weight,min_p_rounded\n" + values.enumerated().map { "\($0.offset),\(PythonFloatText.repr($0.element))\n" }.joined()).utf8)
    }
}
