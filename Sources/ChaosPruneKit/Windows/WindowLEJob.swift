import ChaosPruneFormats
import ChaosPruneSystem
import LyapunovKit

/// Stage 2 of the pipeline: a weights CSV in, a window_LE CSV out, streaming
/// and parallel, byte for byte what the MATLAB window scripts write.
///
/// Reads the weights a batch of windows at a time, row-major as the file holds
/// them (memory: a batch's rows as doubles — about `memoryBudget`, or one window's rows when that is more — plus at
/// most 32 MiB of row text; never the file), computes every (window, weight)
/// cell on all threads in blocks of one window × 64 columns through a
/// `WindowEngine` (cells it declines through `GeneralWindowEngine`), and
/// writes each batch's rows in order (rows = windows), or the whole
/// transposed matrix at the end (rows = weights, the legacy layout).
///
/// Postconditions: the output is the same for any thread count, and the
/// concatenation (column-wise) of runs over a split of the columns equals one
/// run over all of them.
public struct WindowLEJob {
    /// Everything the job needs besides its files.
    public struct Options {
        /// What to compute.
        public var settings: WindowSettings
        /// The weights to process, 1-based inclusive (nil: all).
        public var columns: ClosedRange<Int>?
        /// The shard of the weights to process, its range computed from the recording's width (nil: all, or ``columns``).
        public var shard: WindowShard?
        /// Worker threads.
        public var threads: Int
        /// `\n` (default) or `\r\n` after each output row.
        public var lineEnding: [UInt8] = [10]
        /// Legacy layout: write 0 for a window that is constant after `%f`
        /// instead of the previous window's exponent (what the authors'
        /// `window_LE.m` computes there, since lyap_r leaves its scratch output as it was).
        public var fixStale = false
        /// Approximate bytes of rows held at once: doubles plus up to 32 MiB of text
        /// (one window's rows are held whatever the budget).
        public var memoryBudget = 256 << 20
        /// The engine: the fastest that serves the settings, by default (every engine gives the same bytes).
        public var engine: WindowEngineChoice = .fastest
        /// Called after each batch with the windows done so far and the reader (for bytes read).
        public var progress: ((_ windows: Int, _ reader: any RecordingReader) -> Void)?

        /// Creates options for `settings` with `threads` workers.
        public init(settings: WindowSettings, threads: Int) {
            self.settings = settings
            self.threads = threads
        }
    }

    /// What a run did.
    public struct Summary: Sendable {
        /// Weights (columns) processed.
        public var weights = 0
        /// Rows of the weights file.
        public var rows = 0
        /// Windows computed.
        public var windows = 0
        /// Trailing windows dropped because they would run past the last row (the reference crashes there).
        public var droppedWindows = 0
        /// Cells the gate marked static.
        public var gated = 0
        /// Cells whose lyap_r curve had at most one row.
        public var tooFewRows = 0
        /// Cells whose slopes disagreed.
        public var slopesDisagree = 0
        /// Cells on which the reference's lyap_r would never terminate (written as 0).
        public var noNeighbour = 0
        /// Weights (columns) of the whole file.
        public var totalWeights = 0
        /// The 1-based index of the first weight processed.
        public var firstWeight = 1
        /// The script's log.
        public var log: WindowLog = WindowLog()
        /// Legacy layout: the cells (1-based weight, 0-based window) constant
        /// after `%f` that took the previous window's exponent.
        public var staleCells: [WindowCell] = []
        /// Legacy layout: whether the first weight's first windows were constant
        /// with no earlier window in this run (a shard cannot see the weight before it).
        public var staleAtStart = false

        /// The script's static count: gated cells plus curves with at most one row.
        public var staticWindows: Int { gated + tooFewRows }
    }

