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
        /// Window size that maps windows to accuracy rows.
        public var window = 50
        /// Window overlap that maps windows to accuracy rows.
        public var overlap = 0.1
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

        /// Weights whose test raised (p = 0 in the reference).
        public var raisedCount: Int { outcomes.filter { if case .raised = $0 { true } else { false } }.count }
    }

    /// Why the stage stopped.
    public struct Failure: Error, CustomStringConvertible {
        /// One line for the user.
        public var description: String
    }

    /// Reads the two files and runs the stage.
    public static func run(lePath: String, accuracyPath: String, options: Options) throws(Failure) -> Output {
        let le: NumericTable
        let accuracy: NumericTable
        do {
            le = try NumericTable.read(lePath)
            accuracy = try NumericTable.read(accuracyPath)
        } catch {
            throw Failure(description: error.description)
        }
        let series = options.legacyLayout ? le.transposed : le
        let risk: [Double]
        switch MisclassificationRisk.series(windows: series.rows.count, accuracy: accuracy.rows, layout: options.accuracyLayout,
                                            size: options.window, overlap: options.overlap) {
        case let .success(values): risk = values
        case let .failure(problem):
            throw Failure(description: "\(accuracyPath): window \(problem.window) of \(lePath) ends at accuracy row \(problem.row), but the file has \(problem.rows) rows (check --window, --overlap, --acc-layout)")
        }
        let columns = (0..<series.columnCount).map { series.column($0) }
        guard options.stationarity else { return compute(risk: risk, le: columns, options: options) }
        let report = try StationarityReport(risk: risk, le: columns, threads: options.threads)
        if report.lengthsDiffer {
            let outcomes = [GrangerOutcome](repeating: .raised(GrangerOutcome.Message.inhomogeneous), count: columns.count)
            return Output(risk: risk, outcomes: outcomes,
                          selection: NonCausalSelection(outcomes: outcomes, alpha: options.alpha, fixEmpty: options.fixEmpty),
                          stationarity: report)
        }
        var output = compute(risk: report.riskDifferenced ? differenced(risk) : risk,
                             le: report.leDifferenced ? columns.map(differenced) : columns, options: options)
        output.stationarity = report
        return output
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
