import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem
import LyapunovKit

/// The `lyap_r` program: resolves the data file and the output name, creates
/// the output file, reads the series, runs the engine and writes the rows.
///
/// Mirrors TISEAN 3.0.0 `lyap_r`'s observable behaviour (LyapunovKit's "What lyap_r computes"
/// article of LyapunovKit): the candidate files are tried from the last
/// backwards (`File X not found!` for missing ones, standard input when none
/// exists or for `-`); the output file is created empty before the data is
/// read, and holds the rows only after a successful run. Exit statuses are
/// the reference's (11, 13, 15, 17, 18, 20), plus, where the reference crashes
/// or never ends, our own (`ExitStatus`).
public enum LyapRProgram {
    /// The text printed by `-h`, `--help` and `--version` before the usage.
    public static let banner = "lyap_r (\(ToolVersion.text)): the maximal Lyapunov exponent after Rosenstein\n"
        + "et al. (1993); a drop-in for TISEAN 3.0.0's lyap_r: same command line, same output.\n"

    /// The line `--version` prints.
    public static let version = "lyap_r (\(ToolVersion.text))\n"

    /// The usage text of the TISEAN-compatible command line.
    public static let usage = """
        Usage: lyap_r [options] [datafile[,column]]
        Options (a value is attached, -m2, or separate, -m 2; the last occurrence wins):
          -l   number of values to use [all]
          -x   lines to skip at the start [0]
          -c   column to read [1]
          -m   embedding dimension [2]
          -d   delay [1]
          -t   Theiler window: pairs closer in time are not neighbours [0]
          -r   initial epsilon in data units [1e-3 of the data interval]
          -s   number of iterations [10]
          -o   output file [datafile.ros, or stdin.ros]
          -V   verbosity bitmask: 0 quiet, 1 input messages, 2 one line per epsilon [255]
          -h   this text (also --help); --version prints the version
        LYAP_R_ARITHMETIC=x87 in the environment reproduces the original 32-bit build.

        """

    /// The drop-in's entry point: the TISEAN command line `arguments` (without
    /// the program name), the arithmetic from `LYAP_R_ARITHMETIC`; returns the exit status.
    public static func main(_ arguments: [String], console: Console = Console()) -> ExitStatus {
        if arguments.contains("--version") || arguments.contains("--help") {
            return console.finish(printing: arguments.contains("--help") ? banner + "\n" + usage : version, program: "lyap_r")
        }
        if TiseanCommandLine.asksForHelp(arguments) {
            console.error(banner + "\n" + usage)
            return 0
        }
        let requested = Platform.environment("LYAP_R_ARITHMETIC") ?? ""
        guard let arithmetic = ArithmeticMode(rawValue: requested.isEmpty ? "ieee64" : requested) else {
            console.error("LYAP_R_ARITHMETIC must be ieee64 or x87, not '\(ArgumentText.printable(requested))'\n")
            return ExitStatus.invalidParameter
        }
        let parsed: TiseanCommandLine.Parsed
        do {
            parsed = try TiseanCommandLine.parse(arguments, arithmetic: arithmetic)
        } catch {
            console.error(error.message + "\n")
            return error.status
        }
        for warning in parsed.warnings { console.error(warning + "\n") }
        var options = parsed.options
        options.arithmetic = arithmetic
        return run(options, console: console)
    }

