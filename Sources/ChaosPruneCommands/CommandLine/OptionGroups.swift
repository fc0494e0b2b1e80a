import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem
import LyapunovKit

/// The window plan options shared by `le-window`, `granger`, `pipeline`, `demo` and `experiment`.
struct WindowPlanOptions: OptionGroup {
    let window = Option<Int>.integer("window", short: "w", default: WindowPlan.defaultWindow, in: 2...Int.max,
                                     help: "Rows per window.")
    let overlap = Option<Double>.real("overlap", valueName: "F", default: WindowPlan.defaultOverlap,
                                      expecting: "a number with 0 ≤ F < 1", help: "Fraction of a window shared with the next.",
                                      accept: { $0 >= 0 && $0 < 1 })

    /// The plan the options give, starting from `defaultWindow`.
    func plan(_ arguments: ParsedArguments, defaultWindow: Int = WindowPlan.defaultWindow) throws(CommandError) -> WindowPlan {
        let window = arguments.isGiven(self.window) ? try arguments.value(self.window) : defaultWindow
        let fraction = try arguments.value(overlap)
        do {
            return try WindowPlan(window: window, overlap: fraction)
        } catch {
            throw .usage(String(describing: error))
        }
    }
}

/// The one-option declarations several commands make alike, each a new
/// value for a command's option group to hold.
enum SharedOption {
    /// `--threads`, for every stage that runs in parallel.
    static var threads: Option<Int> {
        Option<Int>.integer("threads", short: "j", default: ProcessorCount.online, in: 1...1024, defaultText: "all cores", help: "Worker threads.")
    }

    /// `--quiet`, for every long-running stage.
    static var quiet: Flag { Flag("quiet", short: "q", help: "No progress display and no summary (warnings are still printed).") }

    /// `--crlf`, for the commands that write window_LE files.
    static var crlf: Flag { Flag("crlf", help: "End rows with \\r\\n like the authors' Windows files.") }
}

/// `--arithmetic`, shared by every command that runs lyap_r.
struct ArithmeticOption: OptionGroup {
    let arithmetic = Option<ArithmeticMode>.choice("arithmetic", valueName: "MODE", default: .ieee64,
                                                   help: "ieee64 reproduces TISEAN built for x86-64; x87 the original 32-bit build.")

    /// The arithmetic asked for, refused when this machine has none such.
    func mode(_ arguments: ParsedArguments) throws(CommandError) -> ArithmeticMode {
        let mode = try arguments.value(arithmetic)
        guard mode.isAvailable else { throw .usage(LyapunovError.arithmeticUnavailable(mode).message) }
        return mode
    }
}

/// The Granger notebook's settings: `maxlag` and `alpha`, shared by
/// `granger`, `pipeline`, `demo` and `experiment`.
struct GrangerSelectionOptions: OptionGroup {
    let maxlag = Option<Int>.integer("maxlag", default: GrangerJob.Options().maxlag, in: 1...1000, help: "Highest Granger lag tested.")
    let alpha = Option<Double>.real("alpha", valueName: "P", default: GrangerJob.Options().alpha, expecting: "a number with 0 < P ≤ 1",
                                    help: "Threshold on the rounded minimum p-value.", accept: { $0 > 0 && $0 <= 1 })
}

/// The Granger notebook's settings with its `stat=True` path and the empty-mask fix, shared by `granger`, `pipeline` and `demo`.
struct GrangerOptions: OptionGroup {
    let selection = GrangerSelectionOptions()
    let stationarity = Flag("stationarity", help: "The notebook's stat=True path: ADF tests, then differencing (quirk kept: when only one side is differenced every weight is selected, with a warning).")
    let fixEmpty = GrangerOptions.fixEmptyFlag

    /// `--fix-empty`, also an option of `experiment`.
    static var fixEmptyFlag: Flag { Flag("fix-empty", help: "Write an empty mask when no weight qualifies (the notebook selects ALL weights).") }

    /// The job options the flags give (plan and threads are set by the caller).
    func job(_ arguments: ParsedArguments) throws(CommandError) -> GrangerJob.Options {
        var options = GrangerJob.Options()
        options.maxlag = try arguments.value(selection.maxlag)
        options.alpha = try arguments.value(selection.alpha)
        options.stationarity = arguments.isSet(stationarity)
        options.fixEmpty = arguments.isSet(fixEmpty)
        return options
    }
}

