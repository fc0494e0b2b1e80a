import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune experiment`: the paper's experiment end to end for a recipe and trials.
enum ExperimentCommand {
    /// The options of `chaosprune experiment`, in help order.
    struct Options: OptionGroup {
        let recipe = TrainingOptions().recipe.described("The authors' recipe: \(TrainingRecipe.all.map(\.name).joined(separator: ", ")) or \(MnistRecipe.name) (required).")
        let dataFolder = TrainingOptions().dataFolder.described("The folder holding the authors' data files under their names (required).")
        let initialisation = TrainingOptions().initialisation.described("The authors' pickled .npy initialisation: init/<recipe>.npy, or diabetes-K.npy (required); mnist: a folder of model_K.pth (optional: torch's default for seed K).")
        let trials = Option<[Int]>("trials", valueName: "LIST", default: [1], defaultText: "1",
                                   expecting: "trials as 1-5 or 1,3,4 (each 1 to 1000)",
                                   help: "The trials to run: rows of the init file.", convert: ExperimentCommand.parseTrials)
        let folder = Option<String>.text("out", short: "o", valueName: "DIR", default: "chaosprune-experiment",
                                         help: "The run folder: trial_K/ per trial, results.csv.")
        let plan = WindowPlanOptions()
        let selection = GrangerSelectionOptions()
        let fixEmpty = GrangerOptions.fixEmptyFlag
        let partialEpochs = Option<Int>.integer("partial-epochs", default: nil, in: 1...1_000_000,
                                                defaultText: "the fewest with more than 3·maxlag + 1 windows",
                                                help: "Epochs of the partial recording behind LEGCNet-PT.")
        let ftMasks = Option<[String]>("ft-masks", valueName: "F1,F2,…", default: nil, expecting: "mask files separated by commas",
                                       help: "One FT mask per trial (0-based), to replay given lists instead of stages 1–3.",
                                       convert: { text in text.split(separator: ",").map(String.init) })
        let ptMasks = Option<[String]>("pt-masks", valueName: "F1,F2,…", default: nil, expecting: "mask files separated by commas",
                                       help: "One PT mask per trial (0-based).", convert: { text in text.split(separator: ",").map(String.init) })
        let epochs = Option<Int>.integer("epochs", default: nil, in: 1...1_000_000, defaultText: "50",
                                         help: "mnist: the epochs of the recording and of every retraining.")
        let intendedMask = Flag("intended-mask", help: "mnist: prune exactly the listed weights (the authors' mask code ignores fc4 entries and index 0 also zeroes fc1[49][783]).")
        let arithmetic = ArithmeticOption()
        let threads = SharedOption.threads
        let quiet = SharedOption.quiet
        let report = ReportOption.report
    }

    static let command = Command(
        name: "experiment",
        abstract: "The paper's experiment for a recipe: train, window LE, Granger, then retrain dense, FT, PT and two baselines.",
        usage: "--recipe NAME --data-dir DIR --init FILE [--trials 1-5] [-o DIR] [options]",
        discussion: "For every trial: train and record (train), windowed LE (le-window) and Granger (granger) on the full recording for the LEGCNet-FT mask and on a partial recording for LEGCNet-PT, then retrain (retrain) the dense network, FT, PT, and magnitude and random baselines of FT's size, all from the trial's initial weights. Every stage's files land in trial_K/ under their original names. Prints the results table (Markdown) and writes results.csv: per trial and mean ± std of pruned %, the epoch reaching the benchmark, accuracies there and at the end, macro F1 and multiply-adds per forward pass.",
        examples: ["chaosprune experiment --recipe bank_note --data-dir data --init init/bank_note.npy --trials 1-5 -o bank_note_run"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        guard arguments.positionals.isEmpty else { throw .usage("takes no positional arguments (see --help)") }
        if try arguments.value(options.recipe) == MnistRecipe.name { return try mnist(invocation, options: options) }
        if arguments.isSet(options.intendedMask) { throw .usage("--intended-mask goes with --recipe mnist") }
        if arguments.isGiven(options.epochs) { throw .usage("--epochs goes with --recipe mnist (the other recipes train their own num_iterations)") }
        let recipe: TrainingRecipe
        do {
            recipe = try TrainingRecipe.named(try arguments.value(options.recipe))
        } catch let error as CommandError {
            throw error
        } catch {
            throw .usage(String(describing: error))
        }
        var request = ExperimentRun.Request(recipe: recipe, dataFolder: try arguments.value(options.dataFolder),
                                            initialisation: try arguments.value(options.initialisation),
                                            trials: try arguments.value(options.trials), folder: try arguments.value(options.folder))
        request.windows = WindowSettings.current(plan: try options.plan.plan(arguments))
        request.windows.arithmetic = try options.arithmetic.mode(arguments)
        request.granger.maxlag = try arguments.value(options.selection.maxlag)
        request.granger.alpha = try arguments.value(options.selection.alpha)
        request.granger.fixEmpty = arguments.isSet(options.fixEmpty)
        request.partialEpochs = try arguments.optional(options.partialEpochs)
        request.ftMasks = try arguments.optional(options.ftMasks)
        request.ptMasks = try arguments.optional(options.ptMasks)
        request.threads = try arguments.value(options.threads)
        if let problem = request.problem { throw .usage(problem) }
        let inputs = [request.initialisation] + (request.ftMasks ?? []) + (request.ptMasks ?? [])
        let reports = arguments.isSet(options.report) ? request.trials.map { ("-o (its trial_\($0)/report.html)", "\(request.folder)/trial_\($0)/report.html") } : []
        try DistinctFiles.require(inputs: inputs, outputs: [("-o (its results.csv)", "\(request.folder)/results.csv")] + reports)
        try DistinctFiles.requireOutside(inputs: inputs, folders: request.trials.map { ("-o (its trial_\($0))", "\(request.folder)/trial_\($0)") })
        let quiet = arguments.isSet(options.quiet)
        let showProgress = !quiet && invocation.console.errorIsTerminal
        let result = try invocation.stage {
            try ExperimentRun.run(request) { message in if showProgress { invocation.console.error("experiment: \(message)\n") } }
        }
        for trial in result.trials { invocation.warn(trial.warnings) }
        let table = ExperimentResults(result, weights: recipe.weightCount, denseMultiplyAdds: recipe.weightCount)
        try invocation.stage { try AtomicFileWriter.write(Array(table.csv.utf8), to: "\(request.folder)/results.csv") }
        invocation.console.output(table.markdown)
        if arguments.isSet(options.report) {
            for trial in request.trials { _ = try ReportOption.write("\(request.folder)/trial_\(trial)", invocation: invocation) }
        }
        if !quiet {
            let partial = result.partialEpochs.map { "PT from the first \($0) epoch(s); " } ?? ""
            invocation.console.error("experiment: \(recipe.name), \(request.trials.count) trial(s): \(partial)\(CFormat.format("%.1f", result.seconds)) s; \(request.folder)/results.csv\n")
        }
        return 0
    }

    /// `experiment --recipe mnist`.
    static func mnist(_ invocation: Invocation, options: Options) throws(CommandError) -> ExitStatus {
        let arguments = invocation.arguments
        if arguments.isSet(options.report) { throw .usage("--report draws the Helper recipes' run folders; for mnist use the tables and files") }
        var request = MnistExperiment.Request(dataFolder: try arguments.value(options.dataFolder),
                                              initialisations: try arguments.optional(options.initialisation),
                                              trials: try arguments.value(options.trials), folder: try arguments.value(options.folder))
        request.windows = WindowSettings.current(plan: try options.plan.plan(arguments))
        request.windows.arithmetic = try options.arithmetic.mode(arguments)
        if arguments.isGiven(options.selection.maxlag) { request.granger.maxlag = try arguments.value(options.selection.maxlag) }
        request.granger.alpha = try arguments.value(options.selection.alpha)
        request.granger.fixEmpty = arguments.isSet(options.fixEmpty)
        request.partialEpochs = try arguments.optional(options.partialEpochs)
        request.ftMasks = try arguments.optional(options.ftMasks)
        request.ptMasks = try arguments.optional(options.ptMasks)
        request.intendedMask = arguments.isSet(options.intendedMask)
        request.epochs = try arguments.optional(options.epochs) ?? request.epochs
        request.threads = try arguments.value(options.threads)
        if let problem = request.problem { throw .usage(problem) }
        let inputs = ["\(request.dataFolder)/mnist.csv"] + request.trials.compactMap { trial in request.initialisations.map { "\($0)/model_\(trial).pth" } }
            + (request.ftMasks ?? []) + (request.ptMasks ?? [])
        try DistinctFiles.require(inputs: inputs, outputs: [("-o (its results.csv)", "\(request.folder)/results.csv")])
        try DistinctFiles.requireOutside(inputs: inputs, folders: request.trials.map { ("-o (its trial_\($0))", "\(request.folder)/trial_\($0)") })
        let quiet = arguments.isSet(options.quiet)
        let showProgress = !quiet && invocation.console.errorIsTerminal
        let result = try invocation.stage {
            try MnistExperiment.run(request) { message in if showProgress { invocation.console.error("experiment: \(message)\n") } }
        }
        invocation.warn(MnistExperiment.warnings(of: result))
        let table = ExperimentResults(result, weights: MnistLayout.analysedCount, denseMultiplyAdds: MnistLayout.weightCount)
        try invocation.stage { try AtomicFileWriter.write(Array(table.csv.utf8), to: "\(request.folder)/results.csv") }
        invocation.console.output(table.markdown)
        if !quiet {
            let partial = result.partialEpochs.map { "PT from the first \($0) epoch(s); " } ?? ""
            invocation.console.error("experiment: mnist, \(request.trials.count) trial(s): \(partial)\(CFormat.format("%.1f", result.seconds)) s; \(request.folder)/results.csv\n")
        }
        return 0
    }

    /// `1-5`, `3`, `1,3,4`.
    @Sendable static func parseTrials(_ text: String) -> [Int]? {
        var result: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            switch bounds.count {
            case 1:
                guard let value = bounds[0], (1...1000).contains(value) else { return nil }
                result.append(value)
            case 2:
                guard let low = bounds[0], let high = bounds[1], 1 <= low, low <= high, high <= 1000 else { return nil }
                result += Array(low...high)
            default:
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }
}