    /// Runs `options` and returns the exit status; messages go to the console's
    /// standard error, failures prefixed by `errorPrefix` (empty for the drop-in,
    /// `chaosprune lyap-r: error: ` for the subcommand).
    public static func run(_ options: LyapROptions, console: Console, errorPrefix: String = "") -> ExitStatus {
        if options.verbosity != 0 { console.error(banner) }
        if !options.arithmetic.isAvailable {
            console.error(errorPrefix + LyapunovError.arithmeticUnavailable(options.arithmetic).message + "\n")
            return ExitStatus.invalidParameter
        }
        let source = resolveSource(options.candidates, arithmetic: options.arithmetic, console: console)
        let outputName: String
        if let name = options.outputName {
            outputName = name
        } else if case let .file(path, _) = source {
            outputName = path + ".ros"
        } else {
            outputName = "stdin.ros"
        }
        if outputName != "-" {
            do {
                try Platform.touch(outputName)
            } catch {
                console.error(errorPrefix + "Couldn't open \(outputName) for writing. Exiting\n")
                return ExitStatus.cannotOpenOutput
            }
        }

        var column = options.column
        let bytes: [UInt8]
        do {
            switch source {
            case .standardInput:
                if options.verbosity & 1 != 0 { console.error("Using stdin as datafile, reading column \(column)\n") }
                bytes = try StandardStreams.readInput()
            case let .file(path, suffixColumn):
                column = suffixColumn ?? column
                if options.verbosity & 1 != 0 { console.error("Using \(path) as datafile, reading column \(column)\n") }
                bytes = try FileContents.read(path)
            }
        } catch {
            console.error(errorPrefix + "cannot read \(error.path): \(error.reason)\n")
            return ExitStatus.unreadableInput
        }
        let series = SeriesReader(column: column, skipLines: options.skipLines, limit: options.length).read(bytes)
        if series.reachedUnterminatedLine {
            if options.arithmetic == .x87 {
                console.error(errorPrefix + "the last line has no newline: the original 32-bit build never ends here\n")
                return ExitStatus.unterminatedLastLineHangs
            }
            console.error(errorPrefix + "check_alloc: Couldn't allocate enough memory. Exiting\n")
            return ExitStatus.unterminatedLastLine
        }
        if options.verbosity & 1 != 0 {
            for line in series.ignoredLines { console.error("Line \(line + options.skipLines) ignored: no number in column \(column)\n") }
            console.error("Use \(series.values.count) lines.\n")
        }
        let onPass: ((Double, Int, Int) -> Void)? = options.verbosity & 2 == 0 ? nil : { epsilon, done, _ in
            console.error("epsilon: \(CFormat.format("%e", epsilon)) already found: \(done)\n")
        }
        let rows: [DivergenceRow]
        do {
            rows = try divergence(series.values, options, onPass: onPass)
        } catch {
            console.error(errorPrefix + error.message + "\n")
            let status = ExitStatus.of(error)
            if ExitStatus.emptiesOutput(status), outputName != "-" {
                try? AtomicFileWriter.write([], to: outputName)
            }
            return status
        }
        do {
            try AtomicFileWriter.write(DivergenceFormat.bytes(of: rows), to: outputName)
        } catch {
            console.error(errorPrefix + "Couldn't write \(outputName): \(error.reason). Exiting\n")
            return ExitStatus.cannotOpenOutput
        }
        return 0
    }

    /// The data source: candidates tried from the last backwards.
    public static func resolveSource(_ candidates: [String], arithmetic: ArithmeticMode = .ieee64, console: Console) -> LyapROptions.Source {
        for token in candidates.reversed() {
            if token == "-" { return .standardInput }
            let (path, column, warning) = splitColumnSuffix(token, arithmetic: arithmetic)
            if let warning { console.error(warning + "\n") }
            if FileContents.exists(path) { return .file(path: path, column: column) }
            console.error("File \(path) not found!\n")
        }
        return .standardInput
    }

    /// Splits a `name,SUFFIX` token at its first comma into the file name and
    /// the column: digits give the column (as `-c` reads them), nothing leaves
    /// the column as it was, anything else does too, with TISEAN's warning.
    public static func splitColumnSuffix(_ token: String, arithmetic: ArithmeticMode = .ieee64) -> (path: String, column: Int?, warning: String?) {
        guard let comma = token.firstIndex(of: ",") else { return (token, nil, nil) }
        let path = String(token[..<comma])
        let suffix = String(token[token.index(after: comma)...])
        if suffix.isEmpty { return (path, nil, nil) }
        guard let number = TiseanCommandLine.parseUnsigned(suffix) else {
            return (path, nil, "Column must be a unsigned integer. Ignoring it!")
        }
        return (path, Int(UInt32(truncatingIfNeeded: TiseanCommandLine.unsignedLong(number, arithmetic: arithmetic))), nil)
    }

    /// The engine's rows, or none where the reference writes an empty curve:
    /// an embedding dimension or a delay of 0 (after the series is checked to
    /// be long enough for the iterations).
    private static func divergence(_ values: [Double], _ options: LyapROptions,
                                   onPass: ((Double, Int, Int) -> Void)?) throws(LyapunovError) -> [DivergenceRow] {
        let parameters = options.parameters
        guard parameters.dimension == 0 || parameters.delay == 0 else {
            return try LyapunovEngine.divergence(of: values, parameters: parameters, arithmetic: options.arithmetic,
                                                 threads: ProcessorCount.online, onPass: onPass)
        }
        if values.isEmpty { throw .noData }
        if values.allSatisfy({ $0 == values[0] }) { throw .constantSeries(minimum: values[0], maximum: values[0]) }
        guard values.count >= parameters.steps else { throw .seriesTooShort(length: values.count, required: parameters.steps) }
        return []
    }
}
