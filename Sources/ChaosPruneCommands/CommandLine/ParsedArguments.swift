import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// A command line sorted into option values, flags and positional arguments,
/// with typed access that turns a bad value into a usage error naming the option.
public struct ParsedArguments: Sendable {
    /// Option values by long name (the last occurrence wins).
    var values: [String: String] = [:]
    /// Flags given, by long name.
    var flags: Set<String> = []
    /// Positional arguments, in order.
    public internal(set) var positionals: [String] = []

    /// Whether `flag` was given.
    public func isSet(_ flag: Flag) -> Bool { flags.contains(flag.spec.long) }

    /// Whether `option` was given on the command line.
    public func isGiven<Value>(_ option: Option<Value>) -> Bool { values[option.spec.long] != nil }

    /// The value of `option`, or its default.
    public func value<Value>(_ option: Option<Value>) throws(CommandError) -> Value {
        if let value = try optional(option) { return value }
        throw .usage("--\(option.spec.long) <\(option.spec.valueName ?? "")> is required")
    }

    /// The value of `option`, its default, or nil.
    public func optional<Value>(_ option: Option<Value>) throws(CommandError) -> Value? {
        guard let text = values[option.spec.long] else { return option.fallback }
        guard let value = option.convert(text) else {
            throw .usage("--\(option.spec.long) expects \(option.expectation), not '\(ArgumentText.printable(text))'")
        }
        return value
    }
}
