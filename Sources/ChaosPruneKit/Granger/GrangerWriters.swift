import ChaosPruneSystem

/// The Granger stage's output files.
public enum GrangerWriters {
    /// The mask as pandas `to_csv(header=False, index=False)` writes it: one index per line.
    public static func mask(_ indices: [Int], offset: Int = 0) -> [UInt8] {
        Array(indices.map { "\($0 + offset)\n" }.joined().utf8)
    }

    /// Every statistic and p-value: `weight,lag,test,statistic,pvalue`, or
    /// `weight,,exception,,'<message>'` for a weight whose test raised —
    /// streamed into `writer` a weight at a time (never the whole text at once).
    public static func writePValues(_ outcomes: [GrangerOutcome], to writer: AtomicFileWriter) throws(SystemError) {
        try writer.write("weight,lag,test,statistic,pvalue\n")
        var line: [UInt8] = []
        for (weight, outcome) in outcomes.enumerated() {
            line.removeAll(keepingCapacity: true)
            switch outcome {
            case let .raised(message):
                line += "\(weight),,exception,,'\(message)'\n".utf8
            case let .tested(lags):
                for lag in lags {
                    for (name, value) in lag.named {
                        line += "\(weight),\(lag.lag),\(name),".utf8
                        PythonFloatText.append(value.statistic, to: &line)
                        line.append(UInt8(ascii: ","))
                        PythonFloatText.append(value.pValue, to: &line)
                        line.append(10)
                    }
                }
            }
            try writer.write(line)
        }
    }

    /// The notebook's per-weight value: `weight,min_p_rounded`.
    public static func minimumP(_ values: [Double]) -> [UInt8] {
        Array(("weight,min_p_rounded\n" + values.enumerated().map { "\($0.offset),\(PythonFloatText.repr($0.element))\n" }.joined()).utf8)
    }
}
