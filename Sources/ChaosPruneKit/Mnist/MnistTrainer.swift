import ChaosPruneSystem

/// The authors' MNIST training loop's moving parts: the parameters, torch's
/// global generator as the DataLoaders consume it (spec mnist.md §4), SGD
/// passes over the shuffled train loader and evaluation passes over either
/// loader.
///
/// Every pass takes from the generator what torch's takes — a train pass two
/// `random64` (its iterator's base seed and its permutation's seed), a test
/// pass one — whether it trains, evaluates or scores, so batch orders match
/// torch's to the bit whatever the evaluation schedule.
struct MnistTrainer {
    /// The current parameters (state_dict order).
    var parameters: [Float]
    /// torch's global generator.
    var generator: TorchGenerator
    /// The samples.
    let data: MnistData
    /// SGD's learning rate (0.5 in the authors' scripts).
    var learningRate: Float = 0.5
    /// Threads for the evaluation passes.
    var threads = 1

    private let network = MnistNetwork()
    private var workers: [MnistNetwork]

    /// A trainer as the scripts start one: `torch.manual_seed(seed)`, the
    /// network's construction (whose draws are skipped), then `parameters` loaded.
    init(data: MnistData, parameters: [Float], seed: UInt32, learningRate: Float, threads: Int) {
        var generator = TorchGenerator(seed: seed)
        generator.skip(MnistInitialisation.outputsUsed)
        self.init(data: data, parameters: parameters, generator: generator, threads: threads)
        self.learningRate = learningRate
    }

    /// A trainer from `initial` parameters and the generator after the network's construction.
    init(data: MnistData, parameters: [Float], generator: TorchGenerator, threads: Int) {
        self.data = data
        self.parameters = parameters
        self.generator = generator
        self.threads = max(1, threads)
        workers = (0..<max(1, threads)).map { _ in MnistNetwork() }
    }

    /// Train batches per epoch (the last one partial).
    var trainBatches: Int { MnistLayout.batches(data.trainCount) }
    /// Test batches.
    var testBatches: Int { MnistLayout.batches(data.testCount) }

    /// The permutation of the next training pass.
    mutating func nextTrainingOrder() -> [Int] { generator.loaderPass(shuffled: data.trainCount)! }

    /// One SGD step on the samples `order[batch·128 …]`.
    mutating func step(batch: Int, of order: [Int]) {
        let samples = order[(batch * MnistLayout.batchSize)..<min(order.count, (batch + 1) * MnistLayout.batchSize)]
        network.gather(data, samples: samples)
        let labels = samples.map { data.labels[$0] }
        let rate = learningRate
        parameters.withUnsafeMutableBufferPointer { network.step(labels: labels, parameters: $0.baseAddress!, learningRate: rate) }
    }

    /// The two DataLoaders.
    enum Loader {
        case train, test
    }

    /// A pass over `set`: the generator advances as torch's loader does;
    /// returns the correctly classified samples (0 unless `counting`) and the
    /// pass's sample order.
    mutating func evaluate(_ set: Loader, counting: Bool = true) -> (correct: Int, order: [Int]) {
        let order: [Int], samples: Range<Int>
        switch set {
        case .train:
            order = generator.loaderPass(shuffled: data.trainCount)!
            samples = 0..<data.trainCount
        case .test:
            _ = generator.loaderPass(shuffled: nil)
            samples = data.trainCount..<data.count
            order = Array(samples)
        }
        return (counting ? correctCount(Array(samples)) : 0, order)
    }

    /// A train then a test evaluation pass: both accuracies in percent
    /// (``MnistAccuracy``), 0 without `counting`.
    mutating func accuracies(trueDenominator: Bool, counting: Bool = true) -> (train: Double, test: Double) {
        let train = evaluate(.train, counting: counting).correct, test = evaluate(.test, counting: counting).correct
        return (MnistAccuracy.percent(correct: train, samples: data.trainCount, trueDenominator: trueDenominator),
                MnistAccuracy.percent(correct: test, samples: data.testCount, trueDenominator: trueDenominator))
    }

    /// The predicted class of each sample of `samples` (a run of consecutive
    /// samples is read in place, others gathered batch by batch).
    func predictions(_ samples: [Int]) -> [Int] {
        var result = [Int](repeating: 0, count: samples.count)
        let chunks = MnistLayout.batches(samples.count)
        let used = max(1, min(threads, chunks))
        let pool = UncheckedSendable(value: workers)
        let consecutive = samples.indices.allSatisfy { samples[$0] == samples[0] + $0 }
        parameters.withUnsafeBufferPointer { p in
            for network in workers.prefix(used) { network.load(p.baseAddress!) }
            data.pixels.withUnsafeBufferPointer { pixels in
                result.withUnsafeMutableBufferPointer { out in
                    ParallelLoop.forEachIndex(chunks, workers: used, chunk: 1) { worker, chunk in
                        let network = pool.value[worker]
                        let range = (chunk * MnistLayout.batchSize)..<min(samples.count, (chunk + 1) * MnistLayout.batchSize)
                        if consecutive {
                            network.forward(pixels.baseAddress! + (samples[0] + range.lowerBound) * MnistLayout.inputs, rows: range.count,
                                            parameters: p.baseAddress!)
                        } else {
                            network.gather(data, samples: samples[range])
                            network.forward(rows: range.count, parameters: p.baseAddress!)
                        }
                        for (row, index) in range.enumerated() { out[index] = network.prediction(row: row) }
                    }
                }
            }
        }
        return result
    }

    /// How many of `samples` the current parameters classify correctly.
    func correctCount(_ samples: [Int]) -> Int {
        zip(predictions(samples), samples).reduce(0) { $0 + ($1.0 == Int(data.labels[$1.1]) ? 1 : 0) }
    }
}
