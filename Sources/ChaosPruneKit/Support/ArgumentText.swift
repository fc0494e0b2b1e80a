/// Text from a user's file or command line, made safe to show in a message:
/// control characters escaped, long text cut.
public enum ArgumentText {
    /// `text` with control characters escaped as `\u{…}` and cut to 60 characters (then `…`).
    public static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(60) {
            result += scalar.value < 32 || scalar.value == 127 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return text.unicodeScalars.count > 60 ? result + "…" : result
    }
}
