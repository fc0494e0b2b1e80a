import ChaosPruneSystem
import LyapunovKit

/// Parses TISEAN 3.0.0 `lyap_r`'s command line.
///
/// Mirrors the reference's scanner: options are looked for in the fixed order
/// `-l -x -c -m -d -t -r -s -V -o`; a value is attached (`-m2`) or the next
/// token (`-m 2`); the last occurrence wins; consumed tokens are removed and
/// what remains are candidate data files. `-o` takes an optional name: a
/// following token that starts with `-` is not taken (a warning is printed).
public enum TiseanCommandLine {
    /// A command line the reference refuses, with its message and exit status.
    public struct Failure: Error, Sendable, Equatable {
        /// The message, as the reference prints it.
        public var message: String
        /// The reference's exit status.
        public var status: Int32
    }

    /// The result of parsing: options and the warnings printed along the way.
    public struct Parsed: Sendable {
        /// The options.
        public var options: LyapROptions
        /// Warnings to print on stderr.
        public var warnings: [String]
    }

    /// Whether the command line asks for help: any token beginning with `-h`.
    public static func asksForHelp(_ arguments: [String]) -> Bool {
        arguments.contains { $0.hasPrefix("-h") }
    }

    /// Parses `arguments` (without the program name).
    public static func parse(_ arguments: [String]) throws(Failure) -> Parsed {
        var tokens = arguments
        var options = LyapROptions()
        var warnings: [String] = []
        for flag in ["l", "x", "c", "m", "d", "t", "r", "s", "V", "o"] {
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                guard token.hasPrefix("-" + flag) else {
                    index += 1
                    continue
                }
                let attached = String(token.dropFirst(2))
                tokens.remove(at: index)
                if flag == "o" {
                    if !attached.isEmpty {
                        options.outputName = attached
                    } else if index < tokens.count, !tokens[index].hasPrefix("-") {
                        options.outputName = tokens.remove(at: index)
                    } else {
                        options.outputName = nil
                        if index < tokens.count {
                            warnings.append("Option -o without a file name: using the default output name")
                        }
                    }
                    continue
                }
                let value: String
                if !attached.isEmpty {
                    value = attached
                } else if index < tokens.count {
                    value = tokens.remove(at: index)
                } else {
                    throw Failure(message: "The option -\(flag) needs some value. Exiting!", status: TiseanExitStatus.missingValue)
                }
                try assign(value, to: flag, in: &options)
            }
        }
        options.candidates = tokens
        return Parsed(options: options, warnings: warnings)
    }

    private static func assign(_ value: String, to flag: String, in options: inout LyapROptions) throws(Failure) {
        if flag == "r" {
            guard let radius = parseFloat(value) else {
                throw Failure(message: "Wrong type of parameter for flag -r. Has to be a float", status: TiseanExitStatus.notAFloat)
            }
            options.parameters.initialEpsilon = .dataUnits(radius)
            return
        }
        guard let number = parseUnsigned(value) else {
            throw Failure(message: "Wrong type of parameter for flag -\(flag). Has to be an unsigned integer", status: TiseanExitStatus.notAnUnsignedInteger)
        }
        switch flag {
        case "l": options.length = number
        case "x": options.skipLines = number
        case "c": options.column = number
        case "m": options.parameters.dimension = number
        case "d": options.parameters.delay = number
        case "t": options.parameters.theilerWindow = number
        case "s": options.parameters.steps = number
        default: options.verbosity = number
        }
    }

    /// An unsigned integer: all decimal digits, fitting in `Int`.
    public static func parseUnsigned(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }

    /// A float: the whole text is one C `%lf` number.
    public static func parseFloat(_ text: String) -> Double? { CFormat.parseWhole(text) }
}
