import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune granger`: window_LE + accuracies → non-causal weights (the Granger notebook).
enum GrangerCommand {
    /// The options of `chaosprune granger`, in help order.
    struct Options: OptionGroup {
        let output = Option<String>.text("output", short: "o", valueName: "FILE",
                                         help: "Mask CSV to write: the non-causal weight indices, one per line (required).")
        let pValues = Option<String>.text("pvalues", valueName: "FILE", help: "Every statistic and p-value: weight,lag,test,statistic,pvalue.")
        let minimumP = Option<String>.text("min-p", valueName: "FILE", help: "The notebook's per-weight value: weight,min_p_rounded.")
        let plan = WindowPlanOptions()
        let accuracyLayout = Option<MisclassificationRisk.Layout>.choice(
     "acc-layout", valueName: "LAYOUT", default: .perStep,
     help: "per-step: rows aligned with the weights CSV, test accuracy first; per-window: one percentage per window.")
        let legacyLayout = Flag("legacy-layout", help: "The LE file has one row per weight (window_LE.m); read from the sidecar when there is one.")
        let granger = GrangerOptions()
        let adf = Option<String>.text("adf", valueName: "FILE", help: "With --stationarity: the ADF p-values, series,index,pvalue.")
        let threads = SharedOption.threads
        let summary = Flag("summary", help: "Print the counts on stdout.")
        let quiet = SharedOption.quiet
    }

    static let command = Command(
        name: "granger",
        abstract: "Granger causality LE → risk per weight, and the mask of non-causal weights (statsmodels notebook).",
        usage: "WINDOW_LE.csv ACC.csv -o MASK.csv [options]",
        discussion: """
            For each weight, statsmodels' grangercausalitytests([risk, LE]) for lags 1…maxlag (ssr_ftest, ssr_chi2test, lrtest, params_ftest); a weight whose test raises gets p = 0. The mask lists the weights whose minimum rounded ssr_chi2test p-value is ≥ alpha, in ascending p order (ties by index). Quirk kept by default: when no weight qualifies, every weight is selected (the notebook's [-0:] slice); --fix-empty gives an empty mask.
            The window plan that maps windows to accuracy rows comes from the LE file's sidecar (WINDOW_LE.csv.json) when there is one; a --window or --overlap that contradicts it is refused.
            """,
        examples: ["chaosprune granger window_LE_1.csv acc_1.csv -o mask.csv --pvalues granger_pvalues.csv --summary"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        let files = try invocation.positionals(2, "WINDOW_LE.csv and ACC.csv")
        let mask = try arguments.value(options.output)
        var job = try options.granger.job(arguments)
        job.accuracyLayout = try arguments.value(options.accuracyLayout)
        job.threads = try arguments.value(options.threads)
        job.plan = try options.plan.plan(arguments)
        job.legacyLayout = arguments.isSet(options.legacyLayout)
        if try arguments.optional(options.adf) != nil, !job.stationarity { throw .usage("--adf needs --stationarity") }
        try arguments.requireDistinctOutputs([options.output, options.pValues, options.minimumP, options.adf],
                                             inputs: DistinctFiles.withSidecars([files[0]]) + [files[1]])
        let sidecar: WindowSidecar?
        do {
            sidecar = try WindowSidecar.read(for: files[0])
        } catch {
            throw .failure(String(describing: error))
        }
        if let sidecar { try reconcile(&job, with: sidecar, options: options, arguments: arguments, file: files[0]) }
        var request = GrangerStage.Request(lePath: files[0], accuracyPath: files[1], mask: mask,
                                           pValues: try arguments.optional(options.pValues), minimumP: try arguments.optional(options.minimumP),
                                           adf: try arguments.optional(options.adf), job: job)
        request.sidecar = sidecar
        let result = try invocation.stage { try GrangerStage.run(request) }
        invocation.warn(result.warnings)
        if arguments.isSet(options.summary) {
            let output = result.output
            invocation.console.output("weights \(output.outcomes.count), windows \(output.risk.count), raised \(output.raisedCount), non-causal (p ≥ \(PythonFloatText.repr(job.alpha))) \(output.selection.nonCausalCount), mask \(output.selection.mask.count)\n")
        }
        return 0
    }

    /// Takes the window plan and layout from the sidecar; refuses options that contradict it.
    static func reconcile(_ job: inout GrangerJob.Options, with sidecar: WindowSidecar, options: Options, arguments: ParsedArguments,
                          file: String) throws(CommandError) {
        let recorded: WindowPlan
        do {
            recorded = try sidecar.plan
        } catch {
            throw .failure("\(WindowSidecar.path(for: file)): \(error)")
        }
        let window = options.plan.window
        let overlap = options.plan.overlap
        if arguments.isGiven(window), job.plan.window != recorded.window {
            throw .usage("--window \(job.plan.window) contradicts \(WindowSidecar.path(for: file)), which records window \(recorded.window); leave --window out to use it")
        }
        if arguments.isGiven(overlap), job.plan.overlap != recorded.overlap {
            throw .usage("--overlap \(PythonFloatText.repr(job.plan.overlap)) contradicts \(WindowSidecar.path(for: file)), which records overlap \(PythonFloatText.repr(recorded.overlap)); leave --overlap out to use it")
        }
        let recordedLegacy = sidecar.layout == .weightsByWindows
        if arguments.isSet(options.legacyLayout), !recordedLegacy {
            throw .usage("--legacy-layout contradicts \(WindowSidecar.path(for: file)), which records one row per window")
        }
        job.plan = recorded
        job.legacyLayout = recordedLegacy
    }
}
