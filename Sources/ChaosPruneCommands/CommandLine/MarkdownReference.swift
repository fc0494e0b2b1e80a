/// The command reference as a DocC article, generated from the command
/// declarations: `chaosprune help --markdown` prints it, and it is checked in
/// as `ChaosPruneCommands.docc/CommandReference.md`.
///
/// Postconditions: every subcommand, in the overview's order, with its
/// abstract, usage line, discussion, every option (with `--help` and
/// `--version`) and its default, and its examples — the same declarations
/// `--help` prints.
package enum MarkdownReference {
    /// The whole article for `commands` of `program`.
    package static func article(for commands: [Command], program: String) -> String {
        var text = """
        # Command reference

        Every `\(program)` subcommand with its options and their defaults, generated from the command declarations.

        ## Overview

        This article is what `\(program) help --markdown` prints; a test fails when it differs from
        the declarations. After changing a command, regenerate it with
        `swift run \(program) help --markdown > Sources/ChaosPruneCommands/ChaosPruneCommands.docc/CommandReference.md`.
        What each stage reproduces, with examples, is in <doc:Guide>.


        """
        for command in commands { text += section(for: command, program: program) }
        return text
    }

    private static func section(for command: Command, program: String) -> String {
        var text = "### \(program) \(command.name)\n\n\(command.abstract)\n\n```\n\(program) \(command.name) \(command.usage)\n```\n\n"
        text += discussion(command.discussion)
        text += "| option | meaning |\n|---|---|\n"
        for option in command.allOptions {
            text += "| `\(option.label)` | \(cell(HelpFormatter.helpWithDefault(option))) |\n"
        }
        text += "\n"
        if !command.examples.isEmpty {
            text += "```\n" + command.examples.joined(separator: "\n") + "\n```\n\n"
        }
        return text
    }

    /// Unindented lines as paragraphs, each run of indented lines as a preformatted block.
    private static func discussion(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var result = ""
        var block: [Substring] = []
        func flush() {
            guard !block.isEmpty else { return }
            result += "```\n" + block.joined(separator: "\n") + "\n```\n\n"
            block = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == " " {
                block.append(line)
            } else {
                flush()
                result += line + "\n\n"
            }
        }
        flush()
        return result
    }

    /// Table cell text: a `|` would end the cell.
    private static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
