import LyapunovKit

/// The shared shell of every subcommand: `--help`, option errors (exit 2) and dispatch.
public enum CommandRunner {
    /// Parses `arguments`, prints `help` for `--help`, and otherwise calls `body`;
    /// an option error prints one line and exits 2.
    public static func run(parser: OptionParser, help: String, arguments: [String],
                           body: (ParsedOptions) throws(OptionParser.Failure) -> Int32) -> Int32 {
        do {
            let parsed = try parser.parse(arguments)
            if parsed.has("help") {
                print(help, terminator: "")
                return 0
            }
            if parsed.has("version") {
                print("chaosprune \(chaosPruneVersion)")
                return 0
            }
            return try body(parsed)
        } catch {
            StandardStreams.error("chaosprune: \(error.message)\n")
            return 2
        }
    }

    /// Runs the subcommand named by the first argument.
    public static func dispatch(_ arguments: [String], subcommands: [Subcommand]) -> Int32 {
        let overview = "Usage: chaosprune SUBCOMMAND [options]   (chaosprune SUBCOMMAND --help for each)\n\n"
            + subcommands.map { "  \($0.name + String(repeating: " ", count: max(1, 12 - $0.name.count)))\($0.summary)" }.joined(separator: "\n")
            + "\n\n  --version   print the version\n"
        guard let name = arguments.first else {
            StandardStreams.error(overview)
            return 2
        }
        switch name {
        case "--help", "-h", "help":
            print(overview, terminator: "")
            return 0
        case "--version":
            print("chaosprune \(chaosPruneVersion)")
            return 0
        default:
            guard let subcommand = subcommands.first(where: { $0.name == name }) else {
                StandardStreams.error("chaosprune: unknown subcommand '\(name)'\n\n" + overview)
                return 2
            }
            return subcommand.run(Array(arguments.dropFirst()))
        }
    }
}
