import ChaosPruneFormats
import ChaosPruneSystem
import LyapunovKit

/// Stage 3 of the pipeline: a window_LE CSV and an accuracies CSV in, the
/// Granger outcomes of every weight and the notebook's mask out.
///
/// Mirrors the Granger notebook with statsmodels 0.14.4: the risk series from
/// the accuracies, `grangercausalitytests([risk, LE[:, c]], maxlag)` per weight
/// (any exception → p = 0), and `NonCausalSelection`. Weights run in parallel;
/// the result does not depend on the thread count.
public struct GrangerJob {
    /// Everything besides the files.
    public struct Options: Sendable {
        /// Highest lag tested.
        public var maxlag = 14
        /// Threshold on the rounded minimum p-value.
        public var alpha = 0.05
        /// The windows of the LE file, which map windows to accuracy rows.
        public var plan = WindowPlan.standard
        /// Layout of the accuracies file.
        public var accuracyLayout: MisclassificationRisk.Layout = .perStep
        /// Whether the LE file has one row per weight (legacy layout).
        public var legacyLayout = false
        /// Give an empty mask instead of every weight when none qualifies.
        public var fixEmpty = false
        /// Worker threads.
        public var threads = 1
        /// The notebook's `stat=True` path: ADF tests and differencing first.
        public var stationarity = false

        /// Default options (the notebook's).
        public init() {}
    }

    /// A run's results.
    public struct Output: Sendable {
        /// The risk series.
        public var risk: [Double]
        /// Per-weight outcomes.
        public var outcomes: [GrangerOutcome]
        /// The selection.
        public var selection: NonCausalSelection
        /// The ADF results, when the stationarity path ran.
        public var stationarity: StationarityReport?
        /// Windows tested and windows in the LE file, when per-window accuracies cover fewer windows than the file has.
        public var firstWindows: (tested: Int, of: Int)?

        /// Weights whose test raised (p = 0 in the reference).
        public var raisedCount: Int { outcomes.filter { if case .raised = $0 { true } else { false } }.count }

        /// The warnings the notebook's quirks call for, in the order to print them.
        public func warnings(alpha: Double) -> [StageWarning] {
            var warnings: [StageWarning] = []
            if let stationarity, stationarity.lengthsDiffer {
                warnings.append(.stationarityLengthsDiffer(leDifferenced: stationarity.leDifferenced))
            }
            if raisedCount > 0 { warnings.append(.grangerRaised(weights: raisedCount, of: outcomes.count)) }
            if selection.selectedAllBecauseNoneQualified { warnings.append(.selectedEveryWeight(count: outcomes.count, alpha: alpha)) }
            if let firstWindows { warnings.insert(.firstWindowsTested(firstWindows.tested, of: firstWindows.of), at: 0) }
            return warnings
        }
    }

