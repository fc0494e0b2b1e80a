import ChaosPruneFormats
import ChaosPruneSystem

/// Stage 1 for MNIST (`pipeline.py`): trains the network with the authors'
/// schedule and records the weights before every SGD step, the 25
/// window-end accuracies and every epoch's accuracies.
///
/// Records what the authors' recorder intends — row r is the state after r
/// updates (row 0 the initial weights; the state after the last update is not
/// recorded) — not what it does (its row index is never incremented, so
/// every step overwrites row 0).
///
/// Writes in `folder`, for trial K:
/// - `weights{K}.csv`: pandas repr, `\n`; the 1,800 analysed columns (fc2
///   row-major, then fc4) or all 41,000; or `weights{K}.npy`, the same rows as
///   float32, streamed;
/// - `train_accuracies{K}.csv`, `test_accuracies{K}.csv`: one percentage per
///   window end reached (25 on a run of at least 1,131 steps), repr, `\r\n`;
/// - `epochs_{K}.csv`: `epoch,train_acc,test_acc` after every epoch.
///
/// Postconditions: the generator is consumed as torch's is (construction,
/// then per epoch its training pass, the window-end and epoch-end
/// evaluation passes), so batch orders are torch's bit for bit.
public enum MnistRecording {
    /// Which recorded columns.
    public enum Columns: String, Sendable, CaseIterable {
        /// The 1,800 weights stages 2 and 3 analyse (fc2, fc4).
        case analysed
        /// All 41,000 weights in the authors' order.
        case all
    }

    /// One run.
    public struct Request: Sendable {
        /// The samples.
        public var data: MnistData
        /// The initial parameters (state_dict order, 41,090).
        public var initial: [Float]
        /// torch's generator seeded with the trial (construction's outputs are skipped by the run).
        public var seed: UInt32
        /// Epochs to train (50 in the script).
        public var epochs: Int
        /// The `K` of the file names.
        public var trial: Int
        /// The folder to write into (created if missing).
        public var folder: String
        /// Which columns to record.
        public var columns = Columns.analysed
        /// CSV or `.npy`.
        public var format = RecordingFormat.csv
        /// Accuracies over the sample count instead of batches × 128.
        public var trueAccuracy = false
        /// SGD's learning rate (0.5 in the scripts).
        public var learningRate: Float = 0.5
        /// Worker threads for the evaluations.
        public var threads = 1
        /// Called after every epoch with the epochs done.
        public var progress: (@Sendable (Int) -> Void)?

        /// Creates a request.
        public init(data: MnistData, initial: [Float], seed: UInt32, epochs: Int, trial: Int, folder: String) {
            self.data = data
            self.initial = initial
            self.seed = seed
            self.epochs = epochs
            self.trial = trial
            self.folder = folder
        }
    }

    /// What a run did.
    public struct Result: Sendable {
        /// SGD steps taken (rows recorded).
        public var steps: Int
        /// Each epoch's train and test accuracy.
        public var epochs: [(train: Double, test: Double)]
        /// The files written.
        public var files: [String]
        /// The accuracy quirk, when it applied.
        public var warnings: [StageWarning]
        /// The parameters after the last update (state_dict order), which the recording does not hold.
        public var parameters: [Float]
    }

    /// The files a run writes in its folder.
    public static func fileNames(trial: Int, format: RecordingFormat) -> [String] {
        ["weights\(trial).\(format.rawValue)", "train_accuracies\(trial).csv", "test_accuracies\(trial).csv", "epochs_\(trial).csv"]
    }

    /// The same recording in the other formats (`weightsK.npy` beside a CSV
    /// run): the earlier run's, removed once this run's files are in place so
    /// the folder holds one run. Outputs, for the output-is-not-an-input rule.
    public static func replacedRecordings(trial: Int, format: RecordingFormat) -> [String] {
        RecordingFormat.allCases.filter { $0 != format }.map { fileNames(trial: trial, format: $0)[0] }
    }

