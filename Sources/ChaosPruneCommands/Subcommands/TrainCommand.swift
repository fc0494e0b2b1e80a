import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune train`: stage 1, the authors' network trained and recorded step by step.
enum TrainCommand {
    /// The options of `chaosprune train`, in help order.
    struct Options: OptionGroup {
        let training = TrainingOptions()
        let append = Flag("append", help: "Append to existing files, as the authors' writer does (their notebook records two runs into one file).")
        let threads = SharedOption.threads
        let quiet = SharedOption.quiet
    }

    static let command = Command(
        name: "train",
        abstract: "Train a recipe's network and record every weight and both accuracies after every SGD step (stage 1).",
        usage: "(--recipe NAME --data-dir DIR --init FILE | --data FILE.csv) --trial K -o DIR [options]",
        discussion: "The authors' from-scratch network, operation for operation: per-sample SGD in a fixed order, weights recorded once before training and after every update. Helper recipes write pure_K.csv (W1 then W2, row-major) and acc_K.csv (test accuracy, then train) with \\r\\n as Python's csv writer; diabetes writes diabetes-K_weights.csv, train_accuracyK.csv and test_accuracyK.csv with \\n as pandas. These are the files le-window and granger read.",
        examples: ["chaosprune train --recipe bank_note --data-dir data --init init/bank_note.npy --trial 1 -o run"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        let training = options.training
        let (setup, trial) = try training.setup(arguments, invocation: invocation, recording: true)
        var request = StageOneRecording.Request(setup: setup, epochs: try arguments.optional(training.epochs) ?? setup.recipe.epochs,
                                                trial: "\(trial)", folder: try arguments.value(training.output))
        request.append = arguments.isSet(options.append)
        try training.requireOutputsApart(arguments, names: StageOneRecording.fileNames(recipe: setup.recipe, trial: request.trial))
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
}
