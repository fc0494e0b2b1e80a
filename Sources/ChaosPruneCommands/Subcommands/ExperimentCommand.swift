import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune experiment`: the paper's experiment end to end for a recipe and trials.
enum ExperimentCommand {
    /// The options of `chaosprune experiment`, in help order.
    struct Options: OptionGroup {
        let recipe = TrainingOptions().recipe.described("The authors' recipe: \(TrainingRecipe.all.map(\.name).joined(separator: ", ")) or \(MnistRecipe.name) (required unless --data).")
        let dataFolder = TrainingOptions().dataFolder.described("The folder holding the authors' data files under their names (with --recipe).")
        let initialisation = TrainingOptions().initialisation.described("The authors' pickled .npy initialisation: init/<recipe>.npy (required with a Helper recipe; with --data optional: row K for trial K); mnist: a folder of model_K.pth (optional: torch's default for seed K).")
        let trials = Option<[Int]>("trials", valueName: "LIST", default: [1], defaultText: "1",
                                   expecting: "trials as 1-5 or 1,3,4 (each 1 to 1000)",
                                   help: "The trials to run: rows of the init file; with --data the seeds of the initial weights.", convert: ExperimentCommand.parseTrials)
        let data = TrainingOptions().data
        let labelColumn = TrainingOptions().labelColumn
        let scaling = TrainingOptions().scaling
        let split = TrainingOptions().split
        let shuffleSeed = TrainingOptions().shuffleSeed.described("With --data: numpy's seed for the shuffle of the rows (one split for every trial).")
        let hidden = TrainingOptions().hidden
        let learningRate = TrainingOptions().learningRate.described("With --data: the SGD learning rate.")
        let benchmark = TrainingOptions().benchmark.described("With --data: the train accuracy the retrainings are timed to.")
        let accuracy = TrainingOptions().accuracy
        let folder = Option<String>.text("out", short: "o", valueName: "DIR", default: "chaosprune-experiment",
                                         help: "The run folder: trial_K/ per trial, results.csv, verdict.csv.")
        let plan = WindowPlanOptions()
        let selection = GrangerSelectionOptions()
        let selectAll = Flag("select-all-if-none", help: "When Granger finds no non-causal weight, prune every weight as the notebook's [-0:] slice does (default: prune none and report \"no non-causal weight\").")
        let partialEpochs = Option<Int>.integer("partial-epochs", default: nil, in: 1...1_000_000,
                                                defaultText: "the fewest with more than 3·maxlag + 1 windows",
                                                help: "Epochs of the partial recording behind LEGCNet-PT.")
        let ftMasks = Option<[String]>("ft-masks", valueName: "F1,F2,…", default: nil, expecting: "mask files separated by commas",
                                       help: "One FT mask per trial (0-based), to replay given lists instead of stages 1–3.",
                                       convert: { text in text.split(separator: ",").map(String.init) })
        let ptMasks = Option<[String]>("pt-masks", valueName: "F1,F2,…", default: nil, expecting: "mask files separated by commas",
                                       help: "One PT mask per trial (0-based).", convert: { text in text.split(separator: ",").map(String.init) })
        let epochs = Option<Int>.integer("epochs", default: nil, in: 1...1_000_000, defaultText: "50",
                                         help: "mnist: the epochs of the recording and of every retraining; --data: of the recording (retraining: 50 more).")
        let intendedMask = Flag("intended-mask", help: "mnist: prune exactly the listed weights (the authors' mask code ignores fc4 entries and index 0 also zeroes fc1[49][783]).")
        let arithmetic = ArithmeticOption()
        let threads = SharedOption.threads
        let quiet = SharedOption.quiet
        let report = ReportOption.report
    }

    static let command = Command(
        name: "experiment",
        abstract: "The paper's experiment for a recipe or your data: train, window LE, Granger, then retrain dense, FT, PT and two baselines.",
        usage: "(--recipe NAME --data-dir DIR --init FILE | --data FILE.csv) [--trials 1-5] [-o DIR] [options]",
        discussion: """
            For every trial: train and record (train), windowed LE (le-window) and Granger (granger) on the full recording for the LEGCNet-FT mask and on a partial recording for LEGCNet-PT, then retrain (retrain) the dense network, FT, PT, and magnitude and random baselines of FT's size, all from the trial's initial weights. Every stage's files land in trial_K/ under their original names. Prints the results table (Markdown) and writes results.csv: per trial and mean ± std of pruned %, the epoch reaching the benchmark, accuracies there and at the end, macro F1 and multiply-adds per forward pass.
            The verdict (printed, and verdict.csv): FT and PT against dense, magnitude and random on the final test accuracy and the test macro F1, as the mean paired difference ± std over the trials, how many trials are above, below or equal, and the two-sided paired t-test's p-value (scipy's ttest_rel).
            When Granger finds no non-causal weight, the variant prunes nothing and the table says "no non-causal weight" (the baselines sized by FT too); --select-all-if-none prunes every weight as the notebook does.
            --data FILE.csv runs it on your own data with train --data's options: trial K is the seed of the initial weights (or row K of --init), every trial the same split.
            """,
        examples: ["chaosprune experiment --recipe bank_note --data-dir data --init init/bank_note.npy --trials 1-5 -o bank_note_run",
                   "chaosprune experiment --data wine.csv --trials 1-5 -o wine_run"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        guard arguments.positionals.isEmpty else { throw .usage("takes no positional arguments (see --help)") }
        if arguments.isGiven(options.data) { return try ownData(invocation, options: options) }
        try TrainingOptions().refuseDataOnlyOptions(arguments, alsoRefusing: [options.learningRate.spec, options.benchmark.spec, options.accuracy.spec])
        if try arguments.value(options.recipe) == MnistRecipe.name { return try mnist(invocation, options: options) }
        if arguments.isSet(options.intendedMask) { throw .usage("--intended-mask goes with --recipe mnist") }
        if arguments.isGiven(options.epochs) { throw .usage("--epochs goes with --recipe mnist or --data (the other recipes train their own num_iterations)") }
        let recipe: TrainingRecipe
        do {
            recipe = try TrainingRecipe.named(try arguments.value(options.recipe))
        } catch let error as CommandError {
            throw error
        } catch {
            throw .usage(String(describing: error))
        }
        let initialisation = try arguments.value(options.initialisation)
        let request = ExperimentRun.Request(recipe: recipe, source: .recipeFiles(dataFolder: try arguments.value(options.dataFolder), initialisation: initialisation),
                                            trials: try arguments.value(options.trials), folder: try arguments.value(options.folder))
        return try helper(invocation, options: options, request: request, name: recipe.name, inputs: [initialisation])
    }

    /// `experiment --data FILE`: the setups read and checked, then the Helper experiment.
    static func ownData(_ invocation: Invocation, options: Options) throws(CommandError) -> ExitStatus {
        let arguments = invocation.arguments
        if arguments.isSet(options.intendedMask) { throw .usage("--intended-mask goes with --recipe mnist") }
        let trials = try arguments.value(options.trials)
        if let repeated = ExperimentRun.repeatedTrial(in: trials) { throw .usage(repeated) }
        let setups = try TrainingOptions().ownDataSetups(arguments, invocation: invocation, recording: true,
                                                         trials: trials.map { ($0, UInt32($0)) })
        let request = ExperimentRun.Request(recipe: setups[0].recipe, source: .prepared(setups), trials: trials,
                                            folder: try arguments.value(options.folder))
        let path = try arguments.value(options.data)
        return try helper(invocation, options: options, request: request, name: path,
                          inputs: [path] + [try arguments.optional(options.initialisation)].compactMap { $0 })
    }

    /// The Helper experiment of `request` with the shared options applied; `name` (the recipe's, or the data file) heads
    /// the summary line; `inputs` are the files it reads besides masks.
    static func helper(_ invocation: Invocation, options: Options, request base: ExperimentRun.Request, name: String,
                       inputs read: [String]) throws(CommandError) -> ExitStatus {
        let arguments = invocation.arguments
        var request = base
        let recipe = request.recipe
        request.windows = WindowSettings.current(plan: try options.plan.plan(arguments))
        request.windows.arithmetic = try options.arithmetic.mode(arguments)
        request.granger.maxlag = try arguments.value(options.selection.maxlag)
        request.granger.alpha = try arguments.value(options.selection.alpha)
        request.granger.fixEmpty = !arguments.isSet(options.selectAll)
        request.partialEpochs = try arguments.optional(options.partialEpochs)
        request.ftMasks = try arguments.optional(options.ftMasks)
        request.ptMasks = try arguments.optional(options.ptMasks)
        request.threads = try arguments.value(options.threads)
        if let problem = request.problem { throw .usage(problem) }
        let inputs = read + (request.ftMasks ?? []) + (request.ptMasks ?? [])
        let reports = arguments.isSet(options.report) ? request.trials.map { (name: "-o (its trial_\($0)/report.html)", path: "\(request.folder)/trial_\($0)/report.html") } : []
        try DistinctFiles.require(inputs: inputs, outputs: tableOutputs(request.folder) + reports)
        try DistinctFiles.requireOutside(inputs: inputs, folders: request.trials.map { ("-o (its trial_\($0))", "\(request.folder)/trial_\($0)") })
        let quiet = arguments.isSet(options.quiet)
        let showProgress = !quiet && invocation.console.errorIsTerminal
        let lock = try lockFolder(request.folder)
        defer { withExtendedLifetime(lock) {} }
        let result = try invocation.stage {
            try ExperimentRun.run(request) { message in if showProgress { invocation.console.error("experiment: \(message)\n") } }
        }
        invocation.warn(result.trials.flatMap(\.warnings))
        let table = ExperimentResults(result, weights: recipe.weightCount, denseMultiplyAdds: recipe.weightCount, hasBenchmark: recipe.benchmark != nil)
        try write(table, folder: request.folder, invocation: invocation)
        if arguments.isSet(options.report) {
            for trial in request.trials { _ = try ReportOption.write("\(request.folder)/trial_\(trial)", invocation: invocation) }
        }
        if !quiet {
            summarise(name, trials: request.trials.count, partialEpochs: result.partialEpochs, seconds: result.seconds, folder: request.folder, invocation: invocation)
        }
        return 0
    }

    /// Takes the lock of the run folder `folder` (`.NAME.experiment-lock` beside
    /// it, held until the run ends): two experiments never write into one folder at once.
    static func lockFolder(_ folder: String) throws(CommandError) -> FolderLock {
        let lock: FolderLock?
        do {
            lock = try FolderLock(beside: folder, suffix: "experiment-lock")
        } catch {
            throw .failure("\(ArgumentText.printable(error.path)): cannot take the run folder's lock: \(error.reason)")
        }
        guard let lock else {
            let path = FolderLock.path(beside: folder, suffix: "experiment-lock")
            throw .failure("another experiment is writing into \(ArgumentText.printable(folder)) (it holds \(ArgumentText.printable(path))): wait for it to end, or choose another folder")
        }
        return lock
    }

    /// The two tables every experiment writes into its folder, as outputs to keep apart from its inputs.
    static func tableOutputs(_ folder: String) -> [(name: String, path: String)] {
        [(name: "-o (its results.csv)", path: "\(folder)/results.csv"), (name: "-o (its verdict.csv)", path: "\(folder)/verdict.csv")]
    }

    /// The one-line summary on stderr.
    static func summarise(_ name: String, trials: Int, partialEpochs: Int?, seconds: Double, folder: String, invocation: Invocation) {
        let partial = partialEpochs.map { "PT from the first \($0) epoch(s); " } ?? ""
        invocation.console.error("experiment: \(name), \(trials) trial(s): \(partial)\(CFormat.format("%.1f", seconds)) s; \(folder)/results.csv, verdict.csv\n")
    }

    /// Writes results.csv and verdict.csv into `folder`, both or neither (a
    /// verdict.csv that cannot be written leaves the earlier results.csv), and prints the tables.
    static func write(_ table: ExperimentResults, folder: String, invocation: Invocation) throws(CommandError) {
        try invocation.stage {
            let results = try AtomicFileWriter(path: "\(folder)/results.csv"), verdict = try AtomicFileWriter(path: "\(folder)/verdict.csv")
            try results.write(table.csv)
            try verdict.write(table.verdictCSV)
            try AtomicFileWriter.commitAll([results, verdict])
        }
        invocation.console.output(table.markdown)
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
        request.granger.fixEmpty = !arguments.isSet(options.selectAll)
        request.partialEpochs = try arguments.optional(options.partialEpochs)
        request.ftMasks = try arguments.optional(options.ftMasks)
        request.ptMasks = try arguments.optional(options.ptMasks)
        request.intendedMask = arguments.isSet(options.intendedMask)
        request.epochs = try arguments.optional(options.epochs) ?? request.epochs
        request.threads = try arguments.value(options.threads)
        if let problem = request.problem { throw .usage(problem) }
        let inputs = ["\(request.dataFolder)/mnist.csv"] + request.trials.compactMap { trial in request.initialisations.map { "\($0)/model_\(trial).pth" } }
            + (request.ftMasks ?? []) + (request.ptMasks ?? [])
        try DistinctFiles.require(inputs: inputs, outputs: tableOutputs(request.folder))
        try DistinctFiles.requireOutside(inputs: inputs, folders: request.trials.map { ("-o (its trial_\($0))", "\(request.folder)/trial_\($0)") })
        let quiet = arguments.isSet(options.quiet)
        let showProgress = !quiet && invocation.console.errorIsTerminal
        let lock = try lockFolder(request.folder)
        defer { withExtendedLifetime(lock) {} }
        let result = try invocation.stage {
            try MnistExperiment.run(request) { message in if showProgress { invocation.console.error("experiment: \(message)\n") } }
        }
        invocation.warn(MnistExperiment.warnings(of: result))
        let table = ExperimentResults(result, weights: MnistLayout.analysedCount, denseMultiplyAdds: MnistLayout.weightCount)
        try write(table, folder: request.folder, invocation: invocation)
        if !quiet {
            summarise("mnist", trials: request.trials.count, partialEpochs: result.partialEpochs, seconds: result.seconds, folder: request.folder, invocation: invocation)
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