    /// Runs the job from `reader` to `writer` (which the caller commits or abandons).
    ///
    /// - Throws: `InputError` for a malformed weights file or too few rows,
    ///   `SystemError` when the output cannot be written, `StageError` for a
    ///   column range the file does not have.
    public static func run(reader: any RecordingReader, writer: AtomicFileWriter, options: Options) throws -> Summary {
        let settings = options.settings
        let plan = settings.plan
        let state = try BatchState(reader: reader, options: options)
        var summary = Summary()
        summary.weights = state.columnCount
        guard state.columnCount > 0 else {
            summary.totalWeights = reader.columnCount ?? 0
            return summary
        }
        let legacy = settings.layout == .weightsByWindows
        var transposed: [[Double]] = legacy ? Array(repeating: [], count: state.columnCount) : []
        var legacyOutcomes: [[WindowOutcome]] = legacy ? Array(repeating: [], count: state.columnCount) : []
        while true {
            let batch = try state.nextBatch()
            guard batch > 0 else { break }
            let (exponents, outcomes) = state.compute(windows: batch)
            if !legacy {
                for (cell, outcome) in outcomes.enumerated() {
                    summary.count(outcome == .constant ? .tooFewRows : outcome, weight: state.firstColumn + cell % state.columnCount + 1,
                                  window: summary.windows + cell / state.columnCount)
                }
            }
            switch settings.layout {
            case .windowsByWeights:
                var text: [UInt8] = []
                for window in 0..<batch {
                    MatlabNumberFormat.appendRow(exponents[(window * state.columnCount)..<((window + 1) * state.columnCount)],
                                                 lineEnding: options.lineEnding, to: &text)
                }
                try writer.write(text)
            case .weightsByWindows:
                for window in 0..<batch {
                    for weight in 0..<state.columnCount {
                        transposed[weight].append(exponents[window * state.columnCount + weight])
                        legacyOutcomes[weight].append(outcomes[window * state.columnCount + weight])
                    }
                }
            }
            summary.windows += batch
            state.advance(windows: batch)
            options.progress?(summary.windows, reader)
        }
        try state.drain()
        if legacy {
            summary.resolveLegacy(&transposed, legacyOutcomes, firstWeight: state.firstColumn + 1, fixStale: options.fixStale)
            var text: [UInt8] = []
            for row in transposed { MatlabNumberFormat.appendRow(row, lineEnding: options.lineEnding, to: &text) }
            try writer.write(text)
        }
        summary.rows = reader.rowsRead
        summary.totalWeights = reader.columnCount ?? summary.weights
        summary.firstWeight = state.firstColumn + 1
        guard summary.windows > 0 else {
            throw InputError(file: reader.path, message: "\(summary.rows) rows: fewer than one window of \(plan.window) rows")
        }
        summary.droppedWindows = plan.droppedWindows(rows: summary.rows)
        return summary
    }
}

/// One (weight, window) cell: 1-based weight, 0-based window, as the scripts' messages number them.
public struct WindowCell: Sendable, Equatable {
    /// 1-based weight (column of the weights file).
    public var weight: Int
    /// 0-based window.
    public var window: Int
}

extension WindowLEJob.Summary {
    /// Counts one cell's outcome and records its message.
    mutating func count(_ outcome: WindowOutcome, weight: Int, window: Int) {
        switch outcome {
        case .computed, .constant: break
        case .gated: gated += 1
        case .tooFewRows: tooFewRows += 1
        case .slopesDisagree: slopesDisagree += 1
        case .noNeighbour: noNeighbour += 1
        }
        log.record(weight: weight, window: window, outcome: outcome)
    }

