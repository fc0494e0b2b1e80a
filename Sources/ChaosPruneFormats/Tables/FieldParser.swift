import ChaosPruneSystem

/// Parses the comma-separated numeric fields of one line, exactly as `strtod`
/// converts each (correctly rounded decimal → double, as Python's `float()` and
/// MATLAB's `csvread` read them): ``FastDecimal`` for decimal numbers of up to
/// 19 significant digits, `strtod` for the rest; hexadecimal floats are refused
/// (``DecimalSyntax``).
///
/// Each field may have blanks (space, tab) around the number; an empty field,
/// text that is not a number, or text after the number is an error naming the
/// column.
enum FieldParser {
    /// Why a line could not be parsed.
    enum Failure: Error {
        case emptyField(column: Int)
        case notANumber(column: Int, text: String)
        case nonFinite(column: Int, text: String)
        case fieldCount(found: Int)
    }

    /// Parses the line `[start, end)` (the byte at `end` must not be a digit,
    /// and the buffer must hold a NUL somewhere after it), storing fields whose
    /// 0-based index is in `selected` through `store`; checks the field count is `expected`.
    @inline(__always)
    static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, expected: Int, selected: Range<Int>,
                      allowNonFinite: Bool, store: (Int, Double) -> Void) throws(Failure) {
        var cursor = start
        var field = 0
        while true {
            while cursor < end, cursor.pointee == 32 || cursor.pointee == 9 { cursor += 1 }
            if cursor == end || cursor.pointee == 44 { throw .emptyField(column: field + 1) }
            if field >= expected { throw .fieldCount(found: countFields(start, end)) }
            if selected.contains(field) {
                let value: Double
                let stop: UnsafePointer<UInt8>
                if let fast = FastDecimal.parse(cursor, end) {
                    (value, stop) = fast
                } else {
                    (value, stop) = UnsafeRawPointer(cursor).withMemoryRebound(to: CChar.self, capacity: 1) {
                        let (value, after) = Platform.parseDouble($0)
                        return (value, UnsafeRawPointer(after).assumingMemoryBound(to: UInt8.self))
                    }
                    // FastDecimal reads decimal syntax only; what strtod read is checked.
                    guard stop != cursor, stop <= end, !isSpace(cursor.pointee), DecimalSyntax.accepts(cursor, stop) else {
                        throw .notANumber(column: field + 1, text: fieldText(cursor, end))
                    }
                }
                if !allowNonFinite, !value.isFinite { throw .nonFinite(column: field + 1, text: fieldText(cursor, end)) }
                cursor = stop
                store(field, value)
            } else {
                while cursor < end, cursor.pointee != 44 { cursor += 1 }
            }
            while cursor < end, cursor.pointee == 32 || cursor.pointee == 9 { cursor += 1 }
            field += 1
            if cursor == end { break }
            guard cursor.pointee == 44 else { throw .notANumber(column: field, text: fieldText(fieldStart(start, cursor), end)) }
            cursor += 1
        }
        if field != expected { throw .fieldCount(found: field) }
    }

    /// The number of comma-separated fields in `[start, end)`.
    static func countFields(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int {
        var count = 1
        var cursor = start
        while cursor < end {
            if cursor.pointee == 44 { count += 1 }
            cursor += 1
        }
        return count
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }

    private static func fieldStart(_ lineStart: UnsafePointer<UInt8>, _ cursor: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var start = cursor
        while start > lineStart, (start - 1).pointee != 44 { start -= 1 }
        return start
    }

    private static func fieldText(_ cursor: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> String {
        var stop = cursor
        while stop < end, stop.pointee != 44, stop - cursor < 61 { stop += 1 }
        return ArgumentText.printable(bytes: UnsafeBufferPointer(start: cursor, count: stop - cursor))
    }
}
