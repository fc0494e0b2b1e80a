import ChaosPruneFormats
import ChaosPruneSystem

/// The paper's experiment on the authors' PyTorch MNIST network, composed of
/// the stage runners the single commands use: record (`MnistRecording`, 50
/// epochs) → windows and Granger on the 25 window accuracies (`PipelineRun`,
/// per-window layout: LEGCNet-FT) → the same on a partial recording
/// (LEGCNet-PT) → retraining dense, FT, PT and the magnitude and random
/// baselines at FT's size (`MnistRetraining`, 50 epochs each).
///
/// Each trial's files land in `trial_K/` under the authors' names:
/// `weights{K}.csv`, `train_accuracies{K}.csv`, `test_accuracies{K}.csv`,
/// `epochs_{K}.csv`; `FT/` with `window_LE_K.csv`, its sidecar and log, the
/// Granger outputs and `mask_mnist_FT_K.csv`; `PT/` with the partial
/// recording and `mask_mnist_PT_K.csv`; `retrain/<variant>/` with
/// `epochs_K.csv` and `summary_K.json`.
///
/// Masks index the 1,800 analysed weights and are applied with the authors'
/// mask code unless `intendedMask`; the multiply-adds leave out the weights
/// actually held at zero.
public enum MnistExperiment {
    /// One experiment.
    public struct Request: Sendable {
        /// The folder holding `mnist.csv`.
        public var dataFolder: String
        /// A folder holding `model_K.pth` for every trial; nil: torch's default initialisation for seed K.
        public var initialisations: String?
        /// The trials (torch's seeds).
        public var trials: [Int]
        /// The run folder.
        public var folder: String
        /// Stage-1 and stage-4 epochs (50 in the scripts).
        public var epochs = 50
        /// The window stage's settings (window 50, overlap 0.1: the 25 window accuracies' windows).
        public var windows: WindowSettings = .current(plan: .standard)
        /// The Granger settings: per-window accuracies, maxlag 7; no weight pruned when none is non-causal.
        public var granger: GrangerJob.Options = {
            var options = ExperimentRun.grangerDefaults
            options.accuracyLayout = .perWindow
            options.maxlag = MnistExperiment.defaultMaxlag
            return options
        }()
        /// Epochs of the partial recording behind PT (nil: the fewest with enough windows).
        public var partialEpochs: Int?
        /// Given FT masks, one per trial.
        public var ftMasks: [String]?
        /// Given PT masks, one per trial.
        public var ptMasks: [String]?
        /// Prune exactly the listed weights instead of the authors' mask code.
        public var intendedMask = false
        /// Worker threads.
        public var threads = 1

        /// Creates a request.
        public init(dataFolder: String, initialisations: String?, trials: [Int], folder: String) {
            self.dataFolder = dataFolder
            self.initialisations = initialisations
            self.trials = trials
            self.folder = folder
        }

        /// Why the settings alone cannot make an experiment, or nil.
        public var problem: String? {
            if let repeated = ExperimentRun.repeatedTrial(in: trials) { return repeated }
            if let partialEpochs, partialEpochs > epochs {
                return "--partial-epochs \(partialEpochs) is more than the full recording's \(epochs) epochs; the partial recording (LEGCNet-PT) is a prefix of the full one"
            }
            for (name, masks) in [("--ft-masks", ftMasks), ("--pt-masks", ptMasks)] {
                if let masks, masks.count != trials.count {
                    return "\(name) gives \(masks.count) mask file(s) for \(trials.count) trial(s): one per trial, in order"
                }
            }
            return nil
        }
    }

    /// The largest maxlag statsmodels accepts for the 25 window accuracies: T = 25 needs T > 3·maxlag + 1.
    public static let defaultMaxlag = 7

    /// The windows a recording of `epochs` epochs can test: those its rows hold
    /// and whose window-end accuracy it reached.
    public static func testableWindows(epochs: Int, trainingSamples: Int, plan: WindowPlan) -> Int {
        let steps = epochs * MnistLayout.batches(trainingSamples)
        return min(plan.windowCount(rows: steps), MnistAccuracy.windowEndSteps.count { $0 < steps })
    }

