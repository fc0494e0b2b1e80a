import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune pipeline`: weights + accuracies → window_LE → p-values → mask, in one folder.
enum PipelineCommand {
    /// The options `pipeline` and `demo` share, in help order.
    struct SharedOptions: OptionGroup {
        let plan = WindowPlanOptions()
        let granger = GrangerOptions()
        let arithmetic = ArithmeticOption()
        let trial = Option<String>.text("trial", valueName: "K", default: "1", help: "The <k> of window_LE_<k>.csv.")
        let dataName = Option<String>.text("data", valueName: "NAME", help: "The <data> of mask_<data>_<init>.csv (default: the weights file's name).")
        let initName = Option<String>.text("init", valueName: "NAME", default: "init", help: "The <init> of mask_<data>_<init>.csv.")
        let crlf = SharedOption.crlf
        let threads = SharedOption.threads
        let quiet = SharedOption.quiet
    }

    /// The options of `chaosprune pipeline`, in help order.
    struct Options: OptionGroup {
        let folder = Option<String>.text("out", valueName: "DIR", default: "chaosprune-out", help: "Folder for the pipeline's files.")
        let shared = SharedOptions()
        let report = ReportOption.report
    }

    static let command = Command(
        name: "pipeline",
        abstract: "Weights + accuracies → window_LE → Granger p-values → mask, in one folder.",
        usage: "WEIGHTS.csv ACC.csv [--out DIR] [options]",
        discussion: "Stages 2 and 3 of the original pipeline in one command: le-window (LE_window.m), then granger (the notebook) on the window_LE file as written, with the original file names: window_LE_<k>.csv with its sidecar and log, granger_pvalues.csv, granger_min_p.csv, mask_<data>_<init>.csv (and adf.csv with --stationarity). Both inputs are checked before the folder is created. Prints a one-screen summary.",
        examples: ["chaosprune pipeline pure_1.csv acc_1.csv --out run1 --data mnist --init xavier"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let files = try invocation.positionals(2, "WEIGHTS.csv and ACC.csv")
        let stem = files[0].split(separator: "/").last.map { $0.split(separator: ".").first.map(String.init) ?? "data" } ?? "data"
        return try run(invocation, options: options.shared, report: invocation.arguments.isSet(options.report), weights: files[0],
                       accuracy: files[1], folder: try invocation.arguments.value(options.folder), defaultData: stem)
    }

    /// Runs the pipeline from parsed options (shared by `pipeline` and `demo`); with `report`, draws the folder too.
    static func run(_ invocation: Invocation, options: SharedOptions, report: Bool, weights: String, accuracy: String, folder: String,
                    defaultData: String) throws(CommandError) -> ExitStatus {
        let arguments = invocation.arguments
        var settings = WindowSettings.current(plan: try options.plan.plan(arguments))
        settings.arithmetic = try options.arithmetic.mode(arguments)
        let threads = try arguments.value(options.threads)
        var windows = WindowLEJob.Options(settings: settings, threads: threads)
        if arguments.isSet(options.crlf) { windows.lineEnding = [13, 10] }
        var granger = try options.granger.job(arguments)
        granger.threads = threads
        var request = PipelineRun.Request(weights: weights, accuracy: accuracy, folder: folder, windows: windows, granger: granger)
        request.trial = try arguments.value(options.trial)
        request.dataName = try arguments.optional(options.dataName) ?? defaultData
        request.initName = try arguments.value(options.initName)
        let page = report ? [("--out (its report.html)", "\(folder)/report.html")] : []
        try DistinctFiles.require(inputs: [weights, accuracy], outputs: request.outputs.map { ("--out (its \($0.name))", $0.path) } + page)
        let quiet = arguments.isSet(options.quiet)
        let meter = ProgressMeter(console: invocation.console, quiet: quiet)
        request.windows.progress = meter.windowProgress()
        let result = try invocation.stage { try PipelineRun.run(request) }
        meter.finish()
        invocation.warn(result.warnings)
        if !quiet { invocation.console.output(PipelineSummary.text(result)) }
        if report {
            let page = try ReportOption.write(folder, accuracy: accuracy, invocation: invocation)
            if !quiet { invocation.console.output("report           \(page)\n") }
        }
        return 0
    }
}