    /// The legacy script's cells in its order (for each weight, for each
    /// window), counted once all are known: a window constant after `%f` takes
    /// the exponent and outcome of the previous lyap_r call that wrote a curve
    /// (a curve lyap_r would never finish leaves an empty file: 0, too few rows);
    /// the first call has no earlier curve (0, too few rows). With `fixStale`
    /// every constant window is 0, too few rows.
    mutating func resolveLegacy(_ exponents: inout [[Double]], _ outcomes: [[WindowOutcome]], firstWeight: Int, fixStale: Bool) {
        var previous: (exponent: Double, outcome: WindowOutcome)?
        for weight in outcomes.indices {
            for window in outcomes[weight].indices {
                var outcome = outcomes[weight][window]
                if outcome == .constant {
                    if !fixStale, let previous {
                        exponents[weight][window] = previous.exponent
                        outcome = previous.outcome
                        staleCells.append(WindowCell(weight: firstWeight + weight, window: window))
                    } else {
                        if !fixStale, firstWeight > 1 { staleAtStart = true }
                        exponents[weight][window] = 0
                        outcome = .tooFewRows
                    }
                } else {
                    previous = outcome == .noNeighbour ? (0, .tooFewRows) : (exponents[weight][window], outcome)
                }
                count(outcome, weight: firstWeight + weight, window: window)
            }
        }
    }
}

/// The rows held for the current batch of windows, row-major.
private final class BatchState {
    let reader: any RecordingReader
    let options: WindowLEJob.Options
    let plan: WindowPlan
    let step: Int
    let window: Int
    let columnCount: Int
    let firstColumn: Int
    let batchWindows: Int
    let capacityRows: Int
    /// Rows allocated: `capacityRows` for a file of known size; for a stream,
    /// grown as rows arrive (so no option can size it before the data).
    var allocatedRows: Int
    /// Rows read per call, so that their text stays within `textBudget`.
    let rowsPerRead: Int
    var raw: UnsafeMutablePointer<Double>
    var filled = 0
    let general: GeneralWindowEngine
    let generalScratch: [GeneralWindowEngine.Scratch]

    init(reader: any RecordingReader, options: WindowLEJob.Options) throws {
        self.reader = reader
        self.options = options
        plan = options.settings.plan
        step = plan.step
        window = plan.window
        var firstRow: [Double] = []
        let first = try reader.readRows(1, selected: nil, threads: 1) { _, _, value in firstRow.append(value) }
        guard first == 1, let total = reader.columnCount else {
            throw InputError(file: reader.path, message: "no rows: expected one row of weights per step")
        }
        let selected = options.shard?.columns(of: total) ?? options.columns.map { ($0.lowerBound - 1)..<$0.upperBound } ?? 0..<total
        guard selected.lowerBound >= 0, selected.upperBound <= total, !selected.isEmpty || options.shard != nil else {
            throw StageError("--columns \(options.columns.map { "\($0.lowerBound):\($0.upperBound)" } ?? ""): \(reader.path) has \(total) weights")
        }
        firstColumn = selected.lowerBound
        columnCount = selected.count
        let bytesPerRow = columnCount * 8
        // Never hold more rows than the file can contain (each row needs at least two bytes a weight):
        // a window longer than the file then reads it all and ends with "fewer than one window".
        let mostRows = reader.totalBytes.map { $0 / (2 * total) + 1 } ?? Int.max
        let budgetRows = min(max(window, max(0, options.memoryBudget - Self.textBudget) / max(bytesPerRow, 1)), max(window, mostRows))
        batchWindows = max(1, min(4096, plan.windowCount(rows: budgetRows)))
        capacityRows = min(plan.rowsSpanned(byWindows: batchWindows), mostRows)
        allocatedRows = reader.totalBytes == nil ? min(capacityRows, 1024) : capacityRows
        raw = .allocate(capacity: allocatedRows * columnCount)
        for column in 0..<columnCount { raw[column] = firstRow[firstColumn + column] }
        filled = 1
        rowsPerRead = max(1, Self.textBudget / max(1, reader.bytesConsumed))
        let general = GeneralWindowEngine(settings: options.settings)
        self.general = general
        generalScratch = (0..<max(1, options.threads)).map { _ in general.makeScratch() }
    }

    deinit { raw.deallocate() }

