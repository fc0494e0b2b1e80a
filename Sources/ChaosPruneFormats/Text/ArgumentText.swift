import ChaosPruneSystem

/// Text from a user's file or command line, made safe to show in a message:
/// control characters escaped, long text cut.
public enum ArgumentText {
    /// `text` with control characters escaped as `\u{…}` and cut to 60
    /// characters: a path keeps its last component whole (up to 255
    /// characters) and loses the middle (`/work/a-long…/file.csv`), other text
    /// its end (then `…`).
    public static func printable(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 60 else { return escaped(text) }
        if let slash = scalars.lastIndex(of: "/"), scalars.count - slash <= 256 {
            let head = scalars[..<max(0, min(slash, 60 - (scalars.count - slash)))]
            return escaped(String(String.UnicodeScalarView(head))) + "…" + escaped(String(String.UnicodeScalarView(scalars[slash...])))
        }
        return escaped(String(String.UnicodeScalarView(scalars.prefix(60)))) + "…"
    }

    /// `text` whole, with control characters (a newline, an escape, …) escaped
    /// as `\u{…}` and bytes that are not UTF-8 (`PathBytes`) as `\x{…}`: a
    /// message naming a file called `a\nb` stays one line and sends no terminal
    /// escape sequence, and one naming `out\xff.csv` says `out\x{ff}.csv`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if let byte = PathBytes.byte(of: scalar) {
                result += "\\x{\(String(byte, radix: 16))}"
            } else {
                result += isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 32 || scalar.value == 127 }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) || PathBytes.byte(of: scalar) != nil }

    /// Bytes from a file shown as ``printable(_:)`` shows text; bytes that are
    /// not UTF-8 are escaped as `\x{…}`.
    public static func printable(bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return printable(text) }
        var text = ""
        for byte in bytes.prefix(60) {
            text += byte < 128 ? String(UnicodeScalar(byte)) : "\\x{\(String(byte, radix: 16))}"
        }
        return printable(text) + (bytes.count > 60 ? "…" : "")
    }
}