    /// The default partial recording: the fewest whole epochs whose testable windows exceed 3·maxlag + 1.
    public static func defaultPartialEpochs(epochs: Int, trainingSamples: Int, plan: WindowPlan, maxlag: Int) -> Int {
        var partial = 1
        while partial < epochs, testableWindows(epochs: partial, trainingSamples: trainingSamples, plan: plan) <= 3 * maxlag + 1 { partial += 1 }
        return partial
    }

    /// Runs the experiment; every input is read and checked before the first folder is made.
    ///
    /// - Throws: `StageError` for `request.problem`; any stage's `InputError`,
    ///   `StageError` or `SystemError`; `progress` hears each stage as it starts.
    public static func run(_ request: Request, progress: (String) -> Void = { _ in }) throws -> ExperimentRun.Result {
        if let problem = request.problem { throw StageError(problem) }
        let clock = ContinuousClock()
        let start = clock.now
        let data = try MnistData.load(from: request.dataFolder)
        var initials: [[Float]] = []
        for trial in request.trials {
            if let folder = request.initialisations {
                let path = "\(folder)/model_\(trial).pth"
                initials.append(try MnistInitialisation.parameters(of: try TorchCheckpoint.read(path), file: path))
            } else {
                initials.append(MnistInitialisation.defaults(seed: UInt32(truncatingIfNeeded: trial)).parameters)
            }
        }
        func indices(_ masks: [String]?) throws(InputError) -> [[Int]]? {
            guard let masks else { return nil }
            var lists: [[Int]] = []
            for path in masks { lists.append(try MaskFile.readSet(path, weights: MnistLayout.analysedCount)) }
            return lists
        }
        let givenFT = try indices(request.ftMasks), givenPT = try indices(request.ptMasks)
        let partial = request.ptMasks == nil
            ? request.partialEpochs ?? defaultPartialEpochs(epochs: request.epochs, trainingSamples: data.trainCount,
                                                              plan: request.windows.plan, maxlag: request.granger.maxlag)
            : nil
        for (label, epochs, given) in [("the recording", request.epochs, givenFT), ("the partial recording", partial ?? 0, givenPT)] where given == nil {
            guard testableWindows(epochs: epochs, trainingSamples: data.trainCount, plan: request.windows.plan) > 0 else {
                throw StageError("\(label) of \(epochs) epoch(s) reaches no window end (the first is after step \(MnistAccuracy.windowEndSteps[0]); an epoch has \(MnistLayout.batches(data.trainCount)) steps): no window can be tested")
            }
        }
        try Platform.makeFolder(request.folder)
        var trials: [ExperimentRun.Trial] = []
        for (position, (trial, initial)) in zip(request.trials, initials).enumerated() {
            let folder = "\(request.folder)/trial_\(trial)"
            try Platform.makeFolder(folder)
            var warnings: [ExperimentWarning] = []
            func note(_ variant: String, _ stageWarnings: [StageWarning]) {
                for warning in stageWarnings where !warnings.contains(where: { $0.variant == variant && $0.warning == warning }) {
                    warnings.append(ExperimentWarning(trial: trial, variant: variant, warning: warning))
                }
            }
            var trained: [Float]?
            func recording(epochs: Int, into stageFolder: String) -> MnistRecording.Request {
                var recording = MnistRecording.Request(data: data, initial: initial, seed: UInt32(truncatingIfNeeded: trial), epochs: epochs,
                                                       trial: trial, folder: stageFolder)
                recording.threads = request.threads
                return recording
            }
            func mask(_ label: String, given: [[Int]]?, epochs: Int?) throws -> (mask: [Int], none: Bool) {
                if let given { return (given[position], false) }
                let stageFolder = label == "FT" ? folder : "\(folder)/PT"
                progress("trial \(trial): \(label) recording, windows and Granger")
                let recorded = try MnistRecording.run(recording(epochs: epochs ?? request.epochs, into: stageFolder))
                if label == "FT" { trained = recorded.parameters }
                note(label, recorded.warnings)
                let found = try ExperimentRun.windowsAndGranger(weights: "\(stageFolder)/weights\(trial).csv",
                                                                accuracy: "\(stageFolder)/test_accuracies\(trial).csv", folder: "\(folder)/\(label)",
                                                                names: (MnistLayout.recipeName, label, trial), windows: request.windows,
                                                                granger: request.granger, threads: request.threads)
                note(label, found.warnings)
                return (found.mask, found.nonCausal == 0 && request.granger.fixEmpty)
            }
            let (ft, noneFT) = try mask("FT", given: givenFT, epochs: nil)
            let (pt, nonePT) = try mask("PT", given: givenPT, epochs: partial)
            progress("trial \(trial): retraining dense, FT, PT, magnitude and random")
            let dense = trained ?? MnistRecording.finalParameters(recording(epochs: request.epochs, into: folder))
            let analysed = MnistLayout.analysedWeights(of: dense)
            let masks: [[Int]] = [
                [], ft, pt,
                try BaselineMask.indices(.magnitude, count: ft.count, weights: MnistLayout.analysedCount, seed: UInt32(truncatingIfNeeded: trial)) { analysed },
                try BaselineMask.indices(.random, count: ft.count, weights: MnistLayout.analysedCount, seed: UInt32(truncatingIfNeeded: trial)) { analysed },
            ]
            var retrained: [ExperimentRun.Variant] = []
            let none = [false, noneFT, nonePT, noneFT, noneFT]
            for (variant, (name, listed)) in zip(ExperimentRun.variants, masks).enumerated() {
                let mask = MnistMask(indices: listed, intended: request.intendedMask)
                var retraining = MnistRetraining.Request(data: data, initial: initial, seed: UInt32(truncatingIfNeeded: trial), mask: mask,
                                                         epochs: request.epochs)
                retraining.threads = request.threads
                let result = MnistRetraining.run(retraining)
                note(name, result.warnings)
                try Platform.makeFolder("\(folder)/retrain")
                try RetrainingReport.write(result.report, network: network(benchmark: retraining.benchmark), trial: trial, mask: listed,
                                           baseline: BaselineMask.Kind(rawValue: name) != nil, into: "\(folder)/retrain/\(name)")
                retrained.append(ExperimentRun.Variant(name: name, pruned: listed.count, multiplyAdds: MnistLayout.weightCount - mask.zeroed.count,
                                                       result: result.report, noNonCausalWeight: none[variant]))
            }
            trials.append(ExperimentRun.Trial(trial: trial, variants: retrained, warnings: warnings))
        }
        return ExperimentRun.Result(trials: trials, partialEpochs: partial, seconds: (clock.now - start).seconds)
    }