/// The options `train` and `retrain` share: which recipe (or a researcher's own data),
/// initialisation and trial, and the settings a researcher may override.
struct TrainingOptions: OptionGroup {
    let recipe = Option<String>.text("recipe", valueName: "NAME",
                                     help: "The authors' recipe: \(TrainingRecipe.all.map(\.name).joined(separator: ", ")) or \(MnistRecipe.name) (required unless --data).")
    let dataFolder = Option<String>.text("data-dir", valueName: "DIR", help: "The folder holding the authors' data files under their names (with --recipe).")
    let initialisation = Option<String>.text("init", valueName: "FILE",
                                             help: "The authors' pickled .npy initialisation: init/<recipe>.npy, or diabetes-K.npy (with --recipe; with --data: optional); for mnist a .pth state dict, model_K.pth (optional: torch's default for seed K).")
    let trial = Option<Int>.integer("trial", short: "k", valueName: "K", default: nil, in: 1...1_000_000,
                                    help: "The trial: row K of a Helper recipe's init file; it names the outputs (required).")
    let epochs = Option<Int>.integer("epochs", default: nil, in: 1...1_000_000, defaultText: "the recipe's", help: "Epochs to train.")
    let output = Option<String>.text("output", short: "o", valueName: "DIR", help: "Folder for the files, created if missing (required).")
    let data = Option<String>.text("data", valueName: "FILE", help: "A plain numeric CSV of your own (no header): features and a whole-number class per row.")
    let labelColumn = Option<Int>.integer("label-column", default: nil, in: 1...1_000_000, defaultText: "the last",
                                          help: "With --data: the 1-based column holding the class.")
    let scaling = Option<CustomData.Scaling>.choice("scaling", valueName: "HOW", default: .perFeature,
                                                    help: "With --data: per-feature (each feature standardised over its set), per-sample (each sample across its features, the authors' binary recipes), min-max or none.")
    let accuracy = Option<AccuracyRule>.choice("accuracy", valueName: "RULE", default: nil,
                                               defaultText: "rounded; --data with three or more classes: argmax",
                                               help: "How a sample counts as correct: rounded (every rounded output equals its one-hot target, the authors' Helper rule) or argmax (the largest output is the target's class, as F1 counts).")
    let split = Option<Double>.real("split", default: 0.8, expecting: "a number with 0 < F < 1", help: "With --data: the training share.",
                                    accept: { $0 > 0 && $0 < 1 })
    let shuffleSeed = Option<Int>.integer("shuffle-seed", default: 42, in: 0...Int(UInt32.max), help: "With --data: numpy's seed for the shuffle of the rows.")
    let hidden = Option<Int>.integer("hidden", default: 8, in: 1...10_000, help: "With --data: hidden units.")
    let initSeed = Option<Int>.integer("init-seed", default: 1, in: 0...Int(UInt32.max),
                                       help: "With --data and no --init: numpy's seed for uniform [-0.1, 0.1) initial weights.")
    let learningRate = Option<Double>.real("learning-rate", valueName: "LR", default: nil, expecting: "a number > 0",
                                           defaultText: "the recipe's; --data: 0.1", help: "SGD learning rate.", accept: { $0 > 0 })
    let benchmark = Option<Double>.real("benchmark", valueName: "ACC", default: nil, expecting: "an accuracy with 0 < ACC ≤ 1",
                                        defaultText: "the recipe's; --data: none", help: "Train accuracy to reach (stage 4).",
                                        accept: { $0 > 0 && $0 <= 1 })

    /// Checks that no file of `names` in the output folder is one of the files
    /// the options read (`--data`, `--init` and `others`), before any is written.
    func requireOutputsApart(_ arguments: ParsedArguments, names: [String], others: [Option<String>] = []) throws(CommandError) {
        var inputs: [String] = []
        for option in [data, initialisation] + others { if let path = try arguments.optional(option) { inputs.append(path) } }
        let folder = try arguments.value(output)
        try DistinctFiles.require(inputs: inputs, outputs: names.map { ("--output (its \($0))", "\(folder)/\($0)") })
    }

    /// Refuses the options that shape a researcher's own data (`--label-column`, `--scaling`, …) without `--data`,
    /// and `extra`, the options a command takes only with `--data`.
    func refuseDataOnlyOptions(_ arguments: ParsedArguments, alsoRefusing extra: [OptionSpec] = []) throws(CommandError) {
        for option in [labelColumn.spec, scaling.spec, split.spec, shuffleSeed.spec, hidden.spec, initSeed.spec] + extra
            where arguments.values[option.long] != nil {
            throw .usage("--\(option.long) goes with --data")
        }
    }

    /// The stage-1 length of own data (`--data`) when `train` is not told otherwise.
    static let ownDataEpochs = 50

