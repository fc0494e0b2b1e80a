import ChaosPruneFormats
import ChaosPruneSystem

/// Stage 3 as one call, from files to files: what `granger` runs and what
/// `pipeline` runs second.
///
/// Reads the window_LE and accuracy files, runs `GrangerJob`, then writes
/// the requested outputs in a fixed order — p-values, ADF p-values, min-p,
/// mask — each whole or not at all. The notebook's quirks that fired are
/// returned as warnings, never printed.
public enum GrangerStage {
    /// The files and settings of one run.
    public struct Request: Sendable {
        /// The window_LE CSV.
        public var lePath: String
        /// The accuracies CSV.
        public var accuracyPath: String
        /// The window_LE file's name in messages (default: `lePath`).
        public var leName: String?
        /// The mask to write.
        public var mask: String
        /// Every statistic and p-value, if wanted.
        public var pValues: String?
        /// The notebook's per-weight value, if wanted.
        public var minimumP: String?
        /// The ADF p-values (with `--stationarity`), if wanted.
        public var adf: String?
        /// Everything besides the files.
        public var job: GrangerJob.Options
        /// The window_LE file's sidecar, when it has one: every fact it records
        /// is checked against the file before the tests run.
        public var sidecar: WindowSidecar?

        /// Creates a request.
        public init(lePath: String, accuracyPath: String, mask: String, pValues: String? = nil, minimumP: String? = nil,
                    adf: String? = nil, job: GrangerJob.Options) {
            self.lePath = lePath
            self.accuracyPath = accuracyPath
            self.mask = mask
            self.pValues = pValues
            self.minimumP = minimumP
            self.adf = adf
            self.job = job
        }
    }

    /// What a run did.
    public struct Result: Sendable {
        /// The tests, the selection and the ADF report.
        public var output: GrangerJob.Output
        /// Warnings, in the order to print them.
        public var warnings: [StageWarning]
        /// The files written, in order.
        public var files: [String]
    }

    /// Reads both files and runs the stage.
    ///
    /// - Throws: `InputError`, `StageError` or `SystemError`; no output is written then.
    public static func run(_ request: Request) throws -> Result {
        let le = try NumericTable.read(request.lePath, threads: request.job.threads)
        let accuracy = try AccuracyFile.read(request.accuracyPath, threads: request.job.threads)
        return try run(request, accuracy: accuracy, le: le)
    }

    /// Runs the stage with the accuracy table already read (the pipeline checks it before its first stage).
    public static func run(_ request: Request, accuracy: NumericTable, le: NumericTable? = nil) throws -> Result {
        let table = try le ?? NumericTable.read(request.lePath, threads: request.job.threads)
        if let sidecar = request.sidecar, let contradiction = sidecar.contradiction(rows: table.rows.count, columns: table.columnCount) {
            throw InputError(file: WindowSidecar.path(for: request.lePath),
                             message: "\(contradiction) (\(request.leName ?? request.lePath)); the sidecar does not describe this file: delete it, or rerun le-window")
        }
        let output = try GrangerJob.run(le: table, accuracy: accuracy, leName: request.leName ?? request.lePath, accuracyName: request.accuracyPath,
                                        options: request.job)
        var files: [String] = []
        if let path = request.pValues {
            let writer = try AtomicFileWriter(path: path)
            try GrangerWriters.writePValues(output.outcomes, to: writer, threads: request.job.threads)
            try writer.commit()
            files.append(path)
        }
        var pending: [(String, [UInt8])] = []
        if let path = request.adf, let report = output.stationarity { pending.append((path, report.csv)) }
        if let path = request.minimumP { pending.append((path, GrangerWriters.minimumP(output.selection.minimumP))) }
        pending.append((request.mask, MaskFile.text(output.selection.mask)))
        for (path, bytes) in pending { try AtomicFileWriter.write(bytes, to: path) }
        return Result(output: output, warnings: output.warnings(alpha: request.job.alpha), files: files + pending.map(\.0))
    }
}