    /// Every trial's warnings, each with its trial and variant, the
    /// quirks every retraining repeats (the accuracy denominator, the
    /// first-sample metrics) once, and the mask-code quirks of all
    /// retrainings as one with their counts summed.
    public static func warnings(of result: ExperimentRun.Result) -> [ExperimentWarning] {
        var warnings: [ExperimentWarning] = []
        var ignored = 0, zeroesFC1 = false
        for warning in result.trials.flatMap(\.warnings) {
            switch warning.warning {
            case let .mnistMaskQuirks(fc4Ignored, fc1Zeroed):
                ignored += fc4Ignored
                zeroesFC1 = zeroesFC1 || fc1Zeroed
            case .mnistAccuracyDenominator, .mnistFirstSampleMetrics:
                if !warnings.contains(where: { $0.warning == warning.warning }) {
                    warnings.append(ExperimentWarning(trial: nil, variant: nil, warning: warning.warning))
                }
            default:
                warnings.append(warning)
            }
        }
        if ignored > 0 || zeroesFC1 {
            warnings.append(ExperimentWarning(trial: nil, variant: nil, warning: .mnistMaskQuirks(fc4Ignored: ignored, fc1Zeroed: zeroesFC1)))
        }
        return warnings
    }

    /// The summary's network: the 1,800 analysed weights, the benchmark in percent.
    public static func network(benchmark: Double) -> RetrainingReport.Network {
        RetrainingReport.Network(name: MnistLayout.recipeName, weights: MnistLayout.analysedCount, benchmark: benchmark)
    }
}
