import ChaosPruneKit
import LyapunovKit

/// The options `pipeline` and `demo` share.
let pipelineOptions: [OptionParser.Option] = [
    .value("out", nil, "DIR", "folder for the pipeline's files [chaosprune-out; demo: chaosprune-demo]"),
    .value("window", "w", "N", "rows per window [50]"),
    .value("overlap", nil, "F", "window overlap [0.1]"),
    .value("maxlag", nil, "N", "highest Granger lag [14]"),
    .value("alpha", nil, "P", "threshold on the rounded minimum p-value [0.05]"),
    .flag("stationarity", nil, "the notebook's stat=True path (ADF, differencing; quirk kept)"),
    .flag("fix-empty", nil, "empty mask instead of ALL weights when none qualifies"),
    .value("arithmetic", nil, "MODE", "ieee64 (x86-64 TISEAN, default) or x87 (original 32-bit build)"),
    .value("trial", nil, "K", "the <k> of window_LE_<k>.csv [1]"),
    .value("data", nil, "NAME", "the <data> of mask_<data>_<init>.csv [weights file name]"),
    .value("init", nil, "NAME", "the <init> of mask_<data>_<init>.csv [init]"),
    .flag("crlf", nil, "window_LE rows end with \\r\\n as the authors' Windows files"),
    .value("threads", "j", "N", "worker threads [all cores]"),
    .flag("quiet", "q", "no progress and no summary"),
]

/// Runs the pipeline from parsed options (shared by `pipeline` and `demo`).
func runPipeline(weights: String, accuracy: String, defaultFolder: String, defaultData: String,
                 parsed: ParsedOptions) throws(OptionParser.Failure) -> Int32 {
    var options = PipelineJob.Options(threads: try parsed.integer("threads", default: ProcessorCount.online, in: 1...1024))
    options.windows.settings.window = try parsed.integer("window", default: 50, in: 2...Int.max)
    options.windows.settings.overlap = try parsed.real("overlap", default: 0.1)
    options.windows.settings.arithmetic = try parsed.arithmetic()
    if parsed.has("crlf") { options.windows.lineEnding = [13, 10] }
    options.granger.maxlag = try parsed.integer("maxlag", default: 14, in: 1...1000)
    options.granger.alpha = try parsed.real("alpha", default: 0.05)
    options.granger.stationarity = parsed.has("stationarity")
    options.granger.fixEmpty = parsed.has("fix-empty")
    options.trial = parsed.string("trial", default: "1")!
    options.dataName = parsed.string("data", default: defaultData)!
    options.initName = parsed.string("init", default: "init")!
    let quiet = parsed.has("quiet")
    let meter = ProgressMeter(quiet: quiet)
    options.windows.progress = { windows, reader in
        meter.update(label: "le-window:", done: windows, unit: "windows",
                     fraction: reader.totalBytes.map { Double(reader.bytesConsumed) / Double(max($0, 1)) })
    }
    let folder = parsed.string("out", default: defaultFolder)!
    return StageRunner.run { () throws(StageFailure) in
        let summary = try PipelineJob.run(weightsPath: weights, accuracyPath: accuracy, folder: folder, options: options)
        meter.finish()
        if !quiet { print(summary.text, terminator: "") }
    }
}

/// `chaosprune pipeline`: weights + accuracies → window_LE → p-values → mask.
let pipelineCommand = Subcommand(name: "pipeline", summary: "weights + accuracies → window_LE → Granger p-values → mask, in one folder") { arguments in
    let parser = OptionParser(pipelineOptions)
    let help = """
        Usage: chaosprune pipeline WEIGHTS.csv ACC.csv [--out DIR] [options]
        Stages 2 and 3 of the original pipeline in one command (LE_window.m, then the Granger
        notebook on the window_LE file as written), with the original file names:
        window_LE_<k>.csv and .log, granger_pvalues.csv, granger_min_p.csv, mask_<data>_<init>.csv
        (and adf.csv with --stationarity). Prints a one-screen summary.

        \(parser.helpText)

        Example: chaosprune pipeline pure_1.csv acc_1.csv --out run1 --data mnist --init xavier

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        guard parsed.positionals.count == 2 else { throw OptionParser.Failure(message: "expected WEIGHTS.csv and ACC.csv (see --help)") }
        let weights = parsed.positionals[0]
        let stem = weights.split(separator: "/").last.map { $0.split(separator: ".").first.map(String.init) ?? "data" } ?? "data"
        return try runPipeline(weights: weights, accuracy: parsed.positionals[1], defaultFolder: "chaosprune-out",
                               defaultData: stem, parsed: parsed)
    }
}