    /// Bytes of row text held at once while reading (the values are held as doubles).
    static let textBudget = 32 << 20

    /// Reads rows for the next batch; returns how many complete windows it holds.
    func nextBatch() throws -> Int {
        while filled < capacityRows {
            let wanted = min(rowsPerRead, capacityRows - filled)
            if filled + wanted > allocatedRows { grow(toHold: filled + wanted) }
            let block = try reader.readRows(wanted, selected: firstColumn..<(firstColumn + columnCount), threads: options.threads,
                                            into: raw + filled * columnCount, rowStride: columnCount)
            guard block > 0 else { break }
            filled += block
        }
        return min(batchWindows, plan.windowCount(rows: filled))
    }

    /// Computes every cell of the first `windows` windows, window-major.
    func compute(windows: Int) -> ([Double], [WindowOutcome]) {
        let level: WindowLanes.Level? = switch options.engine {
        case .general: nil
        case .fastest: WindowLanes.widest
        case let .lanes(level): level
        }
        if let level, let lanes = LaneWindowEngine(settings: options.settings, level: level) { return compute(windows: windows, engine: lanes) }
        return compute(windows: windows, engine: general)
    }

    /// Computes the cells with `engine`, in blocks of one window × `WindowCells.blockColumns` columns, and the cells it declines with the general engine.
    private func compute<Engine: WindowEngine>(windows: Int, engine: Engine) -> ([Double], [WindowOutcome]) {
        let columns = columnCount
        let cells = windows * columns
        var exponents = [Double](repeating: 0, count: cells)
        var outcomes = [WindowOutcome](repeating: .computed, count: cells)
        let workers = generalScratch.count
        let scratch = (0..<workers).map { _ in engine.makeScratch() }
        let answers = (0..<workers).map { _ in UnsafeMutablePointer<WindowAnswer>.allocate(capacity: WindowCells.blockColumns) }
        defer { answers.forEach { $0.deallocate() } }
        let (raw, plan, general, generalScratch) = (self.raw, self.plan, self.general, self.generalScratch)
        exponents.withUnsafeMutableBufferPointer { exponentBuffer in
            outcomes.withUnsafeMutableBufferPointer { outcomeBuffer in
                ParallelLoop.forEachIndex(windows * WindowCells.blocks(columns: columns), workers: workers) { worker, index in
                    let (windowIndex, firstColumn, block) = WindowCells.block(index, of: raw, columns: columns, plan: plan)
                    let answer = answers[worker]
                    engine.compute(block, into: answer, scratch: scratch[worker])
                    for column in 0..<block.columns {
                        if answer[column] == .declined {
                            general.compute(block.column(column), into: answer + column, scratch: generalScratch[worker])
                        }
                        guard case let .exponent(value, outcome) = answer[column] else { continue }
                        exponentBuffer[windowIndex * columns + firstColumn + column] = value
                        outcomeBuffer[windowIndex * columns + firstColumn + column] = outcome
                    }
                }
            }
        }
        return (exponents, outcomes)
    }

    /// Reallocates the rows to hold at least `rows` rows (doubling, at most `capacityRows`).
    private func grow(toHold rows: Int) {
        let allocated = min(capacityRows, max(rows, allocatedRows * 2))
        let grown = UnsafeMutablePointer<Double>.allocate(capacity: allocated * columnCount)
        grown.initialize(from: raw, count: filled * columnCount)
        raw.deallocate()
        raw = grown
        allocatedRows = allocated
    }

    /// Drops the rows of `windows` finished windows, keeping the overlap.
    func advance(windows: Int) {
        let consumed = min(filled, windows * step)
        let keep = filled - consumed
        if keep > 0 {
            raw.update(from: raw + consumed * columnCount, count: keep * columnCount)
        }
        filled = keep
    }

    /// Reads (and so checks) the rows after the last complete window.
    func drain() throws {
        try reader.skipRemainingRows(threads: options.threads)
    }
}
