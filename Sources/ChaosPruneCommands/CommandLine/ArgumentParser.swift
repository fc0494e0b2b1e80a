import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// Sorts a GNU-style command line into `ParsedArguments`: `--name value`,
/// `--name=value`, `-n value`, `-nVALUE`, bundled short flags (`-qj2`: `-q`,
/// then `-j 2`), `--` ending the options, `-` as a positional.
///
/// A value-taking option takes the next token whatever it looks like
/// (`--offset -5`); an unknown option, a flag given a value and a missing
/// value are usage errors.
package struct ArgumentParser {
    let options: [OptionSpec]

    /// A parser of `options`.
    package init(options: [OptionSpec]) { self.options = options }

    /// The options and positional arguments of `arguments`.
    package func parse(_ arguments: [String]) throws(CommandError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        func value(for option: OptionSpec, attached: String?) throws(CommandError) -> String {
            if let attached { return attached }
            guard index < arguments.count else { throw .usage("--\(option.long) needs a value <\(option.valueName ?? "")>") }
            index += 1
            return arguments[index - 1]
        }
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if optionsEnded || token == "-" || !token.hasPrefix("-") {
                parsed.positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                let name = body.firstIndex(of: "=").map { String(body[..<$0]) } ?? String(body)
                let attached = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                guard let option = options.first(where: { $0.long == name }) else {
                    throw .usage("unknown option '\(ArgumentText.printable(token))'")
                }
                if option.takesValue {
                    parsed.values[option.long] = try value(for: option, attached: attached)
                } else {
                    guard attached == nil else { throw .usage("--\(option.long) takes no value") }
                    parsed.flags.insert(option.long)
                }
                continue
            }
            var letters = token.dropFirst()
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let option = options.first(where: { $0.short == letter }) else {
                    throw .usage("unknown option '-\(ArgumentText.printable(String(letter)))'" + (token.count > 2 ? " in '\(ArgumentText.printable(token))'" : ""))
                }
                if option.takesValue {
                    parsed.values[option.long] = try value(for: option, attached: letters.isEmpty ? nil : String(letters))
                    break
                }
                parsed.flags.insert(option.long)
            }
        }
        return parsed
    }
}