    /// The setups of a researcher's own data (`--data`), one per trial: the
    /// file read, shuffled, split and scaled once; trial K's initial weights
    /// row K of `--init`, or numpy's uniform [-0.1, 0.1) from its seed.
    ///
    /// `--epochs` is the stage-1 length when `recording`; otherwise that stays
    /// ``ownDataEpochs`` (see ``setup(_:invocation:recording:)``).
    func ownDataSetups(_ arguments: ParsedArguments, invocation: Invocation, recording: Bool,
                       trials: [(trial: Int, seed: UInt32)]) throws(CommandError) -> [TrainingSetup] {
        let path = try arguments.value(data)
        if arguments.isGiven(recipe) || arguments.isGiven(dataFolder) { throw .usage("--data replaces --recipe and --data-dir: give one or the other") }
        let scaled = try arguments.value(scaling), share = try arguments.value(split), seed = UInt32(try arguments.value(shuffleSeed))
        let column = try arguments.optional(labelColumn)
        let width = try arguments.value(hidden), rate = try arguments.optional(learningRate) ?? 0.1
        let stages = (recording ? try arguments.optional(epochs) : nil) ?? Self.ownDataEpochs, target = try arguments.optional(benchmark)
        let initPath = try arguments.optional(initialisation)
        let rule = try arguments.optional(accuracy)
        return try invocation.stage { () throws -> [TrainingSetup] in
            let (samples, outputs) = try CustomData.load(path, labelColumn: column, scaling: scaled, split: share, seed: seed)
            let inputs = samples.trainInputs.first?.count ?? 0
            try NetworkShape.validate(inputs: inputs, hidden: width, outputs: outputs)
            let custom = TrainingRecipe(name: "custom", family: .helper, inputs: inputs, hidden: width, outputs: outputs,
                                        learningRate: rate, epochs: stages, benchmark: target, retrainEpochs: stages + 50,
                                        accuracy: rule ?? (outputs > 1 ? .argmax : .rounded))
            return try trials.map { trial throws -> TrainingSetup in
                let initial = try initPath.map { try TrainingSetup.initialisation($0, trial: trial.trial, recipe: custom) }
                    ?? NetworkParameters(inputs: inputs, hidden: width, outputs: outputs, seed: trial.seed)
                return try TrainingSetup(recipe: custom, data: samples, initial: initial)
            }
        }
    }

    /// The recipe (or the researcher's own), its data and the trial's initial parameters.
    ///
    /// `--epochs` is the stage-1 length when `recording` (`train`); for
    /// `retrain` it is the retraining length only, so with `--data` the
    /// recipe's stage-1 length — what the magnitude baseline's dense run
    /// trains, as for the authors' recipes — stays ``ownDataEpochs``.
    func setup(_ arguments: ParsedArguments, invocation: Invocation, recording: Bool) throws(CommandError) -> (TrainingSetup, Int) {
        guard arguments.positionals.isEmpty else { throw .usage("takes no positional arguments (see --help)") }
        let number = try arguments.value(trial)
        if arguments.isGiven(data) {
            let seed = UInt32(try arguments.value(initSeed))
            return (try ownDataSetups(arguments, invocation: invocation, recording: recording, trials: [(number, seed)])[0], number)
        }
        try refuseDataOnlyOptions(arguments)
        guard let name = try arguments.optional(recipe) else { throw .usage("--recipe <NAME> or --data <FILE> is required") }
        var chosen: TrainingRecipe
        do {
            chosen = try TrainingRecipe.named(name)
        } catch {
            throw .usage(error.message)
        }
        if let rate = try arguments.optional(learningRate) { chosen.learningRate = rate }
        if let target = try arguments.optional(benchmark) { chosen.benchmark = target }
        if let rule = try arguments.optional(accuracy) {
            guard chosen.family == .helper || rule == .argmax else { throw .usage("--accuracy rounded goes with the Helper recipes and --data; \(chosen.name) counts argmax (its framework's softmax rule)") }
            chosen.accuracy = rule
        }
        let folder = try arguments.value(dataFolder)
        let path = try arguments.value(initialisation)
        let recipeForLoad = chosen
        let setup = try invocation.stage {
            try TrainingSetup(recipe: recipeForLoad, data: try RecipeData.load(recipeForLoad, from: folder),
                              initial: try TrainingSetup.initialisation(path, trial: number, recipe: recipeForLoad))
        }
        return (setup, number)
    }
}

/// `--report`, shared by the commands that fill a run folder.
enum ReportOption {
    /// `--report`.
    static var report: Flag { Flag("report", help: "Also draw the run folder as report.html (see chaosprune report).") }

    /// Writes `folder/report.html` and returns its path.
    static func write(_ folder: String, accuracy: String? = nil, invocation: Invocation) throws(CommandError) -> String {
        let path = "\(folder)/report.html"
        var request = ReportPage.Request(folder: folder)
        request.accuracy = accuracy
        try invocation.stage { try AtomicFileWriter.write(Array(try ReportPage.build(request).utf8), to: path) }
        return path
    }
}
