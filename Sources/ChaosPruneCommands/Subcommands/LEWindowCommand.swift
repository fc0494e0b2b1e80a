import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem
import LyapunovKit

/// `chaosprune le-window`: weights CSV → window_LE CSV, as the MATLAB window scripts.
enum LEWindowCommand {
    /// The options of `chaosprune le-window`, in help order.
    struct Options: OptionGroup {
        let output = Option<String>.text("output", short: "o", valueName: "FILE",
                                         help: "window_LE CSV to write, - for stdout (required). A sidecar FILE.json records how it was made.")
        let legacy = Flag("legacy", help: "The older script window_LE.m: no gate, -s20, rows = weights, window \(WindowPlan.legacyWindow) unless --window.")
        let plan = WindowPlanOptions()
        let steps = Option<Int>.integer("steps", short: "s", default: nil, in: 0...1_000_000,
                                        defaultText: "\(WindowSettings.current(plan: .standard).parameters.steps); --legacy: \(WindowSettings.legacy(plan: .standard).parameters.steps)",
                                        help: "lyap_r iterations.")
        let dimension = Option<Int>.integer("dim", short: "m", default: LyapunovParameters.pipeline.dimension, in: 1...1_000_000,
                                            help: "lyap_r embedding dimension.")
        let delay = Option<Int>.integer("delay", short: "d", default: LyapunovParameters.pipeline.delay, in: 0...1_000_000,
                                        help: "lyap_r delay.")
        let radius = Option<Double>.real("radius", short: "r", valueName: "R", default: LyapunovParameters.pipeline.radius,
                                         expecting: "a finite number",
                                         help: "lyap_r initial epsilon in data units.")
        let noGate = Flag("no-gate", help: "Skip the ischange/range gate.")
        let fixStale = Flag("fix-stale", help: "--legacy: write 0 for a window constant after %f (the authors' script reuses the previous window's curve).")
        let columns = Option<ClosedRange<Int>>("columns", valueName: "A:B", default: nil, defaultText: "all",
                                               expecting: "A:B with 1 ≤ A ≤ B (1-based, inclusive)",
                                               help: "Only weights A…B, for sharding; merge joins the shards.", convert: LEWindowCommand.parseColumns)
        let shard = Option<WindowShard>("shard", valueName: "K/N", default: nil, defaultText: "all",
                                        expecting: "K/N with 1 ≤ K ≤ N (1-based, as --array=1-N numbers Slurm tasks)",
                                        help: "Only shard K of N of the weights, the range computed from the recording's width; a shard with no weight writes nothing.",
                                        convert: { WindowShard(text: $0) })
        let crlf = SharedOption.crlf
        let log = Option<String>.text("log", valueName: "FILE", help: "The script's messages, then 'No. of static windows : N'.")
        let arithmetic = ArithmeticOption()
        let threads = SharedOption.threads
        let quiet = SharedOption.quiet
    }

    static let command = Command(
        name: "le-window",
        abstract: "Windowed Lyapunov exponents of every weight (MATLAB LE_window.m / window_LE.m).",
        usage: "WEIGHTS.csv -o FILE [options]",
        discussion: """
            Default: the current script LE_window.m. One row per window, one column per weight; each window is gated (ischange 'mean' and a range below 1e-5 give 0), written with %f, run through lyap_r -m2 -r20 -d1 -s3 in-process, and its exponent taken from the curve's slopes as the script does; every number written with %.5g as csvwrite.
            --legacy: the older script window_LE.m (no gate, -s20, window 200, one row per weight).
            Windows that would run past the last row are dropped with a warning (the script stops with an index error there).
            WEIGHTS is CSV or a .npy array (float32 or float64, steps × weights, C order; recognised by its magic), read in slices: a shard reads only its weights' bytes. float32 values are read as the doubles their shortest text gives, so a .npy recording and its CSV give the same bytes.
            """,
        examples: ["chaosprune le-window pure_1.csv -o window_LE_1.csv --window 200 --log window_LE_1.log",
                   "chaosprune le-window --legacy pure_1.csv -o legacy_window_LE.csv"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        let input = try invocation.positionals(1, "one weights CSV file")[0]
        let destination = try arguments.value(options.output)
        try arguments.requireDistinctOutputs([options.output, options.log], inputs: [input], sidecarOf: options.output)
        let isLegacy = arguments.isSet(options.legacy)
        let plan = try options.plan.plan(arguments, defaultWindow: isLegacy ? WindowPlan.legacyWindow : WindowPlan.defaultWindow)
        var settings = isLegacy ? WindowSettings.legacy(plan: plan) : WindowSettings.current(plan: plan)
        settings.parameters.steps = try arguments.optional(options.steps) ?? settings.parameters.steps
        settings.parameters.dimension = try arguments.value(options.dimension)
        settings.parameters.delay = try arguments.value(options.delay)
        settings.parameters.initialEpsilon = .dataUnits(try arguments.value(options.radius))
        if arguments.isSet(options.noGate) { settings.gate = false }
        settings.arithmetic = try options.arithmetic.mode(arguments)
        var job = WindowLEJob.Options(settings: settings, threads: try arguments.value(options.threads))
        job.columns = try arguments.optional(options.columns)
        job.shard = try arguments.optional(options.shard)
        if job.columns != nil, job.shard != nil { throw .usage("--columns and --shard both choose the weights: give one") }
        if arguments.isSet(options.fixStale) {
            guard isLegacy else { throw .usage("--fix-stale applies to --legacy only") }
            job.fixStale = true
        }
        if arguments.isSet(options.crlf) { job.lineEnding = [13, 10] }
        let quiet = arguments.isSet(options.quiet)
        let meter = ProgressMeter(console: invocation.console, quiet: quiet)
        job.progress = meter.windowProgress()
        let result = try invocation.stage {
            try WindowStage.run(WindowStage.Request(input: input, output: destination, log: try arguments.optional(options.log), job: job))
        }
        meter.finish()
        invocation.warn(result.warnings)
        if !quiet, !result.files.isEmpty {
            let summary = result.summary
            invocation.console.error("le-window: \(summary.weights) weights × \(summary.windows) windows from \(summary.rows) rows in \(CFormat.format("%.1f", meter.elapsed)) s; static windows \(summary.staticWindows) (gated \(summary.gated), short curves \(summary.tooFewRows)); slope mismatches \(summary.slopesDisagree)\n")
        }
        return 0
    }

    /// `A:B` → A…B, 1-based inclusive; the end must be given.
    @Sendable static func parseColumns(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 1, high >= low else { return nil }
        return low...high
    }
}
