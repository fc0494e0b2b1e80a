import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune experiment`: the paper's experiment end to end for a recipe and trials.
enum ExperimentCommand {
    static let trials = Option<[Int]>("trials", valueName: "LIST", default: [1], defaultText: "1",
                                      expecting: "trials as 1-5 or 1,3,4 (each 1 to 1000)",
                                      help: "The trials to run: rows of the init file.", convert: parseTrials)
    static let folder = Option<String>.text("out", short: "o", valueName: "DIR", default: "chaosprune-experiment",
                                            help: "The run folder: trial_K/ per trial, results.csv.")
    static let partialEpochs = Option<Int>.integer("partial-epochs", default: nil, in: 1...1_000_000,
                                                   defaultText: "the fewest with more than 3·maxlag + 1 windows",
                                                   help: "Epochs of the partial recording behind LEGCNet-PT.")
    static let ftMasks = Option<[String]>("ft-masks", valueName: "F1,F2,…", default: nil, expecting: "mask files separated by commas",
                                          help: "One FT mask per trial (0-based), to replay given lists instead of stages 1–3.",
                                          convert: { text in text.split(separator: ",").map(String.init) })
    static let ptMasks = Option<[String]>("pt-masks", valueName: "F1,F2,…", default: nil, expecting: "mask files separated by commas",
                                          help: "One PT mask per trial (0-based).", convert: { text in text.split(separator: ",").map(String.init) })

    static let command = Command(
        name: "experiment",
        abstract: "The paper's experiment for a recipe: train, window LE, Granger, then retrain dense, FT, PT and two baselines.",
        usage: "--recipe NAME --data-dir DIR --init FILE [--trials 1-5] [-o DIR] [options]",
        discussion: "For every trial: train and record (train), windowed LE (le-window) and Granger (granger) on the full recording for the LEGCNet-FT mask and on a partial recording for LEGCNet-PT, then retrain (retrain) the dense network, FT, PT, and magnitude and random baselines of FT's size, all from the trial's initial weights. Every stage's files land in trial_K/ under their original names. Prints the results table (Markdown) and writes results.csv: per trial and mean ± std of pruned %, the epoch reaching the benchmark, accuracies there and at the end, macro F1 and multiply-adds per forward pass.",
        examples: ["chaosprune experiment --recipe bank_note --data-dir data --init init/bank_note.npy --trials 1-5 -o bank_note_run"],
        options: [TrainingOptions.recipe.spec.described("The authors' recipe: \(TrainingRecipe.all.map(\.name).joined(separator: ", ")) (required)."),
                  TrainingOptions.dataFolder.spec.described("The folder holding the authors' data files under their names (required)."),
                  TrainingOptions.initialisation.spec.described("The authors' pickled .npy initialisation: init/<recipe>.npy, or diabetes-K.npy (required)."),
                  trials.spec, folder.spec]
            + WindowPlanOptions.specs + [GrangerOptions.maxlag.spec, GrangerOptions.alpha.spec, GrangerOptions.fixEmpty.spec,
                                         partialEpochs.spec, ftMasks.spec, ptMasks.spec, ArithmeticOption.arithmetic.spec,
                                         ThreadsOption.threads.spec, QuietOption.quiet.spec, ReportOption.report.spec]
    ) { invocation throws(CommandError) in
        let arguments = invocation.arguments
        guard arguments.positionals.isEmpty else { throw .usage("takes no positional arguments (see --help)") }
        let recipe: TrainingRecipe
        do {
            recipe = try TrainingRecipe.named(try arguments.value(TrainingOptions.recipe))
        } catch let error as CommandError {
            throw error
        } catch {
            throw .usage(String(describing: error))
        }
        var request = ExperimentRun.Request(recipe: recipe, dataFolder: try arguments.value(TrainingOptions.dataFolder),
                                            initialisation: try arguments.value(TrainingOptions.initialisation),
                                            trials: try arguments.value(trials), folder: try arguments.value(folder))
        request.windows = WindowSettings.current(plan: try WindowPlanOptions.plan(arguments))
        request.windows.arithmetic = try ArithmeticOption.mode(arguments)
        request.granger.maxlag = try arguments.value(GrangerOptions.maxlag)
        request.granger.alpha = try arguments.value(GrangerOptions.alpha)
        request.granger.fixEmpty = arguments.isSet(GrangerOptions.fixEmpty)
        request.partialEpochs = try arguments.optional(partialEpochs)
        request.ftMasks = try arguments.optional(ftMasks)
        request.ptMasks = try arguments.optional(ptMasks)
        request.threads = try arguments.value(ThreadsOption.threads)
        if let problem = request.problem { throw .usage(problem) }
        let quiet = arguments.isSet(QuietOption.quiet)
        let showProgress = !quiet && invocation.console.errorIsTerminal
        let result = try invocation.stage {
            try ExperimentRun.run(request) { message in if showProgress { invocation.console.error("experiment: \(message)\n") } }
        }
        for trial in result.trials { invocation.warn(trial.warnings) }
        let table = ExperimentResults(result, recipe: recipe)
        try invocation.stage { try AtomicFileWriter.write(Array(table.csv.utf8), to: "\(request.folder)/results.csv") }
        invocation.console.output(table.markdown)
        if arguments.isSet(ReportOption.report) {
            for trial in request.trials { _ = try ReportOption.write("\(request.folder)/trial_\(trial)", invocation: invocation) }
        }
        if !quiet {
            let partial = result.partialEpochs.map { "PT from the first \($0) epoch(s); " } ?? ""
            invocation.console.error("experiment: \(recipe.name), \(request.trials.count) trial(s): \(partial)\(CFormat.format("%.1f", result.seconds)) s; \(request.folder)/results.csv\n")
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
