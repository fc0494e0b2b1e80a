import ChaosPruneKit
import ChaosPruneSystem
import LyapunovKit

/// The window plan options shared by `le-window`, `granger`, `pipeline` and `demo`.
enum WindowPlanOptions {
    static let window = Option<Int>.integer("window", short: "w", default: WindowPlan.defaultWindow, in: 2...Int.max,
                                            help: "Rows per window.")
    static let overlap = Option<Double>.real("overlap", valueName: "F", default: WindowPlan.defaultOverlap,
                                             expecting: "a number with 0 ≤ F < 1", help: "Fraction of a window shared with the next.",
                                             accept: { $0 >= 0 && $0 < 1 })
    static let specs = [window.spec, overlap.spec]

    /// The plan the options give, starting from `defaultWindow`.
    static func plan(_ arguments: ParsedArguments, defaultWindow: Int = WindowPlan.defaultWindow) throws(CommandError) -> WindowPlan {
        let window = arguments.isGiven(Self.window) ? try arguments.value(Self.window) : defaultWindow
        let fraction = try arguments.value(overlap)
        do {
            return try WindowPlan(window: window, overlap: fraction)
        } catch {
            throw .usage(String(describing: error))
        }
    }
}

/// `--threads`, shared by every stage that runs in parallel.
enum ThreadsOption {
    static let threads = Option<Int>.integer("threads", short: "j", default: ProcessorCount.online, in: 1...1024,
                                             defaultText: "all cores", help: "Worker threads.")
}

/// `--quiet`, shared by every long-running stage.
enum QuietOption {
    static let quiet = Flag("quiet", short: "q", help: "No progress display and no summary (warnings are still printed).")
}

/// `--arithmetic`, shared by every command that runs lyap_r.
enum ArithmeticOption {
    static let arithmetic = Option<ArithmeticMode>.choice("arithmetic", valueName: "MODE", default: .ieee64,
                                                          help: "ieee64 reproduces TISEAN built for x86-64; x87 the original 32-bit build.")

    static func mode(_ arguments: ParsedArguments) throws(CommandError) -> ArithmeticMode {
        let mode = try arguments.value(arithmetic)
        guard mode.isAvailable else { throw .usage(LyapunovError.arithmeticUnavailable(mode).message) }
        return mode
    }
}

/// The Granger notebook's settings, shared by `granger`, `pipeline` and `demo`.
enum GrangerOptions {
    static let defaults = GrangerJob.Options()
    static let maxlag = Option<Int>.integer("maxlag", default: defaults.maxlag, in: 1...1000, help: "Highest Granger lag tested.")
    static let alpha = Option<Double>.real("alpha", valueName: "P", default: defaults.alpha, expecting: "a number with 0 < P ≤ 1",
                                           help: "Threshold on the rounded minimum p-value.", accept: { $0 > 0 && $0 <= 1 })
    static let stationarity = Flag("stationarity", help: "The notebook's stat=True path: ADF tests, then differencing (quirk kept: when only one side is differenced every weight is selected, with a warning).")
    static let fixEmpty = Flag("fix-empty", help: "Write an empty mask when no weight qualifies (the notebook selects ALL weights).")
    static let specs = [maxlag.spec, alpha.spec, stationarity.spec, fixEmpty.spec]

    /// The job options the flags give (plan and threads are set by the caller).
    static func job(_ arguments: ParsedArguments) throws(CommandError) -> GrangerJob.Options {
        var options = GrangerJob.Options()
        options.maxlag = try arguments.value(maxlag)
        options.alpha = try arguments.value(alpha)
        options.stationarity = arguments.isSet(stationarity)
        options.fixEmpty = arguments.isSet(fixEmpty)
        return options
    }
}

/// The options `train` and `retrain` share: which recipe, data, initialisation and trial.
enum TrainingOptions {
    static let recipe = Option<String>.text("recipe", valueName: "NAME",
                                            help: "The authors' recipe: \(TrainingRecipe.all.map(\.name).joined(separator: ", ")) (required).")
    static let dataFolder = Option<String>.text("data-dir", valueName: "DIR", help: "The folder holding the authors' data files under their names (required).")
    static let initialisation = Option<String>.text("init", valueName: "FILE",
                                                    help: "The authors' pickled .npy initialisation: init/<recipe>.npy, or diabetes-K.npy (required).")
    static let trial = Option<Int>.integer("trial", short: "k", valueName: "K", default: nil, in: 1...1_000_000,
                                           help: "The trial: row K of a Helper recipe's init file; it names the outputs (required).")
    static let epochs = Option<Int>.integer("epochs", default: nil, in: 1...1_000_000, defaultText: "the recipe's",
                                            help: "Epochs to train.")
    static let output = Option<String>.text("output", short: "o", valueName: "DIR", help: "Folder for the files, created if missing (required).")
    static let specs = [recipe.spec, dataFolder.spec, initialisation.spec, trial.spec, epochs.spec, output.spec]

    /// The recipe, its data and the trial's initial parameters.
    static func setup(_ arguments: ParsedArguments, invocation: Invocation) throws(CommandError) -> (TrainingSetup, Int) {
        guard arguments.positionals.isEmpty else { throw .usage("takes no positional arguments (see --help)") }
        let name = try arguments.value(recipe)
        let recipe: TrainingRecipe
        do {
            recipe = try TrainingRecipe.named(name)
        } catch {
            throw .usage(error.message)
        }
        let folder = try arguments.value(dataFolder)
        let path = try arguments.value(initialisation)
        let number = try arguments.value(trial)
        let setup = try invocation.stage {
            try TrainingSetup(recipe: recipe, data: try RecipeData.load(recipe, from: folder),
                              initial: try TrainingSetup.initialisation(path, trial: number, recipe: recipe))
        }
        return (setup, number)
    }
}
