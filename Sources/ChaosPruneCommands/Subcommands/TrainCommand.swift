import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune train`: stage 1, the authors' network trained and recorded step by step.
enum TrainCommand {
    /// The options of `chaosprune train`, in help order.
    struct Options: OptionGroup {
        let training = TrainingOptions()
        let append = Flag("append", help: "Append to existing files, as the authors' writer does (their notebook records two runs into one file).")
        let columns = Option<MnistRecording.Columns>.choice("columns", valueName: "WHICH", default: .analysed,
                                                            help: "--recipe mnist: analysed (fc2 then fc4, the 1,800 weights stages 2–3 use) or all 41,000.")
        let format = Option<RecordingFormat>.choice("format", valueName: "FORMAT", default: .csv,
                                                    help: "The weights as csv (the authors' text) or npy (streamed; float64, --recipe mnist float32).")
        let trueAccuracy = MnistRecipe.trueAccuracy
        let threads = SharedOption.threads
        let quiet = SharedOption.quiet
    }

    static let command = Command(
        name: "train",
        abstract: "Train a recipe's network and record every weight and both accuracies after every SGD step (stage 1).",
        usage: "(--recipe NAME --data-dir DIR --init FILE | --data FILE.csv) --trial K -o DIR [options]",
        discussion: """
            The authors' from-scratch network, operation for operation: per-sample SGD in a fixed order, weights recorded once before training and after every update. Helper recipes write pure_K.csv (W1 then W2, row-major) and acc_K.csv (test accuracy, then train) with \\r\\n as Python's csv writer; diabetes writes diabetes-K_weights.csv, train_accuracyK.csv and test_accuracyK.csv with \\n as pandas. These are the files le-window and granger read.
            --recipe mnist is the authors' PyTorch network (784-50-30-10, batches of 128, float32) from DIR/mnist.csv and --init model_K.pth, or without --init torch's default initialisation for seed K. It writes weightsK.csv (the state before every step, as the authors' recorder intends), train_accuraciesK.csv and test_accuraciesK.csv (25 window-end percentages, \\r\\n) and epochs_K.csv.
            """,
        examples: ["chaosprune train --recipe bank_note --data-dir data --init init/bank_note.npy --trial 1 -o run",
                   "chaosprune train --recipe mnist --data-dir data --trial 1 -o run"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        let training = options.training
        if try MnistRecipe.isChosen(arguments, training) { return try mnist(invocation, options: options) }
        try MnistRecipe.refuseOutside(arguments, flags: [options.trueAccuracy], options: ["columns"])
        let (setup, trial) = try training.setup(arguments, invocation: invocation, recording: true)
        var request = StageOneRecording.Request(setup: setup, epochs: try arguments.optional(training.epochs) ?? setup.recipe.epochs,
                                                trial: "\(trial)", folder: try arguments.value(training.output))
        request.append = arguments.isSet(options.append)
        request.format = try arguments.value(options.format)
        if request.append, request.format == .npy { throw .usage("--append writes CSV only: a .npy's header fixes its row count") }
        try training.requireOutputsApart(arguments, names: StageOneRecording.fileNames(recipe: setup.recipe, trial: request.trial, format: request.format)
            + StageOneRecording.replacedRecordings(recipe: setup.recipe, trial: request.trial, format: request.format))
        request.threads = try arguments.value(options.threads)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try invocation.stage { try StageOneRecording.run(request) }
        invocation.warn(result.warnings)
        if !arguments.isSet(options.quiet) {
            invocation.console.error("train: \(setup.recipe.name) trial \(trial): \(request.epochs) epochs, \(result.steps) steps, final train accuracy \(PythonFloatText.repr(result.finalTrainAccuracy)), test \(PythonFloatText.repr(result.finalTestAccuracy)), in \(CFormat.format("%.1f", (clock.now - start).seconds)) s; \(result.files.joined(separator: ", "))\n")
        }
        return 0
    }

    /// `train --recipe mnist`.
    static func mnist(_ invocation: Invocation, options: Options) throws(CommandError) -> ExitStatus {
        let arguments = invocation.arguments
        let training = options.training
        try MnistRecipe.refuse(arguments, flags: [options.append], options: ["benchmark"])
        let (trial, format) = (try arguments.value(training.trial), try arguments.value(options.format))
        let folder = try arguments.value(training.output)
        try DistinctFiles.require(inputs: try MnistRecipe.inputs(arguments, training),
                                  outputs: (MnistRecording.fileNames(trial: trial, format: format) + MnistRecording.replacedRecordings(trial: trial, format: format))
                                    .map { ("--output (its \($0))", "\(folder)/\($0)") })
        let (data, initial, _) = try MnistRecipe.setup(arguments, training, invocation: invocation)
        var request = MnistRecording.Request(data: data, initial: initial, seed: UInt32(truncatingIfNeeded: trial),
                                             epochs: try arguments.optional(training.epochs) ?? 50, trial: trial, folder: folder)
        request.columns = try arguments.value(options.columns)
        request.format = format
        request.trueAccuracy = arguments.isSet(options.trueAccuracy)
        request.learningRate = try MnistRecipe.learningRate(arguments, training)
        request.threads = try arguments.value(options.threads)
        let meter = ProgressMeter(console: invocation.console, quiet: arguments.isSet(options.quiet))
        let epochs = request.epochs
        request.progress = { done in meter.update(label: "train:", done: done, unit: "epochs", fraction: Double(done) / Double(epochs)) }
        let result = try invocation.stage { try MnistRecording.run(request) }
        meter.finish()
        invocation.warn(result.warnings)
        if !arguments.isSet(options.quiet), let last = result.epochs.last {
            invocation.console.error("train: mnist trial \(trial): \(request.epochs) epochs, \(result.steps) steps, final train accuracy \(PythonFloatText.repr(last.train)) %, test \(PythonFloatText.repr(last.test)) %, in \(CFormat.format("%.1f", meter.elapsed)) s; \(result.files.joined(separator: ", "))\n")
        }
        return 0
    }
}
