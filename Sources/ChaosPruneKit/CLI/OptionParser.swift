import LyapunovKit

/// A GNU-style command line: `--name value`, `--name=value`, `-n value`,
/// `-nVALUE`, boolean flags, `--` ending the options, `-` as a positional.
///
/// Shared by every `chaosprune` subcommand; it knows nothing of the numerics.
public struct OptionParser: Sendable {
    /// One accepted option.
    public struct Option: Sendable {
        /// Long name without dashes (`dim`).
        public var name: String
        /// Optional one-letter alias (`m` for `-m`).
        public var short: Character?
        /// Whether the option takes a value (else it is a flag).
        public var takesValue: Bool
        /// The value's placeholder in help (`N`), empty for flags.
        public var placeholder: String
        /// One-line help, with the default.
        public var help: String

        /// A value-taking option.
        public static func value(_ name: String, _ short: Character? = nil, _ placeholder: String, _ help: String) -> Option {
            Option(name: name, short: short, takesValue: true, placeholder: placeholder, help: help)
        }

        /// A boolean flag.
        public static func flag(_ name: String, _ short: Character? = nil, _ help: String) -> Option {
            Option(name: name, short: short, takesValue: false, placeholder: "", help: help)
        }
    }

    /// A command line that does not fit the options.
    public struct Failure: Error, Sendable, Equatable {
        /// One line saying what is wrong.
        public var message: String

        /// Creates a failure with its one-line message.
        public init(message: String) { self.message = message }
    }

    /// The accepted options.
    public var options: [Option]

    /// Creates a parser for `options`; `--help` is always accepted.
    public init(_ options: [Option]) {
        self.options = options + [.flag("help", "h", "show this help and exit")]
    }

    /// Parses `arguments` (without the program and subcommand names).
    public func parse(_ arguments: [String]) throws(Failure) -> ParsedOptions {
        var parsed = ParsedOptions()
        var index = 0
        var optionsEnded = false
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
            var name: String
            var attached: String?
            let option: Option?
            if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    name = String(body[..<equals])
                    attached = String(body[body.index(after: equals)...])
                } else {
                    name = String(body)
                }
                option = options.first { $0.name == name }
            } else {
                let letter = token[token.index(after: token.startIndex)]
                option = options.first { $0.short == letter }
                name = String(letter)
                let rest = token.dropFirst(2)
                if !rest.isEmpty { attached = String(rest) }
            }
            guard let option else { throw Failure(message: "unknown option '\(token)' (see --help)") }
            name = option.name
            if option.takesValue {
                if let attached {
                    parsed.values[name] = attached
                } else if index < arguments.count {
                    parsed.values[name] = arguments[index]
                    index += 1
                } else {
                    throw Failure(message: "option --\(name) needs a value \(option.placeholder)")
                }
            } else {
                guard attached == nil else { throw Failure(message: "option --\(name) takes no value") }
                parsed.flags.insert(name)
            }
        }
        return parsed
    }

    /// The options section of a help text.
    public var helpText: String {
        options.map { option in
            var left = option.short.map { "-\($0), " } ?? "    "
            left += "--\(option.name)"
            if option.takesValue { left += " \(option.placeholder)" }
            let padding = String(repeating: " ", count: max(2, 30 - left.count))
            return "  \(left)\(padding)\(option.help)"
        }.joined(separator: "\n")
    }
}

/// The result of `OptionParser.parse`: option values (the last occurrence wins),
/// flags and positional arguments, with typed accessors that name the option
/// in their errors.
public struct ParsedOptions: Sendable {
    /// Option values by long name.
    public var values: [String: String] = [:]
    /// Flags given, by long name.
    public var flags: Set<String> = []
    /// Positional arguments in order.
    public var positionals: [String] = []

    /// Whether flag `name` was given.
    public func has(_ name: String) -> Bool { flags.contains(name) }

    /// The string value of `name`, or `fallback`.
    public func string(_ name: String, default fallback: String? = nil) -> String? { values[name] ?? fallback }

    /// The integer value of `name` within `range`, or `fallback`.
    public func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int> = 0...Int.max) throws(OptionParser.Failure) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw OptionParser.Failure(message: "option --\(name) expects a whole number in \(range.lowerBound)…\(range.upperBound == Int.max ? "" : String(range.upperBound)), not '\(text)'")
        }
        return value
    }

    /// The floating-point value of `name` (C `%lf` syntax), or `fallback`.
    public func real(_ name: String, default fallback: Double) throws(OptionParser.Failure) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = TiseanCommandLine.parseFloat(text) else {
            throw OptionParser.Failure(message: "option --\(name) expects a number, not '\(text)'")
        }
        return value
    }

    /// The arithmetic named by `--arithmetic`, refused where unavailable.
    public func arithmetic() throws(OptionParser.Failure) -> ArithmeticMode {
        guard let text = values["arithmetic"] else { return .ieee64 }
        guard let mode = ArithmeticMode(rawValue: text) else {
            throw OptionParser.Failure(message: "option --arithmetic expects ieee64 or x87, not '\(text)'")
        }
        guard mode.isAvailable else { throw OptionParser.Failure(message: LyapunovError.arithmeticUnavailable(mode).message) }
        return mode
    }
}
