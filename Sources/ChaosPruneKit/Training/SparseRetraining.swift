import ChaosPruneSystem

/// Stage 4: trains the recipe's network again from the same initialisation
/// with the masked weights held at zero, and reports every epoch's
/// accuracies, the epoch that reaches the benchmark, and macro metrics.
///
/// Mirrors `Testing.ipynb` for the Helper recipes (masked weights zeroed at
/// the start and after every update; after each epoch the test then the train
/// accuracy; the benchmark epoch is the first whose train accuracy ≥ the
/// recipe's benchmark; metrics with the weights at the end of that epoch, or
/// of the last one) and the framework for diabetes (masked weights zeroed
/// before every forward pass only, so each evaluation sees their last SGD
/// update; no benchmark; metrics at the last epoch). With no mask the run is
/// the dense baseline. chaosprune trains on to the last epoch either way.
public enum SparseRetraining {
    /// One run.
    public struct Request: Sendable {
        /// Recipe, data and initial parameters.
        public var setup: TrainingSetup
        /// 0-based weight indices to hold at zero (empty: dense).
        public var mask: [Int]
        /// Epochs to train.
        public var epochs: Int

        /// Creates a request.
        public init(setup: TrainingSetup, mask: [Int], epochs: Int) {
            self.setup = setup
            self.mask = mask
            self.epochs = epochs
        }
    }

    /// One epoch's accuracies.
    public struct Epoch: Sendable, Equatable {
        /// Accuracy on the training and on the test set.
        public var train: Double, test: Double
    }

    /// What a run gives.
    public struct Result: Sendable {
        /// Every epoch's accuracies.
        public var epochs: [Epoch]
        /// The first epoch whose train accuracy reaches the benchmark.
        public var benchmarkEpoch: Int?
        /// Macro metrics on the training and the test set, at the benchmark epoch or the last.
        public var trainMetrics: ClassificationMetrics, testMetrics: ClassificationMetrics
        /// Seconds from the start of epoch 0 to the end of the reported epoch's evaluation.
        public var seconds: Double
    }

    /// Runs the retraining.
    public static func run(_ request: Request) -> Result {
        switch request.setup.recipe.family {
        case .helper: return train(HelperNetwork.self, request, reZero: true)
        case .framework: return train(FrameworkNetwork.self, request, reZero: false)
        }
    }

    private static func train<Network: NetworkArithmetic>(_ network: Network.Type, _ request: Request, reZero: Bool) -> Result {
        let setup = request.setup
        let shape = setup.shape
        let trainSet = SampleSet(inputs: setup.data.trainInputs, targets: setup.data.trainTargets, shape: shape)
        let testSet = SampleSet(inputs: setup.data.testInputs, targets: setup.data.testTargets, shape: shape)
        let masked = request.mask.map(setup.initial.offset(ofWeight:))
        var parameters = setup.initial.values
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: shape.scratchCount)
        defer { scratch.deallocate() }
        let clock = ContinuousClock()
        let start = clock.now
        var epochs: [Epoch] = []
        var reported: (epoch: Int, metrics: (ClassificationMetrics, ClassificationMetrics), seconds: Double)?
        parameters.withUnsafeMutableBufferPointer { p in
            let base = p.baseAddress!
            for index in masked { base[index] = 0 }
            for epoch in 0..<request.epochs {
                for sample in 0..<trainSet.count {
                    if !reZero { for index in masked { base[index] = 0 } }
                    trainSet.step(Network.self, base, shape, sample: sample, learningRate: setup.recipe.learningRate, scratch: scratch)
                    if reZero { for index in masked { base[index] = 0 } }
                }
                let test = testSet.accuracy(Network.self, base, shape, rule: setup.recipe.accuracy, scratch: scratch)
                let train = trainSet.accuracy(Network.self, base, shape, rule: setup.recipe.accuracy, scratch: scratch)
                epochs.append(Epoch(train: train, test: test))
                let reachesBenchmark = reported == nil && setup.recipe.benchmark.map { train >= $0 } == true
                if reachesBenchmark || (epoch == request.epochs - 1 && reported == nil) {
                    let metrics = (ClassificationMetrics(trainSet.labels(Network.self, base, shape, scratch: scratch)),
                                   ClassificationMetrics(testSet.labels(Network.self, base, shape, scratch: scratch)))
                    reported = (epoch, metrics, (clock.now - start).seconds)
                }
            }
        }
        let benchmarkEpoch = setup.recipe.benchmark.flatMap { benchmark in epochs.firstIndex { $0.train >= benchmark } }
        let metrics = reported?.metrics ?? (ClassificationMetrics([]), ClassificationMetrics([]))
        return Result(epochs: epochs, benchmarkEpoch: benchmarkEpoch, trainMetrics: metrics.0, testMetrics: metrics.1,
                      seconds: reported?.seconds ?? 0)
    }
}
