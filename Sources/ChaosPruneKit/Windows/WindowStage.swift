import ChaosPruneFormats
import ChaosPruneSystem

/// Stage 2 as one call, from file to files: what `le-window` runs and what
/// `pipeline` runs first.
///
/// Reads the weights file, runs `WindowLEJob`, then commits in a fixed
/// order — the window_LE file, its sidecar, the script's log — so a failed
/// run leaves none of them. A shard that holds no weight (`--shard K/N` with
/// N above the recording's width) writes none of them and says so. Warnings (dropped trailing windows, windows where
/// TISEAN would never end, legacy windows with a too-short curve) are
/// returned, never printed.
public enum WindowStage {
    /// The files and settings of one run.
    public struct Request {
        /// The weights CSV (`-` for standard input).
        public var input: String
        /// The window_LE CSV to write (`-` for standard output).
        public var output: String
        /// The script's log to write, if wanted.
        public var log: String?
        /// Everything besides the files.
        public var job: WindowLEJob.Options

        /// Creates a request.
        public init(input: String, output: String, log: String? = nil, job: WindowLEJob.Options) {
            self.input = input
            self.output = output
            self.log = log
            self.job = job
        }
    }

    /// What a run did.
    public struct Result: Sendable {
        /// Counts of the run.
        public var summary: WindowLEJob.Summary
        /// Warnings, in the order to print them.
        public var warnings: [StageWarning]
        /// The files written, in the order they were committed.
        public var files: [String]
        /// The sidecar written (nil when the output is a stream).
        public var sidecar: WindowSidecar?
    }

    /// Runs the stage.
    ///
    /// - Throws: `InputError`, `SystemError` or `StageError`; nothing is written then.
    public static func run(_ request: Request) throws -> Result {
        let reader = try Recording.open(request.input)
        return try run(request, reader: reader)
    }

    /// Runs the stage on an opened reader (the pipeline opens its inputs before creating its folder).
    public static func run(_ request: Request, reader: any RecordingReader) throws -> Result {
        let writer = try AtomicFileWriter(path: request.output)
        let summary: WindowLEJob.Summary
        do {
            summary = try WindowLEJob.run(reader: reader, writer: writer, options: request.job)
        } catch {
            writer.abandon()
            throw error
        }
        if summary.weights == 0, let shard = request.job.shard {
            writer.abandon()
            return Result(summary: summary, warnings: [.emptyShard(shard, totalWeights: summary.totalWeights)], files: [], sidecar: nil)
        }
        let settings = request.job.settings
        var sidecar = WindowSidecar.belongsBeside(request.output)
            ? WindowSidecar(settings: settings, summary: summary, sourcePath: request.input, sourceBytes: reader.totalBytes,
                            sourceFingerprint: reader.fingerprint) : nil
        sidecar?.shard = request.job.shard
        var pending: [(String, [UInt8])] = []
        if let sidecar { pending.append((WindowSidecar.path(for: request.output), sidecar.json)) }
        if let log = request.log {
            pending.append((log, Array(summary.log.text(staticWindows: summary.staticWindows, droppedWindows: summary.droppedWindows).utf8)))
        }
        let sideWriters: [AtomicFileWriter]
        do {
            sideWriters = try pending.map { (path, _) throws(SystemError) in try AtomicFileWriter(path: path) }
            for (sideWriter, (_, bytes)) in zip(sideWriters, pending) { try sideWriter.write(bytes) }
        } catch {
            writer.abandon()
            throw error
        }
        try AtomicFileWriter.commitAll([writer] + sideWriters)
        var warnings: [StageWarning] = []
        if summary.droppedWindows > 0 { warnings.append(.droppedTrailingWindows(count: summary.droppedWindows, rows: summary.rows)) }
        if summary.noNeighbour > 0 { warnings.append(.windowsWithoutNeighbour(count: summary.noNeighbour)) }
        if !summary.staleCells.isEmpty { warnings.append(.staleCurvesInLegacyScript(cells: summary.staleCells)) }
        if summary.staleAtStart { warnings.append(.staleCurveBeforeShard(firstWeight: summary.firstWeight)) }
        if settings.layout == .weightsByWindows, summary.tooFewRows > 0 {
            warnings.append(.shortCurvesInLegacyScript(count: summary.tooFewRows))
        }
        return Result(summary: summary, warnings: warnings, files: [request.output] + pending.map(\.0), sidecar: sidecar)
    }
}
