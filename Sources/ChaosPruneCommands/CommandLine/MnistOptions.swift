import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// The recipe name of the authors' PyTorch MNIST network.
enum MnistRecipe {
    /// `--recipe mnist`.
    static let name = MnistLayout.recipeName

    /// Whether the options name it.
    static func isChosen(_ arguments: ParsedArguments, _ training: TrainingOptions) throws(CommandError) -> Bool {
        try arguments.optional(training.recipe) == name
    }

    /// `--true-accuracy`, for `train` and `retrain`.
    static var trueAccuracy: Flag {
        Flag("true-accuracy", help: "--recipe mnist: accuracies over the sample counts (the authors' get_accuracy divides by batches × 128).")
    }

    /// Refuses the options of the other recipes' flavour that `train`/`retrain` also declare.
    static func refuse(_ arguments: ParsedArguments, flags: [Flag], options: [String]) throws(CommandError) {
        for flag in flags where arguments.isSet(flag) { throw .usage("--\(flag.spec.long) does not go with --recipe mnist") }
        for long in options where arguments.values[long] != nil { throw .usage("--\(long) does not go with --recipe mnist") }
    }

    /// Refuses MNIST-only options given for another recipe.
    static func refuseOutside(_ arguments: ParsedArguments, flags: [Flag], options: [String]) throws(CommandError) {
        for flag in flags where arguments.isSet(flag) { throw .usage("--\(flag.spec.long) goes with --recipe mnist") }
        for long in options where arguments.values[long] != nil { throw .usage("--\(long) goes with --recipe mnist") }
    }

    /// The data, the trial's initial parameters (`--init` or torch's default for seed K) and K.
    static func setup(_ arguments: ParsedArguments, _ training: TrainingOptions,
                      invocation: Invocation) throws(CommandError) -> (data: MnistData, initial: [Float], trial: Int) {
        guard arguments.positionals.isEmpty else { throw .usage("takes no positional arguments (see --help)") }
        if arguments.isGiven(training.data) { throw .usage("--data replaces --recipe and --data-dir: give one or the other") }
        try training.refuseDataOnlyOptions(arguments, alsoRefusing: [training.accuracy.spec])
        let trial = try arguments.value(training.trial)
        let folder = try arguments.value(training.dataFolder)
        let initPath = try arguments.optional(training.initialisation)
        return try invocation.stage { () throws -> (MnistData, [Float], Int) in
            let data = try MnistData.load(from: folder)
            let initial = try initPath.map { path throws -> [Float] in
                try MnistInitialisation.parameters(of: try TorchCheckpoint.read(path), file: path)
            } ?? MnistInitialisation.defaults(seed: UInt32(truncatingIfNeeded: trial)).parameters
            return (data, initial, trial)
        }
    }

    /// The learning rate: `--learning-rate` or the scripts' 0.5.
    static func learningRate(_ arguments: ParsedArguments, _ training: TrainingOptions) throws(CommandError) -> Float {
        Float(try arguments.optional(training.learningRate) ?? 0.5)
    }

    /// The inputs an MNIST run reads, for the outputs-apart rule.
    static func inputs(_ arguments: ParsedArguments, _ training: TrainingOptions) throws(CommandError) -> [String] {
        ["\(try arguments.value(training.dataFolder))/mnist.csv"] + [try arguments.optional(training.initialisation)].compactMap { $0 }
    }
}
