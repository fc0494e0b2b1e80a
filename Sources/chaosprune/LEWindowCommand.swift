import ChaosPruneKit
import LyapunovKit

/// `chaosprune le-window`: weights CSV → window_LE CSV, as the MATLAB window scripts.
let leWindowCommand = Subcommand(name: "le-window", summary: "windowed Lyapunov exponents of every weight (MATLAB LE_window.m / window_LE.m)") { arguments in
    let parser = OptionParser([
        .value("output", "o", "FILE", "window_LE CSV to write, - for stdout (required)"),
        .flag("legacy", nil, "the older script window_LE.m: no gate, -s20, window 200 / step 180, rows = weights"),
        .value("window", "w", "N", "rows per window [50, as the original README states; LE_window.m itself used 200; --legacy: 200]"),
        .value("overlap", nil, "F", "fraction of a window shared with the next [0.1]"),
        .value("steps", "s", "N", "lyap_r iterations [3; --legacy: 20]"),
        .value("dim", "m", "N", "lyap_r embedding dimension [2]"),
        .value("delay", "d", "N", "lyap_r delay [1]"),
        .value("radius", "r", "R", "lyap_r initial epsilon in data units [20]"),
        .flag("no-gate", nil, "skip the ischange/range gate (the current script always gates)"),
        .value("columns", nil, "A:B", "only weights A…B, 1-based inclusive (for sharding; merge shards column-wise)"),
        .value("threads", "j", "N", "worker threads [all cores]"),
        .flag("crlf", nil, "end rows with \\r\\n, as the original files written on Windows [\\n]"),
        .value("log", nil, "FILE", "write the script's messages (Weights unvarying…, No. of static windows…)"),
        .value("arithmetic", nil, "MODE", "ieee64 (x86-64 TISEAN, default) or x87 (original 32-bit build)"),
        .flag("quiet", "q", "no progress or summary on stderr"),
    ])
    let help = """
        Usage: chaosprune le-window WEIGHTS.csv -o WINDOW_LE.csv [options]
        For each weight (column) and each window of training steps (rows), the maximal Lyapunov
        exponent exactly as the MATLAB script + TISEAN lyap_r compute it. Default: LE_window.m
        (rows = windows, columns = weights, gate on, lyap_r -m2 -r20 -d1 -s3).

        \(parser.helpText)

        Example: chaosprune le-window weights.csv -o window_LE_1.csv --window 200 --log window_LE_1.log

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        guard parsed.positionals.count == 1, let input = parsed.positionals.first else {
            throw OptionParser.Failure(message: "expected one weights CSV file (see --help)")
        }
        guard let output = parsed.string("output") else { throw OptionParser.Failure(message: "--output FILE is required") }
        let legacy = parsed.has("legacy")
        var settings = legacy ? WindowSettings.legacy : WindowSettings.current()
        settings.window = try parsed.integer("window", default: settings.window, in: 2...Int.max)
        settings.overlap = try parsed.real("overlap", default: settings.overlap)
        settings.parameters.steps = try parsed.integer("steps", default: settings.parameters.steps)
        settings.parameters.dimension = try parsed.integer("dim", default: 2, in: 1...Int.max)
        settings.parameters.delay = try parsed.integer("delay", default: 1)
        settings.parameters.initialEpsilon = .dataUnits(try parsed.real("radius", default: 20))
        if parsed.has("no-gate") { settings.gate = false }
        settings.arithmetic = try parsed.arithmetic()
        var options = WindowLEJob.Options(settings: settings, threads: try parsed.integer("threads", default: ProcessorCount.online, in: 1...1024))
        if let text = parsed.string("columns") { options.columns = try ColumnRange.parse(text) }
        if parsed.has("crlf") { options.lineEnding = [13, 10] }
        let logPath = parsed.string("log")
        options.collectLog = logPath != nil
        let quiet = parsed.has("quiet")
        let meter = ProgressMeter(quiet: quiet)
        options.progress = { windows, reader in
            meter.update(label: "le-window:", done: windows, unit: "windows",
                         fraction: reader.totalBytes.map { Double(reader.bytesConsumed) / Double(max($0, 1)) })
        }
        return StageRunner.run { () throws(StageFailure) in
            let reader = try StageFailure.wrap { () throws(CSVError) in try NumericCSVReader(path: input) }
            let writer = try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter(path: output) }
            let summary: WindowLEJob.Summary
            do throws(WindowLEJob.Failure) {
                summary = try WindowLEJob.run(reader: reader, writer: writer, options: options)
            } catch {
                writer.abandon()
                throw StageFailure(message: error.description)
            }
            if let logPath {
                try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in
                    try AtomicFileWriter.write(Array(summary.log.text(staticWindows: summary.staticWindows, droppedWindows: summary.droppedWindows).utf8), to: logPath)
                }
            }
            try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try writer.commit() }
            meter.finish()
            if summary.droppedWindows > 0 {
                StandardStreams.error("chaosprune: warning: dropped \(summary.droppedWindows) trailing window(s) that would run past row \(summary.rows) (the MATLAB script stops with an index error there)\n")
            }
            if summary.noNeighbour > 0 {
                StandardStreams.error("chaosprune: warning: \(summary.noNeighbour) window(s) on which TISEAN lyap_r would never terminate (a point with no neighbour at any radius); written as 0\n")
            }
            if legacy, summary.tooFewRows > 0 {
                StandardStreams.error("chaosprune: warning: \(summary.tooFewRows) window(s) whose lyap_r curve had fewer than two rows (MATLAB's interp1 fails there); written as 0\n")
            }
            if !quiet {
                StandardStreams.error("le-window: \(summary.weights) weights × \(summary.windows) windows from \(summary.rows) rows in \(CFormat.format("%.1f", meter.elapsed)) s; static windows \(summary.staticWindows) (gated \(summary.gated), short curves \(summary.tooFewRows)); slope mismatches \(summary.slopesDisagree)\n")
            }
        }
    }
}
