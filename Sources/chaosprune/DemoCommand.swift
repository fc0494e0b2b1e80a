import ChaosPruneKit
import Foundation
import LyapunovKit

/// `chaosprune demo`: the pipeline on the bundled recording of a small iris network.
let demoCommand = Subcommand(name: "demo", summary: "run the pipeline on a bundled recording of a small iris network") { arguments in
    let parser = OptionParser(pipelineOptions)
    let help = """
        Usage: chaosprune demo [--out DIR] [options]
        Runs `chaosprune pipeline` on an embedded recording: a 4-6-3 sigmoid network trained on
        iris for 20 epochs by per-sample SGD (2,401 steps × 42 weights), made with
        notebooks-port/network.py. Files go to ./chaosprune-demo/ unless --out says otherwise.

        \(parser.helpText)

        Example: chaosprune demo --out /tmp/demo

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        guard parsed.positionals.isEmpty else { throw OptionParser.Failure(message: "demo takes no files (see --help)") }
        guard let folder = Bundle.module.url(forResource: "demo", withExtension: nil) else {
            throw OptionParser.Failure(message: "the demo recording is missing from this build (Resources/demo)")
        }
        return try runPipeline(weights: folder.appendingPathComponent("weights.csv").path,
                               accuracy: folder.appendingPathComponent("acc.csv").path,
                               defaultFolder: "chaosprune-demo", defaultData: "iris", parsed: parsed)
    }
}
