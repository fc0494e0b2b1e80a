import ChaosPruneKit

/// `chaosprune demo`: the pipeline on the bundled recording of a small iris network.
enum DemoCommand {
    static let folder = Option<String>.text("out", valueName: "DIR", default: "chaosprune-demo", help: "Folder for the pipeline's files.")

    static let command = Command(
        name: "demo",
        abstract: "Run the pipeline on a bundled recording of a small iris network.",
        usage: "[--out DIR] [options]",
        discussion: "Runs `chaosprune pipeline` on an embedded recording: a 4-6-3 sigmoid network trained on iris for 20 epochs by per-sample SGD (2,401 steps × 42 weights), made with notebooks-port/network.py.",
        examples: ["chaosprune demo --out /tmp/demo"],
        options: [folder.spec] + PipelineCommand.sharedOptions
    ) { invocation throws(CommandError) in
        guard invocation.arguments.positionals.isEmpty else { throw .usage("demo takes no files (see --help)") }
        guard let recording = invocation.context.demoRecording() else {
            throw .failure("the demo recording is missing from this build (Resources/demo)")
        }
        return try PipelineCommand.run(invocation, weights: recording + "/weights.csv", accuracy: recording + "/acc.csv",
                                       folder: try invocation.arguments.value(folder), defaultData: "iris")
    }
}
