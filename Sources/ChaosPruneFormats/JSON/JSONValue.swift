import ChaosPruneSystem

/// A JSON document in memory, and a strict reader for it: enough for the
/// small metadata files chaosprune writes and reads (window_LE sidecars,
/// run summaries) without Foundation.
///
/// Numbers are read with the C library's correctly rounded conversion;
/// doubles are written as Python `repr` (`0.0`, `0.91`) and integers as
/// integers, so a double survives a round trip bit for bit.
///
/// Edge cases: the reader refuses trailing text, unterminated strings,
/// control characters in strings and nesting deeper than 64; `\u` escapes
/// outside the Basic Multilingual Plane must come as surrogate pairs.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, written as Python `repr`.
    case number(Double)
    /// A whole number, written without a point.
    case integer(Int)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in the order written.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.integer(x), .integer(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The member `key` of an object, nil otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The number, if this is one.
    public var number: Double? {
        switch self {
        case let .number(value): return value
        case let .integer(value): return Double(value)
        default: return nil
        }
    }
    /// The number as a whole number, if it is one that fits.
    public var integer: Int? {
        if case let .integer(value) = self { return value }
        guard let value = number, value.rounded() == value, abs(value) < 0x1p62 else { return nil }
        return Int(value)
    }
    /// The string, if this is one.
    public var string: String? { if case let .string(value) = self { value } else { nil } }
    /// The Boolean, if this is one.
    public var bool: Bool? { if case let .bool(value) = self { value } else { nil } }

    /// The text: objects one member per line, two-space indent, numbers as repr.
    public func text(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .number(value): return PythonFloatText.repr(value)
        case let .integer(value): return String(value)
        case let .string(value): return Self.quoted(value)
        case let .array(values): return "[" + values.map { $0.text(indent: indent) }.joined(separator: ", ") + "]"
        case let .object(members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.map { "\(pad)  \(Self.quoted($0.0)): \($0.1.text(indent: indent + 2))" }.joined(separator: ",\n") + "\n\(pad)}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The JSON document in the file `path`.
    ///
    /// - Throws: `InputError` naming the file when it cannot be read or is not one JSON document.
    public static func read(_ path: String) throws(InputError) -> JSONValue {
        try parse(try InputError.contents(of: path), file: path)
    }

    /// Parses `bytes`, the contents of `file`, as one JSON document; the error says what was expected at which byte.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, file: file)
        let value = try reader.value(depth: 0)
        reader.skipBlanks()
        guard reader.offset == bytes.count else { throw reader.failure("the end of the document") }
        return value
    }
}

/// The byte-level JSON reader behind `JSONValue.parse`.
private struct JSONReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    func failure(_ expected: String) -> InputError {
        InputError(file: file, message: "invalid JSON at byte \(offset): expected \(expected)")
    }

    mutating func skipBlanks() {
        while offset < bytes.count, [32, 9, 10, 13].contains(bytes[offset]) { offset += 1 }
    }

    mutating func value(depth: Int) throws(InputError) -> JSONValue {
        guard depth < 64 else { throw failure("nesting no deeper than 64") }
        skipBlanks()
        guard offset < bytes.count else { throw failure("a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [(String, JSONValue)] = []
            skipBlanks()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipBlanks()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure("a member name in quotes") }
                let key = try string()
                skipBlanks()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw failure("':'") }
                offset += 1
                members.append((key, try value(depth: depth + 1)))
                skipBlanks()
                guard offset < bytes.count else { throw failure("',' or '}'") }
                if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
                guard bytes[offset] == UInt8(ascii: ",") else { throw failure("',' or '}'") }
                offset += 1
            }
        case UInt8(ascii: "["):
            offset += 1
            var values: [JSONValue] = []
            skipBlanks()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(values) }
            while true {
                values.append(try value(depth: depth + 1))
                skipBlanks()
                guard offset < bytes.count else { throw failure("',' or ']'") }
                if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(values) }
                guard bytes[offset] == UInt8(ascii: ",") else { throw failure("',' or ']'") }
                offset += 1
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            let start = offset
            let value = try number()
            let text = bytes[start..<offset]
            if !text.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
               let whole = Int(String(decoding: text, as: UTF8.self)) {
                return .integer(whole)
            }
            return .number(value)
        }
    }

    mutating func literal(_ word: String) throws(InputError) {
        let expected = Array(word.utf8)
        guard offset + expected.count <= bytes.count, Array(bytes[offset..<(offset + expected.count)]) == expected else {
            throw failure("'\(word)'")
        }
        offset += expected.count
    }

    mutating func number() throws(InputError) -> Double {
        let start = offset
        let allowed: Set<UInt8> = Set("+-0123456789.eE".utf8)
        while offset < bytes.count, allowed.contains(bytes[offset]) { offset += 1 }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard !text.isEmpty, let value = CFormat.parseWhole(text), value.isFinite else {
            offset = start
            throw failure("a value")
        }
        return value
    }

    mutating func string() throws(InputError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending.removeAll()
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard offset < bytes.count else { throw failure("an escape") }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                            throw failure("a low surrogate")
                        }
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("a low surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("a valid \\u escape") }
                    scalars.append(scalar)
                default:
                    offset -= 1
                    throw failure("a valid escape")
                }
            default:
                guard byte >= 0x20 else {
                    offset -= 1
                    throw failure("no control character inside a string")
                }
                pending.append(byte)
            }
        }
        throw failure("the closing '\"'")
    }

    mutating func hex4() throws(InputError) -> UInt32 {
        guard offset + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self), radix: 16) else {
            throw failure("four hexadecimal digits")
        }
        offset += 4
        return code
    }
}