    /// Runs the stage on the two tables (`leName` and `accuracyName` name them in messages).
    ///
    /// Per-window accuracies for fewer windows than the LE file has (the
    /// MNIST recording's 25 window ends, a longer run's windows) test the
    /// first windows only, as the authors' `le[:25]` does, and the output says so.
    ///
    /// - Throws: `StageError` when the per-step accuracy file ends before the
    ///   last window, or when `--stationarity` meets a constant series (the notebook stops there).
    public static func run(le: NumericTable, accuracy: NumericTable, leName: String, accuracyName: String,
                           options: Options) throws(StageError) -> Output {
        // One series per weight: the rows of the legacy layout (one row per weight), else the columns.
        var columns = options.legacyLayout ? le.rows : le.columns(threads: options.threads)
        var windows = options.legacyLayout ? le.columnCount : le.rows.count
        var firstWindows: (tested: Int, of: Int)?
        if options.accuracyLayout == .perStep, windows != options.plan.windowCount(rows: accuracy.rows.count) {
            throw StageError(windowCountMismatch(windows: windows, rows: accuracy.rows.count, plan: options.plan,
                                                 leName: leName, accuracyName: accuracyName))
        }
        if options.accuracyLayout == .perWindow, !accuracy.rows.isEmpty, accuracy.rows.count < windows {
            firstWindows = (accuracy.rows.count, windows)
            windows = accuracy.rows.count
            columns = columns.map { Array($0.prefix(windows)) }
        }
        let risk: [Double]
        switch MisclassificationRisk.series(windows: windows, accuracy: accuracy.rows, layout: options.accuracyLayout,
                                            plan: options.plan) {
        case let .success(values): risk = values
        case let .failure(problem):
            throw StageError("\(accuracyName): window \(problem.window) of \(leName) ends at accuracy row \(problem.row), but the file has \(problem.rows) rows (check --window, --overlap, --acc-layout)")
        }
        guard options.stationarity else {
            var output = compute(risk: risk, le: columns, options: options)
            output.firstWindows = firstWindows
            return output
        }
        let report = try StationarityReport(risk: risk, le: columns, threads: options.threads)
        if report.lengthsDiffer {
            let outcomes = [GrangerOutcome](repeating: .raised(GrangerOutcome.Message.inhomogeneous), count: columns.count)
            return Output(risk: risk, outcomes: outcomes,
                          selection: NonCausalSelection(outcomes: outcomes, alpha: options.alpha, fixEmpty: options.fixEmpty),
                          stationarity: report, firstWindows: firstWindows)
        }
        var output = compute(risk: report.riskDifferenced ? differenced(risk) : risk,
                             le: report.leDifferenced ? columns.map(differenced) : columns, options: options)
        output.stationarity = report
        output.firstWindows = firstWindows
        return output
    }

    /// Why an LE file of `windows` windows cannot come from the recording behind an accuracy file of `rows` rows under `plan`, and which windows would make it.
    static func windowCountMismatch(windows: Int, rows: Int, plan: WindowPlan, leName: String, accuracyName: String) -> String {
        let made = plan.windowCount(rows: rows)
        var text = "\(leName) holds \(windows) window(s), but window \(plan.window) with overlap \(PythonFloatText.repr(plan.overlap)) over the \(rows) rows of \(accuracyName) makes \(made): the LE file was computed with another window plan or from another recording"
        let overlaps = [plan.overlap] + [WindowPlan.defaultOverlap, 0, 0.5].filter { $0 != plan.overlap }
        for overlap in overlaps {
            let candidates = WindowPlan.windows(giving: windows, rows: rows, overlap: overlap)
            guard let first = candidates.first(where: { [WindowPlan.defaultWindow, WindowPlan.legacyWindow].contains($0) }) ?? candidates.first else { continue }
            let others = candidates.filter { $0 != first }
            text += "; --window \(first) --overlap \(PythonFloatText.repr(overlap)) makes \(windows)"
                + (others.isEmpty ? "" : " (as do windows \(others.prefix(4).map(String.init).joined(separator: ", "))\(others.count > 4 ? ", …" : ""))")
            return text
        }
        return text + "; no window with overlap \(overlaps.map(PythonFloatText.repr).joined(separator: ", ")) makes \(windows) (check --acc-layout and that both files come from one run)"
    }

    /// x[i+1] − x[i], as `np.diff`.
    static func differenced(_ x: [Double]) -> [Double] { x.indices.dropFirst().map { x[$0] - x[$0 - 1] } }

    /// Runs the tests for every LE series in `le` against `risk`.
    public static func compute(risk: [Double], le: [[Double]], options: Options) -> Output {
        let weights = le.count
        let context = GrangerContext(risk: risk, maxlag: options.maxlag)
        var outcomes = [GrangerOutcome](repeating: .raised(""), count: weights)
        outcomes.withUnsafeMutableBufferPointer { results in
            ParallelLoop.forEachIndex(weights, workers: options.threads) { _, weight in
                results[weight] = GrangerFastPath.test(le: le[weight], context: context)
            }
        }
        return Output(risk: risk, outcomes: outcomes,
                      selection: NonCausalSelection(outcomes: outcomes, alpha: options.alpha, fixEmpty: options.fixEmpty))
    }
}
