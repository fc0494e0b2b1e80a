import ChaosPruneKit
import ChaosPruneSystem

/// Builds a command's help from its declarations, wrapped at 80 columns:
/// overview, usage, discussion, options (with their defaults), examples.
package enum HelpFormatter {
    static let width = 80
    static let labelColumn = 28

    package static func help(for command: Command, program: String) -> String {
        var text = wrap("OVERVIEW: \(command.abstract)", indent: 0) + "\n\n"
            + wrap("USAGE: \(program) \(command.name) \(command.usage)", indent: 0) + "\n"
        if !command.discussion.isEmpty {
            text += "\n" + command.discussion.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let indent = line.prefix { $0 == " " }.count
                let body = line.dropFirst(indent)
                let hanging = body.firstRange(of: "  ").map { gap in
                    indent + body.distance(from: body.startIndex, to: gap.lowerBound) + body[gap.lowerBound...].prefix { $0 == " " }.count
                } ?? indent
                return wrap(String(body), indent: indent, hanging: hanging)
            }.joined(separator: "\n") + "\n"
        }
        let options = command.allOptions
        if !options.isEmpty {
            text += "\nOPTIONS:\n" + options.map(describe).joined()
        }
        if !command.examples.isEmpty {
            text += "\nEXAMPLES:\n" + command.examples.map { commandLine($0) + "\n" }.joined()
        }
        return text
    }

    /// One option's lines: label, then the help (with its default) from column 28.
    static func describe(_ option: OptionSpec) -> String {
        row(label: "  " + option.label, help: helpWithDefault(option))
    }

    /// An option's help sentence with its default, if any: `Rows per window (default: 50).`
    static func helpWithDefault(_ option: OptionSpec) -> String {
        guard let defaultText = option.defaultText else { return option.help }
        let sentence = option.help.hasSuffix(".") ? String(option.help.dropLast()) : option.help
        return sentence + " (default: \(defaultText))."
    }

    /// `label`, then `help` wrapped from column 28 (on the next line when the label is too long).
    static func row(label: String, help: String) -> String {
        let body = wrap(help, indent: labelColumn)
        if label.count + 2 <= labelColumn {
            return label + String(repeating: " ", count: labelColumn - label.count) + body.dropFirst(labelColumn) + "\n"
        }
        return label + "\n" + body + "\n"
    }

    /// An example command line, indented by 2, broken with ` \` continuations to fit 80 columns.
    static func commandLine(_ text: String) -> String {
        var lines: [String] = []
        var line = "  "
        for word in text.split(separator: " ") {
            if line.count > 2, line.count + 1 + word.count > width - 2 {
                lines.append(line + " \\")
                line = "      "
            } else if line.count > 2 {
                line += " "
            }
            line += word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// `text` wrapped at `width` columns, the first line indented by `indent`
    /// spaces and the others by `hanging` (default: the same).
    static func wrap(_ text: String, indent: Int, hanging: Int? = nil) -> String {
        var lines: [String] = []
        var line = ""
        var lineIndent = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, lineIndent + line.count + 1 + word.count > width {
                lines.append(String(repeating: " ", count: lineIndent) + line)
                lineIndent = hanging ?? indent
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(String(repeating: " ", count: lineIndent) + line)
        return lines.joined(separator: "\n")
    }
}
