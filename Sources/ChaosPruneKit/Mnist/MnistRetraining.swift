import ChaosPruneFormats
import ChaosPruneSystem

/// Stage 4 for MNIST (`pipeline2.py`): trains the network again from the
/// same initialisation with a mask held at zero and reports every epoch's
/// accuracies, the first epoch whose train accuracy reaches 92 %, and macro
/// precision, recall and F1.
///
/// Mirrors the script: the mask (``MnistMask``) is applied before the
/// forward pass of every step and once more after each epoch, before its
/// train then test evaluation; the metrics are computed at the benchmark
/// epoch (where the script stops) or after the last one, on the train then
/// the test loader, from the first sample of each batch unless
/// `trueMetrics`. chaosprune trains on to `epochs` either way, as it does
/// for the other recipes. The generator is consumed as torch's (§4).
public enum MnistRetraining {
    /// One run.
    public struct Request: Sendable {
        /// The samples.
        public var data: MnistData
        /// The initial parameters (state_dict order).
        public var initial: [Float]
        /// torch's seed: the trial.
        public var seed: UInt32
        /// The weights held at zero.
        public var mask: MnistMask
        /// Epochs to train.
        public var epochs: Int
        /// The train accuracy in percent that ends the script's loop.
        public var benchmark = 92.0
        /// Accuracies over the sample count instead of batches × 128.
        public var trueAccuracy = false
        /// Metrics over every sample instead of each batch's first.
        public var trueMetrics = false
        /// SGD's learning rate (0.5 in the scripts).
        public var learningRate: Float = 0.5
        /// Worker threads for the evaluations.
        public var threads = 1
        /// Called after every epoch with the epochs done.
        public var progress: (@Sendable (Int) -> Void)?

        /// Creates a request.
        public init(data: MnistData, initial: [Float], seed: UInt32, mask: MnistMask, epochs: Int) {
            self.data = data
            self.initial = initial
            self.seed = seed
            self.mask = mask
            self.epochs = epochs
        }
    }

    /// The retraining's report, and the final parameters.
    public struct Result: Sendable {
        /// Epochs, benchmark epoch, metrics, time.
        public var report: SparseRetraining.Result
        /// The parameters after the last epoch (masked).
        public var parameters: [Float]
        /// The quirks that applied.
        public var warnings: [StageWarning]
    }

    /// Runs the retraining.
    public static func run(_ request: Request) -> Result {
        var trainer = MnistTrainer(data: request.data, parameters: request.initial, seed: request.seed, learningRate: request.learningRate,
                                   threads: request.threads)
        let data = request.data
        let clock = ContinuousClock()
        let start = clock.now
        var epochs: [SparseRetraining.Epoch] = []
        var benchmarkEpoch: Int?
        var reported: (ClassificationMetrics, ClassificationMetrics, Double)?
        for epoch in 0..<request.epochs {
            let order = trainer.nextTrainingOrder()
            for batch in 0..<trainer.trainBatches {
                request.mask.apply(to: &trainer.parameters)
                trainer.step(batch: batch, of: order)
            }
            request.mask.apply(to: &trainer.parameters)
            let (train, test) = trainer.accuracies(trueDenominator: request.trueAccuracy)
            epochs.append(SparseRetraining.Epoch(train: train, test: test))
            let reaches = benchmarkEpoch == nil && train >= request.benchmark
            if reaches { benchmarkEpoch = epoch }
            if reported == nil, reaches || epoch == request.epochs - 1 {
                reported = (metrics(&trainer, .train, every: request.trueMetrics), metrics(&trainer, .test, every: request.trueMetrics),
                            (clock.now - start).seconds)
            }
            request.progress?(epoch + 1)
        }
        var warnings: [StageWarning] = []
        if request.mask.ignoredFC4 > 0 || request.mask.zeroesFC1 {
            warnings.append(.mnistMaskQuirks(fc4Ignored: request.mask.ignoredFC4, fc1Zeroed: request.mask.zeroesFC1))
        }
        if !request.trueAccuracy { warnings.append(.mnistAccuracyDenominator(train: data.trainCount, test: data.testCount)) }
        if !request.trueMetrics { warnings.append(.mnistFirstSampleMetrics(train: trainer.trainBatches, test: trainer.testBatches)) }
        let report = SparseRetraining.Result(epochs: epochs, benchmarkEpoch: benchmarkEpoch,
                                             trainMetrics: reported?.0 ?? ClassificationMetrics([]),
                                             testMetrics: reported?.1 ?? ClassificationMetrics([]), seconds: reported?.2 ?? 0)
        return Result(report: report, parameters: trainer.parameters, warnings: warnings)
    }

    /// The authors' `metrics(loader)`: a pass over the loader, scoring the
    /// first sample of each batch (or every sample).
    private static func metrics(_ trainer: inout MnistTrainer, _ loader: MnistTrainer.Loader, every: Bool) -> ClassificationMetrics {
        let order = trainer.evaluate(loader, counting: false).order
        let samples = every ? order : stride(from: 0, to: order.count, by: MnistLayout.batchSize).map { order[$0] }
        let predicted = trainer.predictions(samples)
        return ClassificationMetrics(zip(samples, predicted).map { (Int(trainer.data.labels[$0]), $1) })
    }
}
