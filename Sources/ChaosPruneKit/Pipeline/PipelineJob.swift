import LyapunovKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole original pipeline after training: weights + accuracies →
/// window_LE → Granger p-values → mask, writing the files the original
/// scripts write, under their names, into one folder.
///
/// Mirrors `LE_window.m` (stage 2) then the Granger notebook (stage 3), the
/// latter reading the window_LE file as written (`%.5g`), as the notebook does.
public enum PipelineJob {
    /// Everything besides the files.
    public struct Options {
        /// The window stage.
        public var windows: WindowLEJob.Options
        /// The Granger stage (its window and overlap are taken from `windows`).
        public var granger = GrangerJob.Options()
        /// The `<k>` of `window_LE_<k>.csv`.
        public var trial = "1"
        /// The `<data>` of `mask_<data>_<init>.csv`.
        public var dataName = "data"
        /// The `<init>` of `mask_<data>_<init>.csv`.
        public var initName = "init"

        /// Options with the reference defaults and `threads` workers.
        public init(threads: Int) {
            windows = WindowLEJob.Options(settings: .current(), threads: threads)
            windows.collectLog = true
            granger.threads = threads
        }
    }

    /// What a run did.
    public struct Summary: Sendable {
        /// The window stage's summary.
        public var windowStage: WindowLEJob.Summary
        /// Weights whose Granger test raised (p = 0).
        public var raised: Int
        /// Weights with p ≥ alpha.
        public var nonCausal: Int
        /// Weights in the mask.
        public var maskCount: Int
        /// Whether the zero-selected quirk selected every weight.
        public var selectedAll: Bool
        /// Whether the stationarity length-mismatch quirk fired.
        public var stationarityMismatch: Bool
        /// Seconds spent in each stage.
        public var windowSeconds: Double
        /// Seconds spent in the Granger stage.
        public var grangerSeconds: Double
        /// The files written, in order.
        public var files: [String]

        /// The one-screen summary.
        public var text: String {
            var lines = [
                "weights          \(windowStage.weights)",
                "steps (rows)     \(windowStage.rows)",
                "windows          \(windowStage.windows)\(windowStage.droppedWindows > 0 ? " (\(windowStage.droppedWindows) trailing dropped)" : "")",
                "static windows   \(windowStage.staticWindows) of \(windowStage.weights * windowStage.windows) cells",
                "granger raised   \(raised) weights (p = 0, kept, as the notebook)",
                "non-causal       \(nonCausal) weights (p ≥ alpha)",
                "mask             \(maskCount) weights\(selectedAll ? "  ← ALL: no weight qualified (the notebook's [-0:] quirk; --fix-empty to change)" : "")",
                "time             le-window \(CFormat.format("%.2f", windowSeconds)) s, granger \(CFormat.format("%.2f", grangerSeconds)) s",
                "files",
            ]
            if stationarityMismatch {
                lines.insert("stationarity     only one side differenced: every weight raised (the notebook's quirk)", at: 6)
            }
            lines += files.map { "  \($0)" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Runs both stages into `folder` (created if missing).
    public static func run(weightsPath: String, accuracyPath: String, folder: String, options: Options) throws(StageFailure) -> Summary {
        if mkdir(folder, 0o777) != 0, errno != EEXIST {
            throw StageFailure(message: "cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        let clock = ContinuousClock()
        let lePath = "\(folder)/window_LE_\(options.trial).csv"
        let logPath = "\(folder)/window_LE_\(options.trial).log"
        let windowStart = clock.now
        let reader = try StageFailure.wrap { () throws(CSVError) in try NumericCSVReader(path: weightsPath) }
        let writer = try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter(path: lePath) }
        let windowSummary: WindowLEJob.Summary
        do throws(WindowLEJob.Failure) {
            windowSummary = try WindowLEJob.run(reader: reader, writer: writer, options: options.windows)
        } catch {
            writer.abandon()
            throw StageFailure(message: error.description)
        }
        try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in
            try writer.commit()
            try AtomicFileWriter.write(Array(windowSummary.log.text(staticWindows: windowSummary.staticWindows,
                                                                   droppedWindows: windowSummary.droppedWindows).utf8), to: logPath)
        }
        let windowSeconds = (clock.now - windowStart).seconds

        var granger = options.granger
        granger.window = options.windows.settings.window
        granger.overlap = options.windows.settings.overlap
        var files = [lePath, logPath]
        let grangerStart = clock.now
        let output = try StageFailure.wrap { () throws(GrangerJob.Failure) in
            try GrangerJob.run(lePath: lePath, accuracyPath: accuracyPath, options: granger)
        }
        var outputs: [(String, [UInt8])] = [
            ("granger_pvalues.csv", GrangerWriters.pValues(output.outcomes)),
            ("granger_min_p.csv", GrangerWriters.minimumP(output.selection.minimumP)),
            ("mask_\(options.dataName)_\(options.initName).csv", GrangerWriters.mask(output.selection.mask)),
        ]
        if let report = output.stationarity { outputs.insert(("adf.csv", report.csv), at: 0) }
        for (name, bytes) in outputs {
            try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter.write(bytes, to: "\(folder)/\(name)") }
            files.append("\(folder)/\(name)")
        }
        let grangerSeconds = (clock.now - grangerStart).seconds
        return Summary(windowStage: windowSummary, raised: output.raisedCount, nonCausal: output.selection.nonCausalCount,
                       maskCount: output.selection.mask.count, selectedAll: output.selection.selectedAllBecauseNoneQualified,
                       stationarityMismatch: output.stationarity?.lengthsDiffer ?? false,
                       windowSeconds: windowSeconds, grangerSeconds: grangerSeconds, files: files)
    }
}