    /// Runs the recording.
    ///
    /// - Throws: `SystemError` when a file cannot be written (nothing is left then).
    public static func run(_ request: Request) throws -> Result {
        let columns = request.columns == .analysed
            ? (MnistLayout.analysedStart..<MnistLayout.weightCount).map(MnistLayout.parameterOffset(ofWeight:))
            : (0..<MnistLayout.weightCount).map(MnistLayout.parameterOffset(ofWeight:))
        try Platform.makeFolder(request.folder)
        let paths = fileNames(trial: request.trial, format: request.format).map { "\(request.folder)/\($0)" }
        let writers = try paths.map { (path) throws(SystemError) in try AtomicFileWriter(path: path) }
        var epochs: [(train: Double, test: Double)] = []
        var steps = 0
        var parameters: [Float] = []
        var firstNonFinite: Int?
        do {
            if request.format == .npy {
                try writers[0].write(NumpyArrayWriter.header(shape: [MnistLayout.batches(request.data.trainCount) * request.epochs, columns.count]))
            }
            try writers[3].write(AccuracyFile.epochsHeader)
            var row: [UInt8] = []
            parameters = try schedule(request, counting: true, before: { p in
                if firstNonFinite == nil, !p.allSatisfy(\.isFinite) { firstNonFinite = steps }
                row.removeAll(keepingCapacity: true)
                switch request.format {
                case .csv:
                    for (position, column) in columns.enumerated() {
                        if position > 0 { row.append(UInt8(ascii: ",")) }
                        row += PythonFloatText.repr(Double(p[column])).utf8
                    }
                    row.append(10)
                case .npy:
                    NumpyArrayWriter.append(columns.lazy.map { p[$0] }, to: &row)
                }
                try writers[0].write(row)
                steps += 1
            }, window: { window in
                try writers[1].write(PythonFloatText.repr(window.train) + "\r\n")
                try writers[2].write(PythonFloatText.repr(window.test) + "\r\n")
            }, epoch: { epoch, result in
                epochs.append(result)
                try writers[3].write(AccuracyFile.epochLine(epoch, train: result.train, test: result.test))
            })
            try AtomicFileWriter.commitAll(writers)
        } catch {
            writers.forEach { $0.abandon() }
            throw error
        }
        for name in replacedRecordings(trial: request.trial, format: request.format) { Platform.remove("\(request.folder)/\(name)") }
        var warnings: [StageWarning] = request.trueAccuracy ? [] : [.mnistAccuracyDenominator(train: request.data.trainCount, test: request.data.testCount)]
        if let firstNonFinite { warnings.append(.mnistNonFiniteWeights(step: firstNonFinite)) }
        return Result(steps: steps, epochs: epochs, files: paths, warnings: warnings, parameters: parameters)
    }

    /// The parameters at the end of the run `request` describes, nothing
    /// recorded: what the magnitude baseline ranks. The generator is consumed
    /// as in ``run(_:)``, so they are the recorded run's.
    public static func finalParameters(_ request: Request) -> [Float] {
        schedule(request, counting: false, before: { _ in }, window: { _ in }, epoch: { _, _ in })
    }

    /// The stage-1 schedule: per epoch a training pass whose every step is
    /// preceded by `before` (the parameters then); after the window-end steps
    /// a train and a test evaluation (`window`); after every epoch the same
    /// (`epoch`). Evaluations count only when `counting`.
    private static func schedule(_ request: Request, counting: Bool, before: (UnsafeBufferPointer<Float>) throws -> Void,
                                 window: ((train: Double, test: Double)) throws -> Void,
                                 epoch: (Int, (train: Double, test: Double)) throws -> Void) rethrows -> [Float] {
        var trainer = MnistTrainer(data: request.data, parameters: request.initial, seed: request.seed, learningRate: request.learningRate,
                                   threads: request.threads)
        let batches = trainer.trainBatches
        let windowEnds = Swift.Set(MnistAccuracy.windowEndSteps)
        func accuracies() -> (train: Double, test: Double) { trainer.accuracies(trueDenominator: request.trueAccuracy, counting: counting) }
        for index in 0..<request.epochs {
            let order = trainer.nextTrainingOrder()
            for batch in 0..<batches {
                try trainer.parameters.withUnsafeBufferPointer { try before($0) }
                trainer.step(batch: batch, of: order)
                if windowEnds.contains(index * batches + batch) { try window(accuracies()) }
            }
            try epoch(index, accuracies())
            request.progress?(index + 1)
        }
        return trainer.parameters
    }
}
