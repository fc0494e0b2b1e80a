import ChaosPruneFormats
import ChaosPruneSystem

/// Stage 1: trains the recipe's network from the trial's initialisation and
/// records every weight and both accuracies after every SGD step, as the
/// authors' code writes them.
///
/// Helper recipes write `pure_K.csv` (W1 then W2, repr, `\r\n`) and
/// `acc_K.csv` (test accuracy, then train, `\r\n`): a row for the initial
/// state and one after every update. diabetes writes
/// `diabetes-K_weights.csv` (the state before each update, `\n`) and
/// `train_accuracyK.csv`, `test_accuracyK.csv` (after each update, `\n`).
///
/// How it is fast: the training itself is sequential and cheap; the
/// evaluation of both sets after every step dominates. Steps are taken a
/// block at a time, each state kept; the block's states are then evaluated
/// and their rows formatted on all threads, and written in order. Memory is
/// one block, never the recording.
///
/// Postconditions: the first rows of a run do not depend on how long it is.
public enum StageOneRecording {
    /// One run.
    public struct Request {
        /// Recipe, data and initial parameters.
        public var setup: TrainingSetup
        /// Epochs to train.
        public var epochs: Int
        /// The `K` of the file names.
        public var trial: String
        /// The folder to write into (created if missing).
        public var folder: String
        /// Append to existing files, as the authors' writer does (no temporary file then; CSV only).
        public var append = false
        /// The weights file's format: the authors' CSV or a float64 `.npy` of the same values.
        public var format = RecordingFormat.csv
        /// Worker threads for the evaluation.
        public var threads = 1

        /// Creates a request.
        public init(setup: TrainingSetup, epochs: Int, trial: String, folder: String) {
            self.setup = setup
            self.epochs = epochs
            self.trial = trial
            self.folder = folder
        }
    }

    /// What a run did.
    public struct Result: Sendable {
        /// SGD steps taken.
        public var steps: Int
        /// Train and test accuracy after the last step.
        public var finalTrainAccuracy: Double, finalTestAccuracy: Double
        /// The files written.
        public var files: [String]
        /// `nonFiniteWeights` when an update overflowed; `trainingAtChance` when the network learned nothing.
        public var warnings: [StageWarning]
    }

    /// The files a recording writes in its folder: `pure_K.csv` (or `.npy`),
    /// `acc_K.csv` for Helper recipes; diabetes' three files for the framework.
    public static func fileNames(recipe: TrainingRecipe, trial: String, format: RecordingFormat = .csv) -> [String] {
        recipe.family == .helper ? ["pure_\(trial).\(format.rawValue)", "acc_\(trial).csv"]
            : ["\(recipe.name)-\(trial)_weights.\(format.rawValue)", "train_accuracy\(trial).csv", "test_accuracy\(trial).csv"]
    }

    /// The same recording in the other formats (`pure_K.npy` beside a CSV
    /// run): the earlier run's, removed once this run's files are in place so
    /// the folder holds one run. Outputs, for the output-is-not-an-input rule.
    public static func replacedRecordings(recipe: TrainingRecipe, trial: String, format: RecordingFormat) -> [String] {
        RecordingFormat.allCases.filter { $0 != format }.map { fileNames(recipe: recipe, trial: trial, format: $0)[0] }
    }

    /// Runs the recording.
    ///
    /// An update that overflows (an exp beyond ±709) is computed literally, as
    /// numpy computes it, and recorded as `inf`/`nan`; the result then warns
    /// with the first such step.
    ///
    /// - Throws: `SystemError` when a file cannot be written (nothing is left then, unless appending).
    public static func run(_ request: Request) throws -> Result {
        switch request.setup.recipe.family {
        case .helper: return try record(HelperNetwork.self, request)
        case .framework: return try record(FrameworkNetwork.self, request)
        }
    }

