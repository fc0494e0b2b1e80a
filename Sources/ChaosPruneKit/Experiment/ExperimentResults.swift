import ChaosPruneFormats
import ChaosPruneSystem

/// The experiment's results table: per trial and variant, and mean ± std
/// over the trials (numpy's population std), as Markdown for the terminal and
/// CSV for the run folder.
///
/// Columns: weights pruned and their share; the first epoch whose train
/// accuracy reaches the recipe's benchmark ("never" when none does) with the
/// train and test accuracy there; the final train and test accuracy; the
/// macro F1 on the test set (at the benchmark epoch, or the last); and the
/// multiply-adds of one forward pass, the network's weights minus those held
/// at zero (biases excluded), against the dense network's.
public struct ExperimentResults: Sendable {
    /// One row of the table.
    public struct Row: Sendable {
        /// The trial, or nil for a summary row.
        public var trial: Int?
        /// The variant.
        public var variant: String
        /// The row's numbers.
        public var pruned: Double, prunedShare: Double
        public var benchmarkEpoch: Double?, trainAtBenchmark: Double?, testAtBenchmark: Double?
        public var finalTrain: Double, finalTest: Double, f1Test: Double, multiplyAdds: Double
        /// Trials that never reached the benchmark (summary rows).
        public var never = 0
    }

    /// Per-trial rows, trial by trial.
    public var rows: [Row]
    /// Mean and std rows per variant.
    public var means: [Row], deviations: [Row]
    /// Multiply-adds of the dense network's forward pass.
    public var denseMultiplyAdds: Int

    /// The table of `result` for a network whose masks index `weights` weights and
    /// whose dense forward pass takes `denseMultiplyAdds`.
    public init(_ result: ExperimentRun.Result, weights: Int, denseMultiplyAdds: Int) {
        self.denseMultiplyAdds = denseMultiplyAdds
        rows = result.trials.flatMap { trial in
            trial.variants.map { variant in
                let run = variant.result
                let atBenchmark = run.benchmarkEpoch.map { run.epochs[$0] }
                return Row(trial: trial.trial, variant: variant.name, pruned: Double(variant.pruned),
                           prunedShare: Double(variant.pruned) / Double(weights),
                           benchmarkEpoch: run.benchmarkEpoch.map(Double.init), trainAtBenchmark: atBenchmark?.train,
                           testAtBenchmark: atBenchmark?.test, finalTrain: run.epochs.last?.train ?? .nan,
                           finalTest: run.epochs.last?.test ?? .nan, f1Test: run.testMetrics.f1,
                           multiplyAdds: Double(variant.multiplyAdds))
            }
        }
        var means: [Row] = [], deviations: [Row] = []
        for variant in ExperimentRun.variants {
            let group = rows.filter { $0.variant == variant }
            guard !group.isEmpty else { continue }
            func statistics(_ values: [Double]) -> (Double, Double)? {
                guard !values.isEmpty else { return nil }
                var sum = 0.0
                for value in values { sum += value }
                let mean = sum / Double(values.count)
                var squares = 0.0
                for value in values { squares += (value - mean) * (value - mean) }
                return (mean, (squares / Double(values.count)).squareRoot())
            }
            func summary(_ pick: ((Double, Double)) -> Double) -> Row {
                func column(_ key: (Row) -> Double?) -> Double? { statistics(group.compactMap(key)).map(pick) }
                return Row(trial: nil, variant: variant, pruned: column { $0.pruned } ?? .nan, prunedShare: column { $0.prunedShare } ?? .nan,
                           benchmarkEpoch: column { $0.benchmarkEpoch }, trainAtBenchmark: column { $0.trainAtBenchmark },
                           testAtBenchmark: column { $0.testAtBenchmark }, finalTrain: column { $0.finalTrain } ?? .nan,
                           finalTest: column { $0.finalTest } ?? .nan, f1Test: column { $0.f1Test } ?? .nan,
                           multiplyAdds: column { $0.multiplyAdds } ?? .nan, never: group.filter { $0.benchmarkEpoch == nil }.count)
            }
            means.append(summary { $0.0 })
            deviations.append(summary { $0.1 })
        }
        self.means = means
        self.deviations = deviations
    }

    /// The CSV: one row per trial and variant, then `mean` and `std` rows per variant.
    public var csv: String {
        var text = "trial,variant,pruned,pruned_fraction,benchmark_epoch,train_acc_at_benchmark,test_acc_at_benchmark,final_train_acc,final_test_acc,f1_test,multiply_adds,dense_multiply_adds\n"
        func value(_ x: Double?) -> String { x.map(PythonFloatText.repr) ?? "" }
        for (label, set) in [("", rows), ("mean", means), ("std", deviations)] {
            for row in set {
                let trial = row.trial.map(String.init) ?? label
                text += [trial, row.variant, value(row.pruned), value(row.prunedShare), value(row.benchmarkEpoch), value(row.trainAtBenchmark),
                         value(row.testAtBenchmark), value(row.finalTrain), value(row.finalTest), value(row.f1Test), value(row.multiplyAdds),
                         String(denseMultiplyAdds)].joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// The Markdown table: mean ± std per variant, then every trial.
    public var markdown: String {
        func number(_ x: Double?, _ digits: Int = 4) -> String {
            guard let x, x.isFinite else { return "–" }
            return CFormat.format("%.\(digits)f", x)
        }
        func spread(_ mean: Double?, _ std: Double?, _ digits: Int = 4) -> String {
            guard let mean, mean.isFinite else { return "–" }
            return "\(number(mean, digits)) ± \(number(std, digits))"
        }
        var lines = ["| variant | pruned | pruned % | epoch to benchmark | train at it | test at it | final train | final test | macro F1 (test) | multiply-adds |",
                     "|---|---|---|---|---|---|---|---|---|---|"]
        for (mean, std) in zip(means, deviations) {
            let epoch = mean.benchmarkEpoch == nil ? "never" : spread(mean.benchmarkEpoch, std.benchmarkEpoch, 1) + (mean.never > 0 ? " (never in \(mean.never))" : "")
            lines.append("| \(mean.variant) | \(spread(mean.pruned, std.pruned, 1)) | \(spread(mean.prunedShare * 100, std.prunedShare * 100, 1)) | \(epoch) | \(spread(mean.trainAtBenchmark, std.trainAtBenchmark)) | \(spread(mean.testAtBenchmark, std.testAtBenchmark)) | \(spread(mean.finalTrain, std.finalTrain)) | \(spread(mean.finalTest, std.finalTest)) | \(spread(mean.f1Test, std.f1Test)) | \(number(mean.multiplyAdds, 1)) of \(denseMultiplyAdds) |")
        }
        lines += ["", "| trial | variant | pruned | epoch to benchmark | train at it | test at it | final train | final test | macro F1 (test) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for row in rows {
            lines.append("| \(row.trial ?? 0) | \(row.variant) | \(Int(row.pruned)) | \(row.benchmarkEpoch.map { String(Int($0)) } ?? "never") | \(number(row.trainAtBenchmark)) | \(number(row.testAtBenchmark)) | \(number(row.finalTrain)) | \(number(row.finalTest)) | \(number(row.f1Test)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

