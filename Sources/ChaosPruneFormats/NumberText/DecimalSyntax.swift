import ChaosPruneSystem

/// Which number texts the CSV readers and `chaosprune`'s options accept: what
/// MATLAB's `csvread`, pandas and Python's `float()` read — decimal numbers
/// with an optional exponent, and `inf`, `infinity` and `nan` in any case
/// (where a reader allows them at all).
///
/// The C library's `strtod` also reads hexadecimal floats (`0x1p3`) and
/// `nan(…)` payloads; none of the references does, so these are refused here.
/// (`lyap_r` keeps the C syntax: TISEAN reads its data and options with C's
/// conversions, hexadecimal included.)
public enum DecimalSyntax {
    /// Whether the bytes `[start, end)` that `strtod` consumed form a decimal
    /// number or an infinity/NaN spelled without a payload.
    public static func accepts(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        var cursor = start
        while cursor < end {
            switch cursor.pointee {
            case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "("): return false
            default: cursor += 1
            }
        }
        return true
    }

    /// The value of `text` when the whole of it is one accepted number, else nil.
    public static func parse(_ text: String) -> Double? {
        guard !text.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "(") }) else { return nil }
        return CFormat.parseWhole(text)
    }
}
