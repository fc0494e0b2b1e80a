import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// How one option is spelled and described: its long and short names, the
/// placeholder of its value (none for a flag), its help and its default as
/// shown in the help. Declared once; the parser and the help both read it.
public struct OptionSpec: Sendable, Equatable {
    /// Long name without dashes (`window`).
    public var long: String
    /// One-letter alias (`w` for `-w`).
    public var short: Character?
    /// The value's placeholder (`N`), nil for a flag.
    public var valueName: String?
    /// One-line help.
    public var help: String
    /// The default as the help shows it, if any.
    public var defaultText: String?

    /// Whether the option takes a value.
    public var takesValue: Bool { valueName != nil }

    /// The same option with the help a command that uses it differently shows.
    func described(_ help: String) -> OptionSpec {
        var copy = self
        copy.help = help
        return copy
    }

    /// The left column of the help: `-w, --window <N>`.
    var label: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(long)"
        if let valueName { text += " <\(valueName)>" }
        return text
    }
}

/// A boolean flag.
public struct Flag: Sendable {
    /// Its spelling and help.
    public let spec: OptionSpec

    /// Declares `--long` (and `-short`).
    public init(_ long: String, short: Character? = nil, help: String) {
        spec = OptionSpec(long: long, short: short, valueName: nil, help: help, defaultText: nil)
    }
}

/// An option taking a value of type `Value`: its spelling, its default, and
/// how its text becomes a value (with the range it must lie in).
public struct Option<Value: Sendable>: Sendable {
    /// Its spelling and help.
    public let spec: OptionSpec
    let fallback: Value?
    let expectation: String
    let convert: @Sendable (String) -> Value?

    /// Declares an option whose text `convert` turns into a value, nil when the
    /// text is not one; `expectation` says what was expected ("a whole number ≥ 2").
    public init(_ long: String, short: Character? = nil, valueName: String, default fallback: Value?, defaultText: String? = nil,
                expecting expectation: String, help: String, convert: @escaping @Sendable (String) -> Value?) {
        spec = OptionSpec(long: long, short: short, valueName: valueName, help: help,
                          defaultText: defaultText ?? fallback.map { "\($0)" })
        self.fallback = fallback
        self.expectation = expectation
        self.convert = convert
    }

    private init(spec: OptionSpec, fallback: Value?, expectation: String, convert: @escaping @Sendable (String) -> Value?) {
        self.spec = spec
        self.fallback = fallback
        self.expectation = expectation
        self.convert = convert
    }

    /// The same option with the help a command that uses it differently shows.
    public func described(_ help: String) -> Option<Value> {
        Option(spec: spec.described(help), fallback: fallback, expectation: expectation, convert: convert)
    }
}

extension Option where Value == Int {
    /// A whole number in `range`.
    public static func integer(_ long: String, short: Character? = nil, valueName: String = "N", default fallback: Int?,
                               in range: ClosedRange<Int>, defaultText: String? = nil, help: String) -> Option<Int> {
        let expectation = range.upperBound == Int.max ? "a whole number ≥ \(range.lowerBound)"
            : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        return Option(long, short: short, valueName: valueName, default: fallback, defaultText: defaultText,
                      expecting: expectation, help: help) { text in
            guard let value = Int(text), range.contains(value) else { return nil }
            return value
        }
    }
}

extension Option where Value == Double {
    /// A finite decimal number (`DecimalSyntax`) for which `accept` holds; `expectation` says which.
    public static func real(_ long: String, short: Character? = nil, valueName: String = "X", default fallback: Double?,
                            expecting expectation: String, defaultText: String? = nil, help: String,
                            accept: @escaping @Sendable (Double) -> Bool = { _ in true }) -> Option<Double> {
        Option(long, short: short, valueName: valueName, default: fallback,
               defaultText: defaultText ?? fallback.map { PythonFloatText.repr($0) },
               expecting: expectation, help: help) { text in
            guard let value = DecimalSyntax.parse(text), value.isFinite, accept(value) else { return nil }
            return value
        }
    }
}

extension Option where Value == String {
    /// Any text.
    public static func text(_ long: String, short: Character? = nil, valueName: String, default fallback: String? = nil,
                            help: String) -> Option<String> {
        Option(long, short: short, valueName: valueName, default: fallback, expecting: "a value", help: help) { $0 }
    }
}

extension Option where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// One of `Value`'s cases, by raw value.
    public static func choice(_ long: String, short: Character? = nil, valueName: String = "NAME", default fallback: Value?,
                              defaultText: String? = nil, help: String) -> Option<Value> {
        let names = Value.allCases.map(\.rawValue)
        return Option(long, short: short, valueName: valueName, default: fallback, defaultText: defaultText ?? fallback?.rawValue,
                      expecting: names.count == 2 ? "\(names[0]) or \(names[1])" : "one of \(names.joined(separator: ", "))",
                      help: help) { Value(rawValue: $0) }
    }
}
