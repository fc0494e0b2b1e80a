import ChaosPruneFormats
import ChaosPruneSystem

/// The original pipeline after training — weights + accuracies → window_LE
/// → Granger p-values → mask — as a composition of the two stage runners
/// the single commands use (`WindowStage`, then `GrangerStage`), writing the
/// files the original scripts write, under their names, into one folder.
///
/// Mirrors `LE_window.m` (stage 2) then the Granger notebook (stage 3), the
/// latter reading the window_LE file as written (`%.5g`), as the notebook
/// does. Both inputs are opened and the accuracy file is read before the
/// folder is created, so a missing or malformed input leaves nothing behind.
public enum PipelineRun {
    /// The files and settings of one run.
    public struct Request {
        /// The weights CSV.
        public var weights: String
        /// The accuracies CSV.
        public var accuracy: String
        /// The folder to write into (created if missing).
        public var folder: String
        /// The window stage (its log is always written).
        public var windows: WindowLEJob.Options
        /// The Granger stage (its window plan is the window stage's).
        public var granger: GrangerJob.Options
        /// The `<k>` of `window_LE_<k>.csv`.
        public var trial = "1"
        /// The `<data>` of `mask_<data>_<init>.csv`.
        public var dataName = "data"
        /// The `<init>` of `mask_<data>_<init>.csv`.
        public var initName = "init"

        /// The files a run may write (each in `folder`), by name.
        public var outputs: [(name: String, path: String)] { FileNames(self).all.map { ($0, "\(folder)/\($0)") } }

        /// Creates a request.
        public init(weights: String, accuracy: String, folder: String, windows: WindowLEJob.Options, granger: GrangerJob.Options) {
            self.weights = weights
            self.accuracy = accuracy
            self.folder = folder
            self.windows = windows
            self.granger = granger
        }
    }

    /// What a run did.
    public struct Result: Sendable {
        /// Stage 2's result.
        public var windowStage: WindowStage.Result
        /// Stage 3's result.
        public var grangerStage: GrangerStage.Result
        /// Seconds spent in stage 2.
        public var windowSeconds: Double
        /// Seconds spent in stage 3.
        public var grangerSeconds: Double

        /// Every file written, in order.
        public var files: [String] { windowStage.files + grangerStage.files }
        /// Every warning, stage 2's first.
        public var warnings: [StageWarning] { windowStage.warnings + grangerStage.warnings }
    }

    /// Runs both stages.
    ///
    /// The files are written into a hidden staging folder beside `folder`
    /// and moved into `folder` (created then) only when both stages have
    /// succeeded: a failed run creates no folder and leaves an earlier run's
    /// files as they were.
    ///
    /// - Throws: `InputError`, `StageError` or `SystemError`.
    public static func run(_ request: Request) throws -> Result {
        let reader = try Recording.open(request.weights)
        let accuracy = try AccuracyFile.read(request.accuracy)
        let names = FileNames(request)
        let staging = try StagingFolder(for: request.folder, files: names.all)
        do {
            let result = try runStages(request, reader: reader, accuracy: accuracy, staging: staging, names: names)
            try staging.commit(names.written(stationarity: request.granger.stationarity))
            return result
        } catch {
            staging.discard()
            throw error
        }
    }

    /// The original pipeline's file names for one run.
    struct FileNames {
        let windowLE: String, sidecar: String, log: String, pValues: String, minimumP: String, adf: String, mask: String

        init(_ request: Request) {
            windowLE = "window_LE_\(request.trial).csv"
            sidecar = WindowSidecar.path(for: windowLE)
            log = "window_LE_\(request.trial).log"
            pValues = "granger_pvalues.csv"
            minimumP = "granger_min_p.csv"
            adf = "adf.csv"
            mask = "mask_\(request.dataName)_\(request.initName).csv"
        }

        var all: [String] { [windowLE, sidecar, log, pValues, adf, minimumP, mask] }

        func written(stationarity: Bool) -> [String] { all.filter { stationarity || $0 != adf } }
    }

    private static func runStages(_ request: Request, reader: any RecordingReader, accuracy: NumericTable, staging: StagingFolder,
                                  names: FileNames) throws -> Result {
        let clock = ContinuousClock()
        let windowStart = clock.now
        var windowStage = try WindowStage.run(WindowStage.Request(input: request.weights, output: staging.file(names.windowLE),
                                                                  log: staging.file(names.log), job: request.windows), reader: reader)
        let windowSeconds = (clock.now - windowStart).seconds

        var granger = request.granger
        granger.plan = request.windows.settings.plan
        granger.legacyLayout = request.windows.settings.layout == .weightsByWindows
        let grangerStart = clock.now
        var grangerRequest = GrangerStage.Request(
            lePath: staging.file(names.windowLE), accuracyPath: request.accuracy, mask: staging.file(names.mask),
            pValues: staging.file(names.pValues), minimumP: staging.file(names.minimumP),
            adf: granger.stationarity ? staging.file(names.adf) : nil, job: granger)
        grangerRequest.leName = staging.finalPath(names.windowLE)
        var grangerStage = try GrangerStage.run(grangerRequest, accuracy: accuracy)
        let grangerSeconds = (clock.now - grangerStart).seconds
        let final = { (path: String) in staging.finalPath(String(path.dropFirst(staging.path.count + 1))) }
        windowStage.files = windowStage.files.map(final)
        grangerStage.files = grangerStage.files.map(final)
        return Result(windowStage: windowStage, grangerStage: grangerStage, windowSeconds: windowSeconds,
                      grangerSeconds: grangerSeconds)
    }
}
