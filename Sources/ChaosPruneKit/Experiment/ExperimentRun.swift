import ChaosPruneFormats
import ChaosPruneSystem

/// The paper's experiment for one recipe and several trials, composed of the
/// same stage runners the single commands use: train and record
/// (`StageOneRecording`) → windows and Granger (`PipelineRun`, giving the
/// LEGCNet-FT mask) → the same on a partial recording (LEGCNet-PT) →
/// retraining dense, FT, PT and the magnitude and random baselines at FT's
/// size (`SparseRetraining`).
///
/// Each trial's files land in `trial_K/` under their original names, so any
/// stage can be swapped for the reference's: `pure_K.csv`, `acc_K.csv`;
/// `FT/` and `PT/` with `window_LE_K.csv`, its sidecar and log, the Granger
/// outputs and `mask_<recipe>_FT_K.csv` / `mask_<recipe>_PT_K.csv` (`PT/` also
/// holds the partial recording); `retrain/<variant>/epochs_K.csv` and
/// `summary_K.json`.
///
/// PT: the authors' partial recording length cannot be recovered from their
/// repository, so the default is the shortest recording (in whole epochs)
/// whose windows are enough for the Granger maxlag: statsmodels needs more
/// than 3·maxlag + 1 observations.
///
/// No non-causal weight: when Granger finds every weight causal, the
/// notebook's `[-0:]` slice would prune every weight; the experiment instead
/// prunes none for that variant (and for the baselines sized by an empty FT
/// mask) and marks it `noNonCausalWeight`, unless `granger.fixEmpty` is
/// turned off to reproduce the notebook.
///
/// A researcher's own data (`Source.prepared`): one setup per trial, built
/// by the caller (trial K: initial weights from seed K, the same split).
public enum ExperimentRun {
    /// The variants retrained for every trial, in table order.
    public static let variants = ["dense", "FT", "PT", "magnitude", "random"]

    /// Where each trial's data and initial weights come from.
    public enum Source: Sendable {
        /// The authors' `data/` folder and init file (`init/<recipe>.npy`), row K for trial K.
        case recipeFiles(dataFolder: String, initialisation: String)
        /// One setup per trial, in trial order, read and checked by the caller.
        case prepared([TrainingSetup])
    }

    /// One experiment.
    public struct Request {
        /// The recipe (a Helper recipe: the window and Granger stages read its per-step `acc_K.csv`).
        public var recipe: TrainingRecipe
        /// The data and initial weights.
        public var source: Source
        /// The trials (1-based rows of the init file, or seeds).
        public var trials: [Int]
        /// The run folder.
        public var folder: String
        /// The window stage's settings (window 50, overlap 0.1 as the authors' FT masks).
        public var windows: WindowSettings = .current(plan: .standard)
        /// The Granger settings (maxlag 14, alpha 0.05; no weight pruned when none is non-causal).
        public var granger = ExperimentRun.grangerDefaults
        /// Epochs of the partial recording behind PT (nil: the shortest with enough windows).
        public var partialEpochs: Int?
        /// Given FT masks, one per trial (skips stages 1–3 for FT).
        public var ftMasks: [String]?
        /// Given PT masks, one per trial.
        public var ptMasks: [String]?
        /// Worker threads.
        public var threads = 1

        /// Creates a request.
        public init(recipe: TrainingRecipe, source: Source, trials: [Int], folder: String) {
            self.recipe = recipe
            self.source = source
            self.trials = trials
            self.folder = folder
        }

        /// Why the settings alone cannot make an experiment, or nil: a recipe
        /// outside the Helper family, a trial named twice, or given masks
        /// that are not one per trial.
        public var problem: String? {
            guard recipe.family == .helper else {
                return "the experiment runs the Helper recipes (its window and Granger stages read acc_K.csv); for \(recipe.name) run train, le-window, granger and retrain one by one"
            }
            if let repeated = ExperimentRun.repeatedTrial(in: trials) { return repeated }
            if case let .prepared(setups) = source, setups.count != trials.count {
                return "\(setups.count) prepared setup(s) for \(trials.count) trial(s)"
            }
            if let partialEpochs, partialEpochs > recipe.epochs {
                return "--partial-epochs \(partialEpochs) is more than the full recording's \(recipe.epochs) epochs of \(recipe.name); the partial recording (LEGCNet-PT) is a prefix of the full one"
            }
            for (name, masks) in [("--ft-masks", ftMasks), ("--pt-masks", ptMasks)] {
                if let masks, masks.count != trials.count {
                    return "\(name) gives \(masks.count) mask file(s) for \(trials.count) trial(s): one per trial, in order"
                }
            }
            return nil
        }
    }

