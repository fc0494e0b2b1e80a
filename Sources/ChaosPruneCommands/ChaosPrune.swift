import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem
/// The `chaosprune` program: dispatches to the subcommands, prints the
/// overview, `help SUB` and `--version`.
///
/// Exit statuses: ``ExitStatus``.
public enum ChaosPrune {
    /// The program's name in messages.
    public static let program = "chaosprune"

    /// Every subcommand, in the overview's order.
    public static let commands: [Command] = [
        TrainCommand.command, LyapRCommand.command, LEWindowCommand.command, GrangerCommand.command, RetrainCommand.command,
        PipelineCommand.command, ExperimentCommand.command,
        DemoCommand.command, ReportCommand.command, CompareCommand.command, MergeCommand.command, ConvertCommand.command,
    ]

    /// Runs the command line `arguments` (without the program name) and returns the exit status.
    public static func main(_ arguments: [String], console: Console = Console()) -> ExitStatus {
        guard let name = arguments.first else {
            console.report(.usage("missing subcommand"), program: program)
            console.error("\n" + overview)
            return 2
        }
        switch name {
        case "--help", "-h":
            return console.finish(printing: overview, program: program)
        case "help":
            guard arguments.count > 1 else { return console.finish(printing: overview, program: program) }
            if arguments[1] == "--markdown" { return console.finish(printing: MarkdownReference.article(for: commands, program: program), program: program) }
            guard let command = commands.first(where: { $0.name == arguments[1] }) else { return unknown(arguments[1], console) }
            return command.run(["--help"], console: console, program: program)
        case "--version":
            return console.finish(printing: ToolVersion.text + "\n", program: program)
        default:
            guard let command = commands.first(where: { $0.name == name }) else { return unknown(name, console) }
            return command.run(Array(arguments.dropFirst()), console: console, program: program)
        }
    }

    /// The overview: usage and one line per subcommand.
    public static var overview: String {
        var text = HelpFormatter.wrap("OVERVIEW: the LEGCNet chaos-causality pruning pipeline, stage by stage, as the original scripts compute it.", indent: 0) + "\n\n"
        text += "USAGE: chaosprune <subcommand> [options]\n\nSUBCOMMANDS:\n"
        for command in commands {
            text += HelpFormatter.row(label: "  " + command.name, help: command.abstract)
        }
        text += "\n  See 'chaosprune help <subcommand>' or 'chaosprune <subcommand> --help'.\n"
        text += "  'chaosprune --version' prints the version.\n"
        text += "  'chaosprune help --markdown' prints the reference of every subcommand.\n"
        return text
    }

    private static func unknown(_ name: String, _ console: Console) -> ExitStatus {
        console.report(.usage("unknown subcommand '\(ArgumentText.printable(name))' (see 'chaosprune --help')"), program: program)
        return 2
    }
}
