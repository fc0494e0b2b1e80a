/// Text fields and lines from a file, decoded as UTF-8 — or refused, as
/// pandas' `read_csv` refuses bytes that are not UTF-8 — never with bytes
/// replaced: two files that differ in one byte never read as the same text,
/// and what a message quotes is what the file holds.
public enum UTF8Text {
    /// `bytes` as text, or an error at `line` naming the first byte that is not
    /// UTF-8 and its column: `column` when given (one field), else the field
    /// the byte falls in (commas counted before it).
    public static func decode(_ bytes: some Collection<UInt8>, file: String, line: Int, column: Int? = nil) throws(InputError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        let bad = bytes.dropFirst(offset).first ?? 0
        let field = column ?? 1 + bytes.prefix(offset).count { $0 == UInt8(ascii: ",") }
        throw InputError(file: file, line: line, column: field,
                       message: "byte 0x\(String(bad, radix: 16, uppercase: true)) is not UTF-8 text; expected a UTF-8 (or ASCII) file")
    }
}