    /// One retrained variant of one trial.
    public struct Variant: Sendable {
        /// `dense`, `FT`, `PT`, `magnitude` or `random`.
        public var name: String
        /// Weights the mask lists.
        public var pruned: Int
        /// Multiply-adds of one forward pass with the weights held at zero left out (biases excluded).
        public var multiplyAdds: Int
        /// The retraining.
        public var result: SparseRetraining.Result
        /// Granger found no non-causal weight for this variant's mask (or, for a baseline, for FT's): nothing pruned.
        public var noNonCausalWeight = false
    }

    /// One trial's outcome.
    public struct Trial: Sendable {
        /// The trial number.
        public var trial: Int
        /// The variants, in `variants` order.
        public var variants: [Variant]
        /// The stages' warnings, each with its trial and variant.
        public var warnings: [ExperimentWarning]
    }

    /// What the experiment did.
    public struct Result: Sendable {
        /// Every trial.
        public var trials: [Trial]
        /// The partial recording's epochs (nil when PT masks were given).
        public var partialEpochs: Int?
        /// Seconds in all.
        public var seconds: Double
    }

    /// "trial K is named twice" for the first trial `trials` repeats, or nil.
    public static func repeatedTrial(in trials: [Int]) -> String? {
        trials.indices.first { trials[..<$0].contains(trials[$0]) }.map { "trial \(trials[$0]) is named twice" }
    }

    /// The experiment's Granger settings: the notebook's, except that no
    /// non-causal weight prunes none (`fixEmpty`).
    public static var grangerDefaults: GrangerJob.Options {
        var options = GrangerJob.Options()
        options.fixEmpty = true
        return options
    }

    /// The default partial recording: the fewest whole epochs whose windows exceed 3·maxlag + 1.
    public static func defaultPartialEpochs(recipe: TrainingRecipe, trainingSamples: Int, plan: WindowPlan, maxlag: Int) -> Int {
        var epochs = 1
        while epochs < recipe.epochs, plan.windowCount(rows: 1 + epochs * trainingSamples) <= 3 * maxlag + 1 { epochs += 1 }
        return epochs
    }

