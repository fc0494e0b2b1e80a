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
/// or never ends, our own (`TiseanExitStatus`).
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
    public static func main(_ arguments: [String], console: Console = Console()) -> Int32 {
        if arguments.contains("--version") || arguments.contains("--help") {
            return console.finish(printing: arguments.contains("--help") ? banner + "\n" + usage : version)
        }
        if TiseanCommandLine.asksForHelp(arguments) {
            console.error(banner + "\n" + usage)
            return 0
        }
        let requested = Platform.environment("LYAP_R_ARITHMETIC") ?? ""
        guard let arithmetic = ArithmeticMode(rawValue: requested.isEmpty ? "ieee64" : requested) else {
            console.error("LYAP_R_ARITHMETIC must be ieee64 or x87, not '\(ArgumentText.printable(requested))'\n")
            return TiseanExitStatus.invalidParameter
        }
        let parsed: TiseanCommandLine.Parsed
        do {
            parsed = try TiseanCommandLine.parse(arguments)
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
    public static func run(_ options: LyapROptions, console: Console, errorPrefix: String = "") -> Int32 {
        if options.verbosity != 0 { console.error(banner) }
        if let problem = invalidParameter(options) {
            console.error(errorPrefix + problem + "\n")
            return TiseanExitStatus.invalidParameter
        }
        let source = resolveSource(options.candidates, console: console)
        if case .file(_, 0?) = source {
            console.error(errorPrefix + "column (name,N) must be at least 1, as -c must\n")
            return TiseanExitStatus.invalidParameter
        }
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
                return TiseanExitStatus.cannotOpenOutput
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
            return TiseanExitStatus.unreadableInput
        }
        let series = SeriesReader(column: column, skipLines: options.skipLines, limit: options.length).read(bytes)
        if options.verbosity & 1 != 0 {
            for line in series.ignoredLines { console.error("Line \(line + options.skipLines) ignored: no number in column \(column)\n") }
            console.error("Use \(series.values.count) lines.\n")
        }
        let onPass: ((Double, Int, Int) -> Void)? = options.verbosity & 2 == 0 ? nil : { epsilon, done, _ in
            console.error("epsilon: \(CFormat.format("%e", epsilon)) already found: \(done)\n")
        }
        let rows: [DivergenceRow]
        do {
            rows = try LyapunovEngine.divergence(of: series.values, parameters: options.parameters,
                                                 arithmetic: options.arithmetic, onPass: onPass)
        } catch {
            console.error(errorPrefix + error.message + "\n")
            return TiseanExitStatus.of(error)
        }
        do {
            try AtomicFileWriter.write(DivergenceFormat.bytes(of: rows), to: outputName)
        } catch {
            console.error(errorPrefix + "Couldn't write \(outputName): \(error.reason). Exiting\n")
            return TiseanExitStatus.cannotOpenOutput
        }
        return 0
    }

    /// The data source: candidates tried from the last backwards.
    public static func resolveSource(_ candidates: [String], console: Console) -> LyapROptions.Source {
        for token in candidates.reversed() {
            if token == "-" { return .standardInput }
            let (path, column) = splitColumnSuffix(token)
            if FileContents.exists(path) { return .file(path: path, column: column) }
            console.error("File \(path) not found!\n")
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
