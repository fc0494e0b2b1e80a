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
/// at zero (biases excluded), against the dense network's. Without a
/// benchmark the benchmark columns say "no benchmark". A variant for which
/// Granger found no non-causal weight prunes nothing and says so.
///
/// The verdict: FT and PT against dense, magnitude and random, on the final
/// test accuracy and the test macro F1, each a ``PairedComparison`` over the
/// trials (mean difference ± sample std, trials above/below, paired t-test).
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
        /// Trials whose Granger run found no non-causal weight for this variant (1 or 0 in a trial's row).
        public var noNonCausalWeight = 0
    }

    /// One paired comparison of the verdict.
    public struct Comparison: Sendable {
        /// The variant compared (`FT`, `PT`) and the one it is compared with.
        public var variant: String, against: String
        /// `final test accuracy` or `macro F1 (test)`.
        public var metric: String
        /// The comparison over the trials.
        public var paired: PairedComparison
    }

    /// The comparisons the verdict makes, and the metrics it compares.
    public static let verdictPairs = [("FT", "dense"), ("FT", "magnitude"), ("FT", "random"), ("PT", "dense"), ("PT", "magnitude"), ("PT", "random")]
    /// The significance level the verdict reads p-values at.
    public static let verdictLevel = 0.05

    /// Per-trial rows, trial by trial.
    public var rows: [Row]
    /// Mean and std rows per variant.
    public var means: [Row], deviations: [Row]
    /// Multiply-adds of the dense network's forward pass.
    public var denseMultiplyAdds: Int
    /// Whether the runs had a benchmark to reach.
    public var hasBenchmark: Bool
    /// The verdict's comparisons, in `verdictPairs` order, final test accuracy then F1 for each.
    public var verdict: [Comparison]

    /// The table of `result` for a network whose masks index `weights` weights and
    /// whose dense forward pass takes `denseMultiplyAdds`; `hasBenchmark` false: no benchmark was set.
    public init(_ result: ExperimentRun.Result, weights: Int, denseMultiplyAdds: Int, hasBenchmark: Bool = true) {
        self.denseMultiplyAdds = denseMultiplyAdds
        self.hasBenchmark = hasBenchmark
        rows = result.trials.flatMap { trial in
            trial.variants.map { variant in
                let run = variant.result
                let atBenchmark = run.benchmarkEpoch.map { run.epochs[$0] }
                return Row(trial: trial.trial, variant: variant.name, pruned: Double(variant.pruned),
                           prunedShare: Double(variant.pruned) / Double(weights),
                           benchmarkEpoch: run.benchmarkEpoch.map(Double.init), trainAtBenchmark: atBenchmark?.train,
                           testAtBenchmark: atBenchmark?.test, finalTrain: run.epochs.last?.train ?? .nan,
                           finalTest: run.epochs.last?.test ?? .nan, f1Test: run.testMetrics.f1,
                           multiplyAdds: Double(variant.multiplyAdds), noNonCausalWeight: variant.noNonCausalWeight ? 1 : 0)
            }
        }
        var comparisons: [Comparison] = []
        for (variant, against) in Self.verdictPairs {
            let pairs = result.trials.compactMap { trial -> (ExperimentRun.Variant, ExperimentRun.Variant)? in
                guard let a = trial.variants.first(where: { $0.name == variant }), let b = trial.variants.first(where: { $0.name == against }) else { return nil }
                return (a, b)
            }
            guard !pairs.isEmpty else { continue }
            let finalTest = { (run: SparseRetraining.Result) in run.epochs.last?.test ?? .nan }
            comparisons.append(Comparison(variant: variant, against: against, metric: "final test accuracy",
                                          paired: PairedComparison(pairs.map { finalTest($0.0.result) }, pairs.map { finalTest($0.1.result) })))
            comparisons.append(Comparison(variant: variant, against: against, metric: "macro F1 (test)",
                                          paired: PairedComparison(pairs.map(\.0.result.testMetrics.f1), pairs.map(\.1.result.testMetrics.f1))))
        }
        verdict = comparisons
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
                           multiplyAdds: column { $0.multiplyAdds } ?? .nan, never: group.filter { $0.benchmarkEpoch == nil }.count,
                           noNonCausalWeight: group.reduce(0) { $0 + $1.noNonCausalWeight })
            }
            means.append(summary { $0.0 })
            deviations.append(summary { $0.1 })
        }
        self.means = means
        self.deviations = deviations
    }

    /// The CSV: one row per trial and variant, then `mean` and `std` rows per variant
    /// (`no_noncausal_weight`: 1 or 0 per trial, the count of such trials in `mean` rows).
    public var csv: String {
        var text = "trial,variant,pruned,pruned_fraction,benchmark_epoch,train_acc_at_benchmark,test_acc_at_benchmark,final_train_acc,final_test_acc,f1_test,multiply_adds,dense_multiply_adds,no_noncausal_weight\n"
        for (label, set) in [("", rows), ("mean", means), ("std", deviations)] {
            for row in set {
                let trial = row.trial.map(String.init) ?? label
                text += [trial, row.variant, Self.field(row.pruned), Self.field(row.prunedShare), Self.field(row.benchmarkEpoch), Self.field(row.trainAtBenchmark),
                         Self.field(row.testAtBenchmark), Self.field(row.finalTrain), Self.field(row.finalTest), Self.field(row.f1Test), Self.field(row.multiplyAdds),
                         String(denseMultiplyAdds), label == "std" ? "" : String(row.noNonCausalWeight)].joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// The verdict as CSV: one row per comparison and metric (`p` and `t` empty with fewer than two trials).
    public var verdictCSV: String {
        var text = "variant,against,metric,trials,mean_difference,std_difference,above,below,equal,t,p\n"
        for item in verdict {
            let paired = item.paired
            text += [item.variant, item.against, item.metric, String(paired.count), Self.field(paired.meanDifference), Self.field(paired.standardDeviation),
                     String(paired.above), String(paired.below), String(paired.equal), Self.field(paired.t), Self.field(paired.p)].joined(separator: ",") + "\n"
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
        let none = "no benchmark"
        for (mean, std) in zip(means, deviations) {
            let epoch = !hasBenchmark ? none : mean.benchmarkEpoch == nil ? "never" : spread(mean.benchmarkEpoch, std.benchmarkEpoch, 1) + (mean.never > 0 ? " (never in \(mean.never))" : "")
            let atBenchmark = hasBenchmark ? (spread(mean.trainAtBenchmark, std.trainAtBenchmark), spread(mean.testAtBenchmark, std.testAtBenchmark)) : (none, none)
            let pruned = spread(mean.pruned, std.pruned, 1) + (mean.noNonCausalWeight > 0 ? " (no non-causal weight in \(mean.noNonCausalWeight))" : "")
            lines.append("| \(mean.variant) | \(pruned) | \(spread(mean.prunedShare * 100, std.prunedShare * 100, 1)) | \(epoch) | \(atBenchmark.0) | \(atBenchmark.1) | \(spread(mean.finalTrain, std.finalTrain)) | \(spread(mean.finalTest, std.finalTest)) | \(spread(mean.f1Test, std.f1Test)) | \(number(mean.multiplyAdds, 1)) of \(denseMultiplyAdds) |")
        }
        if !verdict.isEmpty {
            lines += ["", "| comparison | metric | mean difference ± std | trials above / below / equal | paired t-test p | reading |",
                      "|---|---|---|---|---|---|"]
            for item in verdict {
                let paired = item.paired
                lines.append("| \(item.variant) − \(item.against) | \(item.metric) | \(spread(paired.meanDifference, paired.standardDeviation)) | \(paired.above) / \(paired.below) / \(paired.equal) | \(paired.p.map { CFormat.format("%.4g", $0) } ?? "–") | \(Self.reading(paired)) |")
            }
        }
        lines += ["", "| trial | variant | pruned | epoch to benchmark | train at it | test at it | final train | final test | macro F1 (test) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for row in rows {
            let pruned = "\(Int(row.pruned))" + (row.noNonCausalWeight > 0 ? " (no non-causal weight)" : "")
            let epoch = !hasBenchmark ? none : row.benchmarkEpoch.map { String(Int($0)) } ?? "never"
            let atBenchmark = hasBenchmark ? (number(row.trainAtBenchmark), number(row.testAtBenchmark)) : (none, none)
            lines.append("| \(row.trial ?? 0) | \(row.variant) | \(pruned) | \(epoch) | \(atBenchmark.0) | \(atBenchmark.1) | \(number(row.finalTrain)) | \(number(row.finalTest)) | \(number(row.f1Test)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field: Python's repr of `x`, empty for nil.
    private static func field(_ x: Double?) -> String { x.map(PythonFloatText.repr) ?? "" }

    /// The verdict's words for one comparison at ``verdictLevel``.
    static func reading(_ paired: PairedComparison) -> String {
        guard let p = paired.p else { return paired.count < 2 ? "needs two or more trials" : "no test (a result is not a number)" }
        if paired.meanDifference == 0, paired.standardDeviation == 0 { return "identical in every trial" }
        guard p < verdictLevel else { return "no significant difference (p ≥ \(PythonFloatText.repr(verdictLevel)))" }
        return paired.meanDifference > 0 ? "higher (p < \(PythonFloatText.repr(verdictLevel)))" : "lower (p < \(PythonFloatText.repr(verdictLevel)))"
    }
}

