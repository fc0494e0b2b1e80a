/// The lines of a text file, split at the byte level: a UTF-8 BOM is skipped,
/// `\n` and `\r\n` end lines alike, a missing final newline changes nothing.
///
/// (Swift's `String` treats `"\r\n"` as one character, so splitting a
/// `String` on `"\n"` would leave CRLF files in one piece.)
public enum TextLines {
    /// The lines of `bytes` (read from `file`), without their endings; a final
    /// empty line after the last newline is dropped.
    ///
    /// - Throws: `InputError` at the first byte that is not UTF-8.
    public static func split(_ bytes: [UInt8], file: String) throws(InputError) -> [String] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        var lines: [String] = []
        for (number, line) in body.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            lines.append(try UTF8Text.decode(line.last == 13 ? line.dropLast() : line, file: file, line: number + 1))
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Whether `bytes` end their lines with `\r\n`.
    public static func usesCRLF(_ bytes: [UInt8]) -> Bool {
        guard let newline = bytes.firstIndex(of: 10) else { return false }
        return newline > 0 && bytes[newline - 1] == 13
    }
}
