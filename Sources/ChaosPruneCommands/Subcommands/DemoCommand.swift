import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune demo`: the whole experiment on the authors' iris network, from embedded inputs.
enum DemoCommand {
    /// The options of `chaosprune demo`, in help order.
    struct Options: OptionGroup {
        let folder = Option<String>.text("out", valueName: "DIR", default: "chaosprune-demo", help: "Folder for the demo's files.")
        let epochs = Option<Int>.integer("epochs", default: 20, in: 2...1000, help: "Stage-1 epochs of the iris network.")
        let pipeline = PipelineCommand.SharedOptions()
    }

    static let command = Command(
        name: "demo",
        abstract: "Run the pipeline on the authors' iris network: train, window LE, Granger, retrain with the mask.",
        usage: "[--out DIR] [options]",
        discussion: "Writes the authors' Iris.csv and init/iris.npy (embedded in chaosprune) into DIR, trains their 4-6-3 iris network from trial 1's initial weights and records it (train), runs le-window and granger on the recording (pipeline), then retrains the network dense and with the mask (retrain), prints both and draws the folder as report.html (report).",
        examples: ["chaosprune demo --out /tmp/demo"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        guard arguments.positionals.isEmpty else { throw .usage("demo takes no files (see --help)") }
        let out = try arguments.value(options.folder)
        let recipe = TrainingRecipe.all.first { $0.name == "iris" }!
        let quiet = arguments.isSet(options.pipeline.quiet)
        let setup = try invocation.stage { () throws -> TrainingSetup in
            try Platform.makeFolder(out)
            try Platform.makeFolder("\(out)/data")
            try Platform.makeFolder("\(out)/init")
            try AtomicFileWriter.write(PackageResources.Iris_csv, to: "\(out)/data/Iris.csv")
            try AtomicFileWriter.write(PackageResources.iris_npy, to: "\(out)/init/iris.npy")
            return try TrainingSetup(recipe: recipe, data: try RecipeData.load(recipe, from: "\(out)/data"),
                                     initial: try TrainingSetup.initialisation("\(out)/init/iris.npy", trial: 1, recipe: recipe))
        }
        var recording = StageOneRecording.Request(setup: setup, epochs: try arguments.value(options.epochs), trial: "1", folder: out)
        recording.threads = try arguments.value(options.pipeline.threads)
        let recorded = try invocation.stage { try StageOneRecording.run(recording) }
        let status = try PipelineCommand.run(invocation, options: options.pipeline, report: false, weights: recorded.files[0],
                                             accuracy: recorded.files[1], folder: out, defaultData: "iris")
        let maskPath = "\(out)/mask_\(try arguments.optional(options.pipeline.dataName) ?? "iris")_\(try arguments.value(options.pipeline.initName)).csv"
        let mask = try invocation.stage { try MaskFile.readSet(maskPath, weights: recipe.weightCount) }
        var lines: [String] = []
        for (name, indices) in [("dense", [Int]()), ("pruned", mask)] {
            let result = SparseRetraining.run(SparseRetraining.Request(setup: setup, mask: indices, epochs: recipe.retrainEpochs))
            try invocation.stage {
                try Platform.makeFolder("\(out)/retrain")
                try RetrainingReport.write(result, network: .init(recipe), trial: 1, mask: indices, baseline: false, into: "\(out)/retrain/\(name)")
            }
            let reached = result.benchmarkEpoch.map { "reaches \(PythonFloatText.repr(recipe.benchmark ?? 0)) train accuracy at epoch \($0)" }
                ?? "never reaches \(PythonFloatText.repr(recipe.benchmark ?? 0))"
            lines.append("\(name == "dense" ? "retrain dense " : "retrain pruned")   \(indices.count) of \(recipe.weightCount) weights pruned: \(reached); final train \(CFormat.format("%.4f", result.epochs.last?.train ?? 0)), test \(CFormat.format("%.4f", result.epochs.last?.test ?? 0))")
        }
        let page = try ReportOption.write(out, invocation: invocation)
        if !quiet {
            invocation.console.output(lines.joined(separator: "\n") + "\n  \(out)/retrain/dense, \(out)/retrain/pruned\n")
            invocation.console.output("report           \(page) (open it in a browser)\n")
        }
        return status
    }
}