    private static func record<Network: NetworkArithmetic>(_ network: Network.Type, _ request: Request) throws -> Result {
        let setup = request.setup
        let shape = setup.shape
        let helper = setup.recipe.family == .helper
        let train = SampleSet(inputs: setup.data.trainInputs, targets: setup.data.trainTargets, shape: shape)
        let test = SampleSet(inputs: setup.data.testInputs, targets: setup.data.testTargets, shape: shape)
        let steps = request.epochs * train.count
        try Platform.makeFolder(request.folder)
        let paths = fileNames(recipe: setup.recipe, trial: request.trial, format: request.format).map { "\(request.folder)/\($0)" }
        let npy = request.format == .npy
        let writers = try paths.map { (path) throws(SystemError) in
            request.append ? try AtomicFileWriter(appendingTo: path) : try AtomicFileWriter(path: path)
        }
        let ending: [UInt8] = helper ? [13, 10] : [10]
        let block = 1024
        let width = shape.parameterCount
        var parameters = setup.initial.values
        var states = [Double](repeating: 0, count: (block + 1) * width)
        var accuracies = [(train: Double, test: Double)](repeating: (0, 0), count: block + 1)
        let scratch = (0...max(1, request.threads)).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: shape.scratchCount) }
        defer { scratch.forEach { $0.deallocate() } }
        let workerScratch = UncheckedSendable(value: Array(scratch.dropFirst()))
        let weightColumns = (0..<setup.initial.weightCount).map(setup.initial.offset(ofWeight:))
        var last = (train: 0.0, test: 0.0)
        var firstNonFinite: Int?
        do {
            if npy { try writers[0].write(NumpyArrayWriter.header(shape: [helper ? steps + 1 : steps, weightColumns.count], float64: true)) }
            var state = 0
            while state <= steps {
                let count = min(block, steps - state + 1)
                states.withUnsafeMutableBufferPointer { buffer in
                    parameters.withUnsafeMutableBufferPointer { p in
                        for index in 0..<count {
                            let step = state + index
                            if step > 0 {
                                train.step(Network.self, p.baseAddress!, shape, sample: (step - 1) % train.count,
                                           learningRate: setup.recipe.learningRate, scratch: scratch[0])
                            }
                            (buffer.baseAddress! + index * width).update(from: p.baseAddress!, count: width)
                            if firstNonFinite == nil, !p.allSatisfy(\.isFinite) { firstNonFinite = step }
                        }
                    }
                }
                var rows = [[UInt8]](repeating: [], count: count)
                states.withUnsafeBufferPointer { buffer in
                    accuracies.withUnsafeMutableBufferPointer { results in
                        rows.withUnsafeMutableBufferPointer { text in
                            ParallelLoop.forEachIndex(count, workers: workerScratch.value.count, chunk: 16) { worker, index in
                                let p = buffer.baseAddress! + index * width
                                let step = state + index
                                if helper || step > 0 {
                                    results[index] = (train.accuracy(Network.self, p, shape, rule: setup.recipe.accuracy, scratch: workerScratch.value[worker]),
                                                      test.accuracy(Network.self, p, shape, rule: setup.recipe.accuracy, scratch: workerScratch.value[worker]))
                                }
                                if helper || step < steps {
                                    var line: [UInt8] = []
                                    if npy {
                                        line.reserveCapacity(weightColumns.count * 8)
                                        NumpyArrayWriter.append(weightColumns.lazy.map { p[$0] }, to: &line)
                                    } else {
                                        line.reserveCapacity(weightColumns.count * 22)
                                        for (position, column) in weightColumns.enumerated() {
                                            if position > 0 { line.append(UInt8(ascii: ",")) }
                                            line += PythonFloatText.repr(p[column]).utf8
                                        }
                                        line += ending
                                    }
                                    text[index] = line
                                }
                            }
                        }
                    }
                }
                for index in 0..<count {
                    let step = state + index
                    try writers[0].write(rows[index])
                    let result = accuracies[index]
                    if helper {
                        try writers[1].write(AccuracyFile.helperLine(test: result.test, train: result.train))
                    } else if step > 0 {
                        try writers[1].write(AccuracyFile.frameworkLine(result.train))
                        try writers[2].write(AccuracyFile.frameworkLine(result.test))
                    }
                    last = result
                }
                state += count
            }
            try AtomicFileWriter.commitAll(writers)
        } catch {
            writers.forEach { $0.abandon() }
            throw error
        }
        for name in replacedRecordings(recipe: setup.recipe, trial: request.trial, format: request.format) { Platform.remove("\(request.folder)/\(name)") }
        let labels = parameters.withUnsafeBufferPointer { train.labels(Network.self, $0.baseAddress!, shape, scratch: scratch[0]) }
        let warnings = [firstNonFinite.map { StageWarning.nonFiniteWeights(step: $0) }, ChanceLevel.warning(labels: labels, accuracy: last.train)]
        return Result(steps: steps, finalTrainAccuracy: last.train, finalTestAccuracy: last.test, files: paths,
                      warnings: warnings.compactMap { $0 })
    }
}
