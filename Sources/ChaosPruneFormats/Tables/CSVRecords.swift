import ChaosPruneSystem

/// The fields of a standard CSV file (RFC 4180, as pandas reads it):
/// fields may be double-quoted (with commas and `""` inside), lines end with
/// `\n` or `\r\n`, a UTF-8 BOM is skipped, the last line may lack its newline.
///
/// Used for the authors' data files with a header or text columns (titanic,
/// iris); the numeric files go through `NumericCSVReader`.
public enum CSVRecords {
    /// The records of `path`; blank lines are skipped.
    ///
    /// - Throws: `InputError` for an unreadable file or an unterminated quote.
    public static func read(_ path: String) throws(InputError) -> [(line: Int, fields: [String])] {
        let bytes = try InputError.contents(of: path)
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() throws(InputError) {
            fields.append(try UTF8Text.decode(field, file: path, line: recordLine, column: fields.count + 1))
            field = []
        }
        func endRecord() throws(InputError) {
            try endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 10 { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","): try endField()
            case 13 where index < bytes.count && bytes[index] == 10: break
            case 10:
                try endRecord()
                line += 1
                recordLine = line
            default: field.append(byte)
            }
        }
        if quoted { throw InputError(file: path, line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { try endRecord() }
        return records
    }

    /// The number in `text` (correctly rounded), or a `InputError` naming the place.
    public static func number(_ text: String, file: String, line: Int, column: Int) throws(InputError) -> Double {
        let trimmed = text.filter { $0 != " " && $0 != "\t" }
        guard !trimmed.isEmpty else { throw InputError(file: file, line: line, column: column, message: "empty field; expected a number") }
        guard let value = DecimalSyntax.parse(trimmed), value.isFinite else {
            throw InputError(file: file, line: line, column: column, message: "expected a finite number, found '\(ArgumentText.printable(trimmed))'")
        }
        return value
    }
}
