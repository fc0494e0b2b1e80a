import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune retrain`: stage 4, the network trained again with a mask held at zero.
enum RetrainCommand {
    /// The options of `chaosprune retrain`, in help order.
    struct Options: OptionGroup {
        let training = TrainingOptions()
        let mask = Option<String>.text("mask", valueName: "FILE", help: "The weights to prune, one index per line (granger's output); none: the dense run.")
        let maskBase = Option<Int>.integer("mask-base", default: 0, in: 0...1, help: "1 for 1-based masks, as the framework's own lists are.")
        let baseline = Option<BaselineMask.Kind>.choice("baseline", valueName: "KIND", default: nil,
                                                        help: "Instead of --mask, a baseline mask: magnitude (the smallest |w| after dense stage-1 training) or random.")
        let prune = Option<Int>.integer("prune", default: nil, in: 0...1_000_000, help: "With --baseline: how many weights to prune.")
        let pruneLike = Option<String>.text("prune-like", valueName: "FILE", help: "With --baseline: prune as many weights as this mask holds.")
        let seed = Option<Int>.integer("seed", default: nil, in: 0...Int(UInt32.max), defaultText: "the trial",
                                       help: "With --baseline random: numpy's seed for the sample.")
        let intendedMask = Flag("intended-mask", help: "--recipe mnist: prune exactly the listed weights (the authors' mask code ignores fc4 entries and index 0 also zeroes fc1[49][783]).")
        let trueAccuracy = MnistRecipe.trueAccuracy
        let trueMetrics = Flag("true-metrics", help: "--recipe mnist: precision, recall and F1 over every sample (the authors' metrics() scores each batch's first).")
        let saveWeights = Option<String>.text("save-weights", valueName: "FILE", help: "--recipe mnist: the final parameters as .npy (float32, state_dict order) or .pth.")
        let threads = SharedOption.threads
        let quiet = SharedOption.quiet
    }

    /// Where a baseline's size comes from.
    enum BaselineSize {
        case count(Int)
        case like(String)
    }

    /// The baseline the options ask for, checked before any data is read; nil for a mask file or the dense run.
    static func baselineRequest(_ arguments: ParsedArguments, options: Options) throws(CommandError) -> (BaselineMask.Kind, BaselineSize)? {
        guard let kind = try arguments.optional(options.baseline) else {
            if arguments.isGiven(options.prune) || arguments.isGiven(options.pruneLike) || arguments.isGiven(options.seed) {
                throw .usage("--prune, --prune-like and --seed go with --baseline")
            }
            return nil
        }
        if arguments.isGiven(options.mask) { throw .usage("--baseline builds its own mask: give --mask or --baseline, not both") }
        switch (try arguments.optional(options.prune), try arguments.optional(options.pruneLike)) {
        case let (number?, nil): return (kind, .count(number))
        case let (nil, path?): return (kind, .like(path))
        default: throw .usage("--baseline needs --prune N or --prune-like MASK (one of them)")
        }
    }

    /// The mask's indices into `weights` weights: a file, a baseline, or none
    /// (dense); `trained` gives the weights after dense stage-1 training, for
    /// the magnitude baseline.
    static func maskIndices(_ invocation: Invocation, options: Options, baseline request: (BaselineMask.Kind, BaselineSize)?,
                            weights: Int, trial: Int, trained: () -> [Double]) throws(CommandError) -> [Int] {
        let arguments = invocation.arguments
        let base = try arguments.value(options.maskBase)
        guard let (kind, size) = request else {
            let path = try arguments.optional(options.mask)
            return try invocation.stage { try path.map { try MaskFile.readSet($0, offset: base, weights: weights) } ?? [] }
        }
        let sampleSeed = UInt32(try arguments.optional(options.seed) ?? trial)
        return try invocation.stage {
            let count: Int
            switch size {
            case let .count(number): count = number
            case let .like(path): count = try MaskFile.readSet(path, offset: base, weights: weights).count
            }
            return try BaselineMask.indices(kind, count: count, weights: weights, seed: sampleSeed, trained: trained)
        }
    }

    static let command = Command(
        name: "retrain",
        abstract: "Retrain a recipe's network from the same initialisation with a mask held at zero (stage 4).",
        usage: "(--recipe NAME --data-dir DIR --init FILE | --data FILE.csv) --trial K [--mask FILE] -o DIR [options]",
        discussion: "Helper recipes zero the masked weights at the start and after every update, train num_iterations + 50 epochs, and report the first epoch whose train accuracy reaches the recipe's benchmark; diabetes zeroes them before every forward pass only (the framework's way) and has no benchmark. Writes epochs_K.csv (epoch,train_acc,test_acc) and summary_K.json (benchmark epoch, accuracies, macro precision, recall and F1 as scikit-learn computes them); with --baseline also the mask it built, baseline_mask_K.csv.",
        examples: ["chaosprune retrain --recipe bank_note --data-dir data --init init/bank_note.npy --trial 1 --mask mask.csv -o run/FT",
                   "chaosprune retrain --recipe bank_note --data-dir data --init init/bank_note.npy --trial 1 --baseline magnitude --prune-like mask.csv -o run/magnitude"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        let training = options.training
        if try MnistRecipe.isChosen(arguments, training) { return try mnist(invocation, options: options) }
        try MnistRecipe.refuseOutside(arguments, flags: [options.intendedMask, options.trueAccuracy, options.trueMetrics], options: ["save-weights"])
        let baselineRequest = try baselineRequest(arguments, options: options)
        let (setup, trial) = try training.setup(arguments, invocation: invocation, recording: false)
        let folder = try arguments.value(training.output)
        try training.requireOutputsApart(arguments, names: RetrainingReport.fileNames(trial: trial, baseline: baselineRequest != nil),
                                         others: [options.mask, options.pruneLike])
        let indices = try maskIndices(invocation, options: options, baseline: baselineRequest, weights: setup.recipe.weightCount, trial: trial) {
            BaselineMask.trainedWeights(setup)
        }
        if !indices.isEmpty, indices.count == setup.recipe.weightCount {
            invocation.warn([.everyWeightMasked(count: indices.count, baseline: baselineRequest != nil)])
        }
        let request = SparseRetraining.Request(setup: setup, mask: indices,
                                               epochs: try arguments.optional(training.epochs) ?? setup.recipe.retrainEpochs)
        let result = SparseRetraining.run(request)
        try invocation.stage {
            try RetrainingReport.write(result, network: .init(setup.recipe), trial: trial, mask: indices, baseline: baselineRequest != nil, into: folder)
        }
        if !arguments.isSet(options.quiet) {
            let reached = result.benchmarkEpoch.map { "benchmark at epoch \($0)" } ?? "benchmark never reached"
            invocation.console.error("retrain: \(setup.recipe.name) trial \(trial), \(indices.count) of \(setup.recipe.weightCount) weights pruned: \(reached); final train accuracy \(PythonFloatText.repr(result.epochs.last?.train ?? 0)), test \(PythonFloatText.repr(result.epochs.last?.test ?? 0))\n")
        }
        return 0
    }

    /// `retrain --recipe mnist`.
    static func mnist(_ invocation: Invocation, options: Options) throws(CommandError) -> ExitStatus {
        let arguments = invocation.arguments
        let training = options.training
        let baselineRequest = try baselineRequest(arguments, options: options)
        let trial = try arguments.value(training.trial)
        let folder = try arguments.value(training.output)
        let savePath = try arguments.optional(options.saveWeights)
        if let savePath, !savePath.hasSuffix(".npy"), !savePath.hasSuffix(".pth") {
            throw .usage("--save-weights names a .npy or a .pth file")
        }
        let names = RetrainingReport.fileNames(trial: trial, baseline: baselineRequest != nil)
        var inputs = try MnistRecipe.inputs(arguments, training)
        for option in [options.mask, options.pruneLike] { if let path = try arguments.optional(option) { inputs.append(path) } }
        try DistinctFiles.require(inputs: inputs, outputs: names.map { ("--output (its \($0))", "\(folder)/\($0)") }
                                  + (savePath.map { [("--save-weights", $0)] } ?? []))
        let (data, initial, _) = try MnistRecipe.setup(arguments, training, invocation: invocation)
        let epochs = try arguments.optional(training.epochs) ?? 50
        let learningRate = try MnistRecipe.learningRate(arguments, training)
        let threads = try arguments.value(options.threads)
        let indices = try maskIndices(invocation, options: options, baseline: baselineRequest, weights: MnistLayout.analysedCount, trial: trial) {
            var dense = MnistRecording.Request(data: data, initial: initial, seed: UInt32(truncatingIfNeeded: trial), epochs: 50, trial: trial, folder: "")
            dense.learningRate = learningRate
            dense.threads = threads
            return MnistLayout.analysedWeights(of: MnistRecording.finalParameters(dense))
        }
        let mask = MnistMask(indices: indices, intended: arguments.isSet(options.intendedMask))
        var request = MnistRetraining.Request(data: data, initial: initial, seed: UInt32(truncatingIfNeeded: trial), mask: mask, epochs: epochs)
        request.benchmark = (try arguments.optional(training.benchmark)).map { 100 * $0 } ?? request.benchmark
        request.trueAccuracy = arguments.isSet(options.trueAccuracy)
        request.trueMetrics = arguments.isSet(options.trueMetrics)
        request.learningRate = learningRate
        request.threads = threads
        let meter = ProgressMeter(console: invocation.console, quiet: arguments.isSet(options.quiet))
        request.progress = { done in meter.update(label: "retrain:", done: done, unit: "epochs", fraction: Double(done) / Double(epochs)) }
        let result = MnistRetraining.run(request)
        meter.finish()
        invocation.warn(result.warnings)
        try invocation.stage {
            try Platform.makeFolder(folder)
            if let savePath { try MnistFinalWeights.write(result.parameters, to: savePath) }
            try RetrainingReport.write(result.report, network: .init(name: MnistRecipe.name, weights: MnistLayout.analysedCount, benchmark: request.benchmark),
                                       trial: trial, mask: indices, baseline: baselineRequest != nil, into: folder)
        }
        if !arguments.isSet(options.quiet) {
            let report = result.report
            let reached = report.benchmarkEpoch.map { "benchmark at epoch \($0)" } ?? "benchmark never reached"
            invocation.console.error("retrain: mnist trial \(trial), \(mask.zeroed.count) weights held at zero (\(indices.count) listed of \(MnistLayout.analysedCount)): \(reached); final train accuracy \(PythonFloatText.repr(report.epochs.last?.train ?? 0)) %, test \(PythonFloatText.repr(report.epochs.last?.test ?? 0)) %\n")
        }
        return 0
    }
}