    /// Runs the experiment.
    ///
    /// Every input — the data, each trial's initial weights, the given masks —
    /// is read and checked before the first folder is made, so bad input
    /// fails with nothing written.
    ///
    /// - Throws: `StageError` for `request.problem`; any stage's `InputError`,
    ///   `StageError` or `SystemError`; `progress` hears each stage as it starts.
    public static func run(_ request: Request, progress: (String) -> Void = { _ in }) throws -> Result {
        if let problem = request.problem { throw StageError(problem) }
        let recipe = request.recipe
        let clock = ContinuousClock()
        let start = clock.now
        var setups: [TrainingSetup] = []
        switch request.source {
        case let .prepared(prepared): setups = prepared
        case let .recipeFiles(dataFolder, initialisation):
            let data = try RecipeData.load(recipe, from: dataFolder)
            for trial in request.trials {
                setups.append(try TrainingSetup(recipe: recipe, data: data,
                                                initial: try TrainingSetup.initialisation(initialisation, trial: trial, recipe: recipe)))
            }
        }
        let trainingSamples = setups.first?.data.trainInputs.count ?? 0
        func indices(_ masks: [String]?) throws(InputError) -> [[Int]]? {
            guard let masks else { return nil }
            var lists: [[Int]] = []
            for path in masks { lists.append(try MaskFile.readSet(path, weights: recipe.weightCount)) }
            return lists
        }
        let givenFT = try indices(request.ftMasks), givenPT = try indices(request.ptMasks)
        let partial = request.ptMasks == nil
            ? request.partialEpochs ?? defaultPartialEpochs(recipe: recipe, trainingSamples: trainingSamples,
                                                              plan: request.windows.plan, maxlag: request.granger.maxlag)
            : nil
        try Platform.makeFolder(request.folder)
        var trials: [Trial] = []
        for (trial, setup) in zip(request.trials, setups) {
            let position = trials.count
            let folder = "\(request.folder)/trial_\(trial)"
            try Platform.makeFolder(folder)
            var warnings: [ExperimentWarning] = []
            func note(_ variant: String, _ stageWarnings: [StageWarning]) {
                warnings += stageWarnings.map { ExperimentWarning(trial: trial, variant: variant, warning: $0) }
            }
            func mask(_ label: String, given: [[Int]]?, epochs: Int?) throws -> (mask: [Int], none: Bool) {
                if let given { return (given[position], false) }
                let stageFolder = label == "FT" ? folder : "\(folder)/PT"
                progress("trial \(trial): \(label) recording, windows and Granger")
                var recording = StageOneRecording.Request(setup: setup, epochs: epochs ?? recipe.epochs, trial: "\(trial)", folder: stageFolder)
                recording.threads = request.threads
                let recorded = try StageOneRecording.run(recording).warnings
                // A partial recording stops early by design: whether the network learns is the full recording's question.
                note(label, epochs == nil ? recorded : recorded.filter { if case .trainingAtChance = $0 { false } else { true } })
                let found = try windowsAndGranger(weights: "\(stageFolder)/pure_\(trial).csv", accuracy: "\(stageFolder)/acc_\(trial).csv",
                                                  folder: "\(folder)/\(label)", names: (recipe.name, label, trial),
                                                  windows: request.windows, granger: request.granger, threads: request.threads)
                note(label, found.warnings)
                return (found.mask, found.nonCausal == 0 && request.granger.fixEmpty)
            }
            let (ft, noneFT) = try mask("FT", given: givenFT, epochs: nil)
            let (pt, nonePT) = try mask("PT", given: givenPT, epochs: partial)
            progress("trial \(trial): retraining dense, FT, PT, magnitude and random")
            let masks: [[Int]] = [
                [], ft, pt,
                try BaselineMask.indices(.magnitude, count: ft.count, setup: setup, seed: UInt32(trial)),
                try BaselineMask.indices(.random, count: ft.count, setup: setup, seed: UInt32(trial)),
            ]
            var retrained: [Variant] = []
            let none = [false, noneFT, nonePT, noneFT, noneFT]
            for (variant, (name, indices)) in zip(Self.variants, masks).enumerated() {
                let result = SparseRetraining.run(SparseRetraining.Request(setup: setup, mask: indices, epochs: recipe.retrainEpochs))
                try Platform.makeFolder("\(folder)/retrain")
                try RetrainingReport.write(result, network: .init(recipe), trial: trial, mask: indices,
                                           baseline: BaselineMask.Kind(rawValue: name) != nil, into: "\(folder)/retrain/\(name)")
                retrained.append(Variant(name: name, pruned: indices.count, multiplyAdds: recipe.weightCount - indices.count, result: result,
                                         noNonCausalWeight: none[variant]))
            }
            trials.append(Trial(trial: trial, variants: retrained, warnings: warnings))
        }
        return Result(trials: trials, partialEpochs: partial, seconds: (clock.now - start).seconds)
    }

    /// Windows and Granger (`PipelineRun`) on one recording into `folder`, the
    /// files named `window_LE_K.csv` and `mask_<data>_<label>_K.csv`: the mask,
    /// ascending, the count of non-causal weights, and the stages' warnings.
    static func windowsAndGranger(weights: String, accuracy: String, folder: String, names: (data: String, label: String, trial: Int),
                                  windows settings: WindowSettings, granger: GrangerJob.Options,
                                  threads: Int) throws -> (mask: [Int], nonCausal: Int, warnings: [StageWarning]) {
        var windows = WindowLEJob.Options(settings: settings, threads: threads)
        windows.lineEnding = [10]
        var pipeline = PipelineRun.Request(weights: weights, accuracy: accuracy, folder: folder, windows: windows, granger: granger)
        pipeline.granger.threads = threads
        pipeline.trial = "\(names.trial)"
        pipeline.dataName = names.data
        pipeline.initName = "\(names.label)_\(names.trial)"
        let run = try PipelineRun.run(pipeline)
        let selection = run.grangerStage.output.selection
        return (selection.mask.sorted(), selection.nonCausalCount, run.warnings)
    }
}
