import ChaosPruneFormats
import ChaosPruneSystem

/// The files `retrain` writes: `epochs_K.csv` (`epoch,train_acc,test_acc`,
/// repr, `\n`) and `summary_K.json` with the keys of the command contract
/// (and, for a baseline, the mask it built, `baseline_mask_K.csv`).
public enum RetrainingReport {
    /// What the summary names: the network, its prunable weights and its benchmark.
    public struct Network: Sendable, Equatable {
        /// The recipe's name.
        public var name: String
        /// The weights a mask indexes.
        public var weights: Int
        /// The train accuracy stage 4 waits for (a fraction, or a percentage for mnist), if any.
        public var benchmark: Double?

        /// An authors' (or own-data) recipe.
        public init(_ recipe: TrainingRecipe) {
            self.init(name: recipe.name, weights: recipe.weightCount, benchmark: recipe.benchmark)
        }

        /// A network by its parts.
        public init(name: String, weights: Int, benchmark: Double?) {
            self.name = name
            self.weights = weights
            self.benchmark = benchmark
        }
    }

    /// The files `write` makes: epochs, summary and, for a baseline, its mask.
    public static func fileNames(trial: Int, baseline: Bool) -> [String] {
        ["epochs_\(trial).csv", "summary_\(trial).json"] + (baseline ? ["baseline_mask_\(trial).csv"] : [])
    }

    /// Writes a retraining's files into `folder` (created if missing; its parent must exist), all opened before any is committed.
    public static func write(_ result: SparseRetraining.Result, network: Network, trial: Int, mask: [Int], baseline: Bool,
                             into folder: String) throws(SystemError) {
        try Platform.makeFolder(folder)
        let contents = [epochs(result), Array((summary(result, network: network, trial: trial, pruned: mask.count).text() + "\n").utf8)]
            + (baseline ? [MaskFile.text(mask)] : [])
        let files = Array(zip(fileNames(trial: trial, baseline: baseline), contents))
        let writers = try files.map { (name, _) throws(SystemError) in try AtomicFileWriter(path: "\(folder)/\(name)") }
        for (writer, (_, bytes)) in zip(writers, files) { try writer.write(bytes) }
        for writer in writers { try writer.commit() }
    }

    /// `epochs_K.csv`.
    public static func epochs(_ result: SparseRetraining.Result) -> [UInt8] {
        var text = AccuracyFile.epochsHeader
        for (index, epoch) in result.epochs.enumerated() {
            text += AccuracyFile.epochLine(index, train: epoch.train, test: epoch.test)
        }
        return Array(text.utf8)
    }

    /// The summary as a JSON object.
    public static func summary(_ result: SparseRetraining.Result, network: Network, trial: Int, pruned: Int) -> JSONValue {
        let weights = network.weights
        let atBenchmark = result.benchmarkEpoch.map { result.epochs[$0] }
        let final = result.epochs.last
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        return .object([
            ("recipe", .string(network.name)), ("trial", .integer(trial)), ("weights", .integer(weights)),
            ("pruned", .integer(pruned)), ("pruned_fraction", .number(Double(pruned) / Double(weights))),
            ("epochs", .integer(result.epochs.count)), ("benchmark", number(network.benchmark)),
            ("benchmark_epoch", result.benchmarkEpoch.map(JSONValue.integer) ?? .null),
            ("train_acc_at_benchmark", number(atBenchmark?.train)), ("test_acc_at_benchmark", number(atBenchmark?.test)),
            ("final_train_acc", number(final?.train)), ("final_test_acc", number(final?.test)),
            ("precision_train", .number(result.trainMetrics.precision)), ("recall_train", .number(result.trainMetrics.recall)),
            ("f1_train", .number(result.trainMetrics.f1)), ("precision_test", .number(result.testMetrics.precision)),
            ("recall_test", .number(result.testMetrics.recall)), ("f1_test", .number(result.testMetrics.f1)),
            ("seconds", .number((result.seconds * 1000).rounded() / 1000)),
        ])
    }
}
