import ChaosPruneFormats
import ChaosPruneSystem
import LyapunovKit

/// Parses TISEAN 3.0.0 `lyap_r`'s command line.
///
/// Mirrors the reference's scanner: options are looked for in the fixed order
/// `-l -x -c -m -d -t -r -s -V -o`; a value is attached (`-m2`) or the next
/// token (`-m 2`); the last occurrence with a value wins, and every value is
/// checked. Every token an option takes (its own, and its value) is marked
/// used *in place*: an occurrence whose next token was already used by an
/// option scanned earlier has no value and is passed over, so the option
/// needs a value from another occurrence (`-d -m2 3` exits 17; `-o -m2 x.dat`
/// takes no name, so the output is `x.dat.ros`); an occurrence that is the
/// last token exits 17 (`-o` there falls back to the default name).
/// The unused tokens are the candidate data files. `-o` takes an optional
/// name: a following token that starts with `-` is not taken (with TISEAN's
/// warning).
///
/// Numbers are read as C's `strtoul` reads them (saturating at 2⁶⁴ − 1); `-l`
/// and `-x` keep the 64-bit value, the other options the low 32 bits, as the
/// reference stores them (`-m4294967297` is `-m1`).
public enum TiseanCommandLine {
    /// A command line the reference refuses, with its message and exit status.
    public struct Failure: Error, Sendable, Equatable {
        /// The message, as the reference prints it.
        public var message: String
        /// The reference's exit status.
        public var status: ExitStatus

        /// A failure with its message and exit status.
        package init(message: String, status: ExitStatus) {
            self.message = message
            self.status = status
        }
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

    /// Parses `arguments` (without the program name) as the build of
    /// `arithmetic` reads them: unsigned values are `unsigned long`, 64 bits
    /// wide in the x86-64 build and 32 bits in the original 32-bit build, where
    /// `strtoul` saturates anything larger at 2³² − 1 (``unsignedLong(_:arithmetic:)``).
    public static func parse(_ arguments: [String], arithmetic: ArithmeticMode = .ieee64) throws(Failure) -> Parsed {
        var tokens: [String?] = arguments
        var options = LyapROptions()
        var warnings: [String] = []
        for flag in ["l", "x", "c", "m", "d", "t", "r", "s", "V", "o"] {
            var appeared = false
            var valued = false
            for index in tokens.indices {
                guard let token = tokens[index], token.hasPrefix("-" + flag) else { continue }
                tokens[index] = nil
                appeared = true
                let attached = String(token.dropFirst(2))
                let isLast = index + 1 == tokens.count
                let next = isLast ? nil : tokens[index + 1]
                if flag == "o" {
                    if !attached.isEmpty {
                        options.outputName = attached
                    } else if let next, !next.hasPrefix("-") {
                        options.outputName = next
                        tokens[index + 1] = nil
                    } else if next != nil {
                        options.outputName = nil
                        warnings.append("If you want to give the -o flag a parameter starting with a - don't put a space. Ignoring it.")
                    } else if isLast {
                        options.outputName = nil
                    }
                    continue
                }
                let value: String
                if !attached.isEmpty {
                    value = attached
                } else if let next {
                    value = next
                    tokens[index + 1] = nil
                } else if isLast {
                    throw Failure(message: "The option -\(flag) needs some value. Exiting!", status: ExitStatus.missingValue)
                } else {
                    continue
                }
                valued = true
                try assign(value, to: flag, in: &options, arithmetic: arithmetic)
            }
            if appeared, !valued, flag != "o" {
                throw Failure(message: "The option -\(flag) needs some value. Exiting!", status: ExitStatus.missingValue)
            }
        }
        options.candidates = tokens.compactMap { $0 }
        return Parsed(options: options, warnings: warnings)
    }

    private static func assign(_ value: String, to flag: String, in options: inout LyapROptions,
                               arithmetic: ArithmeticMode) throws(Failure) {
        if flag == "r" {
            guard let radius = parseFloat(value) else {
                throw Failure(message: "Wrong type of parameter for flag -r. Has to be a float", status: ExitStatus.notAFloat)
            }
            options.parameters.initialEpsilon = .dataUnits(radius)
            return
        }
        guard let wide = parseUnsigned(value).map({ unsignedLong($0, arithmetic: arithmetic) }) else {
            throw Failure(message: "Wrong type of parameter for flag -\(flag). Has to be an unsigned integer", status: ExitStatus.notAnUnsignedInteger)
        }
        let number = Int(UInt32(truncatingIfNeeded: wide))
        switch flag {
        case "l": options.length = Int(clamping: wide)
        case "x": options.skipLines = Int(clamping: wide)
        case "c": options.column = number
        case "m": options.parameters.dimension = number
        case "d": options.parameters.delay = number
        case "t": options.parameters.theilerWindow = number
        case "s": options.parameters.steps = number
        default: options.verbosity = number
        }
    }

    /// An unsigned integer: all decimal digits, read as `strtoul` reads them
    /// (a value above 2⁶⁴ − 1 saturates there).
    public static func parseUnsigned(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt64(text) ?? .max
    }

    /// `value` as the build's `strtoul` returns it: unchanged in the x86-64
    /// build; saturated at 2³² − 1 in the 32-bit build (`x87`), so `-m4294967297`
    /// is 4294967295 there, while the x86-64 build keeps it and the unsigned
    /// int it lands in wraps it to 1.
    public static func unsignedLong(_ value: UInt64, arithmetic: ArithmeticMode) -> UInt64 {
        arithmetic == .x87 ? min(value, UInt64(UInt32.max)) : value
    }

    /// A float: the whole text is one C `%lf` number.
    public static func parseFloat(_ text: String) -> Double? { CFormat.parseWhole(text) }
}
