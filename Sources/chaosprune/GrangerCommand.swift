import ChaosPruneKit
import LyapunovKit

/// `chaosprune granger`: window_LE + accuracies → non-causal weights (the Granger notebook).
let grangerCommand = Subcommand(name: "granger", summary: "Granger causality LE → risk per weight, and the mask of non-causal weights (statsmodels notebook)") { arguments in
    let parser = OptionParser([
        .value("output", "o", "FILE", "mask CSV to write: non-causal weight indices, one per line (required)"),
        .value("pvalues", nil, "FILE", "every statistic and p-value: weight,lag,test,statistic,pvalue"),
        .value("min-p", nil, "FILE", "the notebook's per-weight value: weight,min_p_rounded"),
        .value("maxlag", nil, "N", "highest lag tested [14]"),
        .value("alpha", nil, "P", "threshold on the rounded minimum p-value [0.05]"),
        .value("window", "w", "N", "window size used for the LE file, maps windows to accuracy rows [50]"),
        .value("overlap", nil, "F", "window overlap [0.1]"),
        .value("acc-layout", nil, "L", "per-step (rows aligned with the weights CSV, test accuracy first) or per-window (percent) [per-step]"),
        .flag("legacy-layout", nil, "the LE file has one row per weight (window_LE.m)"),
        .flag("fix-empty", nil, "write an empty mask when no weight qualifies (the reference selects ALL weights)"),
        .flag("stationarity", nil, "the notebook's stat=True path: ADF tests, then differencing (quirk kept: see --help)"),
        .value("adf", nil, "FILE", "with --stationarity: the ADF p-values, series,index,pvalue"),
        .value("threads", "j", "N", "worker threads [all cores]"),
        .flag("summary", nil, "print counts on stdout"),
        .flag("quiet", "q", "no warnings on stderr"),
    ])
    let help = """
        Usage: chaosprune granger WINDOW_LE.csv ACC.csv -o MASK.csv [options]
        For each weight, statsmodels' grangercausalitytests([risk, LE]) for lags 1…maxlag
        (ssr_ftest, ssr_chi2test, lrtest, params_ftest); a weight whose test raises gets p = 0.
        The mask lists the weights whose minimum rounded ssr_chi2test p-value is ≥ alpha,
        in ascending p order (ties by index). Quirk kept by default: when no weight qualifies,
        every weight is selected (the notebook's [-0:] slice); --fix-empty gives an empty mask.
        --stationarity: LE series are differenced when any has ADF p > 0.05, the risk series when
        its p ≥ 0.05; when only one side is, the notebook's series lengths differ, every weight
        raises, and so every weight is selected (kept, with a warning).

        \(parser.helpText)

        Example: chaosprune granger window_LE_1.csv acc_1.csv -o mask.csv --pvalues granger_pvalues.csv --summary

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        guard parsed.positionals.count == 2 else {
            throw OptionParser.Failure(message: "expected WINDOW_LE.csv and ACC.csv (see --help)")
        }
        guard let output = parsed.string("output") else { throw OptionParser.Failure(message: "--output FILE is required") }
        var options = GrangerJob.Options()
        options.maxlag = try parsed.integer("maxlag", default: 14, in: 1...1000)
        options.alpha = try parsed.real("alpha", default: 0.05)
        options.window = try parsed.integer("window", default: 50, in: 1...Int.max)
        options.overlap = try parsed.real("overlap", default: 0.1)
        let layout = parsed.string("acc-layout", default: "per-step")!
        guard let accuracyLayout = MisclassificationRisk.Layout(rawValue: layout) else {
            throw OptionParser.Failure(message: "--acc-layout expects per-step or per-window, not '\(layout)'")
        }
        options.accuracyLayout = accuracyLayout
        options.legacyLayout = parsed.has("legacy-layout")
        options.fixEmpty = parsed.has("fix-empty")
        options.threads = try parsed.integer("threads", default: ProcessorCount.online, in: 1...1024)
        options.stationarity = parsed.has("stationarity")
        if parsed.values["adf"] != nil, !options.stationarity { throw OptionParser.Failure(message: "--adf needs --stationarity") }
        let quiet = parsed.has("quiet")
        let (lePath, accuracyPath) = (parsed.positionals[0], parsed.positionals[1])
        return StageRunner.run { () throws(StageFailure) in
            let result = try StageFailure.wrap { () throws(GrangerJob.Failure) in
                try GrangerJob.run(lePath: lePath, accuracyPath: accuracyPath, options: options)
            }
            if let path = parsed.string("pvalues") {
                try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter.write(GrangerWriters.pValues(result.outcomes), to: path) }
            }
            if let path = parsed.string("adf"), let report = result.stationarity {
                try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter.write(report.csv, to: path) }
            }
            if let path = parsed.string("min-p") {
                try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter.write(GrangerWriters.minimumP(result.selection.minimumP), to: path) }
            }
            try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter.write(GrangerWriters.mask(result.selection.mask), to: output) }
            if !quiet {
                if let report = result.stationarity, report.lengthsDiffer {
                    StandardStreams.error("chaosprune: WARNING: --stationarity differenced \(report.leDifferenced ? "the LE series but not the risk series" : "the risk series but not the LE series"); as in the notebook the lengths differ, every weight raises and every weight is selected\n")
                }
                if result.raisedCount > 0 {
                    StandardStreams.error("chaosprune: warning: statsmodels raises for \(result.raisedCount) of \(result.outcomes.count) weights; as in the notebook they get p = 0 (causal, kept)\n")
                }
                if result.selection.selectedAllBecauseNoneQualified {
                    StandardStreams.error("chaosprune: warning: no weight has p ≥ \(options.alpha); as the notebook's [-0:] slice does, ALL \(result.outcomes.count) weights are selected (use --fix-empty for an empty mask)\n")
                }
            }
            if parsed.has("summary") {
                print("weights \(result.outcomes.count), windows \(result.risk.count), raised \(result.raisedCount), non-causal (p ≥ \(options.alpha)) \(result.selection.nonCausalCount), mask \(result.selection.mask.count)")
            }
        }
    }
}
