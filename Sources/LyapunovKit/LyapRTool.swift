#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `lyap_r` program: resolves the data file and the output name, creates
/// the output file, reads the series, runs the engine and writes the rows.
///
/// Mirrors TISEAN 3.0.0 `lyap_r`'s observable behaviour: the candidate files
/// are tried from the last backwards (`File X not found!` for missing ones,
/// standard input when none exists or for `-`); the output file is created
/// empty before the data is read, and holds the rows only after a successful
/// run. Exit statuses are the reference's (11, 13, 15, 17, 18, 20), plus, where
/// the reference crashes or never ends: 21 non-finite value, 22 series too short,
/// 23 no neighbour at any epsilon, 24 invalid parameter, 25 unreadable input.
public enum LyapRTool {
    /// The text printed by `-h` and `--version` before the usage.
    public static let banner = "lyap_r (chaosprune 0.1.0): maximal Lyapunov exponent after Rosenstein et al. (1993),\n"
        + "a native drop-in for TISEAN 3.0.0's lyap_r with the same command line and output bytes.\n"

    /// The usage text of the TISEAN-compatible command line.
    public static let usage = """
        Usage: lyap_r [options] [datafile[,column]]
        Options (a value may be attached, -m2, or separate, -m 2; the last occurrence wins):
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
          -h   this text
        Environment: LYAP_R_ARITHMETIC=x87 reproduces the original 32-bit build (default ieee64).

        """

    /// Runs the TISEAN-compatible command line `arguments` (without the program
    /// name) and returns the exit status.
    public static func runTisean(arguments: [String], arithmetic: ArithmeticMode) -> Int32 {
        if TiseanCommandLine.asksForHelp(arguments) {
            StandardStreams.error(banner + "\n" + usage)
            return 0
        }
        let parsed: TiseanCommandLine.Parsed
        do {
            parsed = try TiseanCommandLine.parse(arguments)
        } catch {
            StandardStreams.error(error.message + "\n")
            return error.status
        }
        for warning in parsed.warnings { StandardStreams.error(warning + "\n") }
        var options = parsed.options
        options.arithmetic = arithmetic
        return run(options)
    }

    /// Runs `options` and returns the exit status; messages go to standard error.
    public static func run(_ options: LyapROptions) -> Int32 {
        if options.verbosity != 0 { StandardStreams.error(banner) }
        if let problem = invalidParameter(options) {
            StandardStreams.error(problem + "\n")
            return 24
        }
        let source = resolveSource(options.candidates)
        let outputName: String
        if let name = options.outputName {
            outputName = name
        } else if case let .file(path, _) = source {
            outputName = path + ".ros"
        } else {
            outputName = "stdin.ros"
        }
        if outputName != "-" {
            let created = open(outputName, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o666)
            guard created >= 0 else {
                StandardStreams.error("Couldn't open \(outputName) for writing. Exiting\n")
                return 18
            }
            close(created)
        }

        var column = options.column
        let contents: Result<[UInt8], AtomicFileWriter.Failure>
        switch source {
        case .standardInput:
            if options.verbosity & 1 != 0 { StandardStreams.error("Using stdin as datafile, reading column \(column)\n") }
            contents = StandardStreams.readInput()
        case let .file(path, suffixColumn):
            column = suffixColumn ?? column
            if options.verbosity & 1 != 0 { StandardStreams.error("Using \(path) as datafile, reading column \(column)\n") }
            contents = StandardStreams.readFile(path)
        }
        let bytes: [UInt8]
        switch contents {
        case let .success(data): bytes = data
        case let .failure(failure):
            StandardStreams.error("cannot read \(failure.path): \(failure.reason)\n")
            return 25
        }
        let series = SeriesReader(column: column, skipLines: options.skipLines, limit: options.length).read(bytes)
        if options.verbosity & 1 != 0 {
            for line in series.ignoredLines { StandardStreams.error("Line \(line + options.skipLines) ignored: no number in column \(column)\n") }
            StandardStreams.error("Use \(series.values.count) lines.\n")
        }
        let onPass: ((Double, Int, Int) -> Void)? = options.verbosity & 2 == 0 ? nil : { epsilon, done, _ in
            StandardStreams.error("epsilon: \(CFormat.format("%e", epsilon)) already found: \(done)\n")
        }
        do {
            let rows = try LyapunovEngine.divergence(of: series.values, parameters: options.parameters,
                                                     arithmetic: options.arithmetic, onPass: onPass)
            try AtomicFileWriter.write(DivergenceFormat.bytes(of: rows), to: outputName)
            return 0
        } catch let error as LyapunovError {
            StandardStreams.error(error.message + "\n")
            return exitStatus(of: error)
        } catch let error as AtomicFileWriter.Failure {
            StandardStreams.error("Couldn't write \(outputName): \(error.reason). Exiting\n")
            return 18
        } catch {
            StandardStreams.error("\(error)\n")
            return 1
        }
    }

    /// The exit status for an engine failure.
    public static func exitStatus(of error: LyapunovError) -> Int32 {
        switch error {
        case .constantSeries: return 11
        case .noData: return 20
        case .nonFiniteValue: return 21
        case .seriesTooShort: return 22
        case .noNeighbour: return 23
        case .invalidDimension, .arithmeticUnavailable: return 24
        }
    }

    /// The data source: candidates tried from the last backwards.
    public static func resolveSource(_ candidates: [String]) -> LyapROptions.Source {
        for token in candidates.reversed() {
            if token == "-" { return .standardInput }
            let (path, column) = splitColumnSuffix(token)
            if StandardStreams.fileExists(path) { return .file(path: path, column: column) }
            StandardStreams.error("File \(path) not found!\n")
        }
        return .standardInput
    }

    /// Splits a `name,N` token (N all digits) into the file name and the column.
    public static func splitColumnSuffix(_ token: String) -> (path: String, column: Int?) {
        guard let comma = token.lastIndex(of: ","),
              let number = TiseanCommandLine.parseUnsigned(String(token[token.index(after: comma)...])) else {
            return (token, nil)
        }
        return (String(token[..<comma]), number)
    }

    private static func invalidParameter(_ options: LyapROptions) -> String? {
        if options.parameters.dimension < 1 { return "embedding dimension (-m) must be at least 1" }
        if options.column < 1 { return "column (-c) must be at least 1" }
        if !options.arithmetic.isAvailable { return LyapunovError.arithmeticUnavailable(options.arithmetic).message }
        return nil
    }
}
