import ChaosPruneFormats
import ChaosPruneSystem

/// The Granger stage's output files.
public enum GrangerWriters {
    /// Every statistic and p-value: `weight,lag,test,statistic,pvalue`, or
    /// `weight,,exception,,'<message>'` for a weight whose test raised —
    /// formatted on `threads` threads a block of weights at a time and streamed
    /// into `writer` in weight order (never the whole text at once).
    public static func writePValues(_ outcomes: [GrangerOutcome], to writer: AtomicFileWriter, threads: Int = 1) throws(SystemError) {
        try writer.write("weight,lag,test,statistic,pvalue\n")
        let chunk = 256
        let chunksPerBlock = max(1, threads) * 4
        var texts = [[UInt8]](repeating: [], count: chunksPerBlock)
        var first = 0
        while first < outcomes.count {
            let blockStart = first
            let chunks = min(chunksPerBlock, (outcomes.count - blockStart + chunk - 1) / chunk)
            texts.withUnsafeMutableBufferPointer { texts in
                ParallelLoop.forEachIndex(chunks, workers: threads) { _, index in
                    texts[index].removeAll(keepingCapacity: true)
                    let start = blockStart + index * chunk
                    for weight in start..<min(outcomes.count, start + chunk) {
                        appendPValues(of: outcomes[weight], weight: weight, to: &texts[index])
                    }
                }
            }
            for index in 0..<chunks { try writer.write(texts[index]) }
            first = min(outcomes.count, blockStart + chunks * chunk)
        }
    }

    /// One weight's lines of the p-value file.
    private static func appendPValues(of outcome: GrangerOutcome, weight: Int, to line: inout [UInt8]) {
        switch outcome {
        case let .raised(message):
            line += "\(weight),,exception,,'\(message)'\n".utf8
        case let .tested(lags):
            for lag in lags {
                for (name, value) in lag.named {
                    IntegerText.append(weight, to: &line)
                    line.append(UInt8(ascii: ","))
                    IntegerText.append(lag.lag, to: &line)
                    line.append(UInt8(ascii: ","))
                    line += name.utf8
                    line.append(UInt8(ascii: ","))
                    PythonFloatText.append(value.statistic, to: &line)
                    line.append(UInt8(ascii: ","))
                    PythonFloatText.append(value.pValue, to: &line)
                    line.append(10)
                }
            }
        }
    }

    /// The notebook's per-weight value: `weight,min_p_rounded`.
    public static func minimumP(_ values: [Double]) -> [UInt8] {
        Array(("weight,min_p_rounded\n" + values.enumerated().map { "\($0.offset),\(PythonFloatText.repr($0.element))\n" }.joined()).utf8)
    }
}
