/// Python's `repr` of a float: the shortest text that reads back to the same
/// double, in positional form for decimal exponents −4 … 15 and scientific
/// (`1e-05`, `2.5e+16`) outside, `nan`, `inf`, `-inf`.
///
/// Mirrors the text of every file the authors' Python wrote (csv.writer,
/// pandas) and of the notebook port's statistics and p-values.
///
/// Swift's own `description` of a `Double` is the same shortest digit string
/// and the same layout wherever |x| < 2⁵³ (Swift switches to scientific
/// notation at 2⁵³, Python at 10¹⁶), which is nearly every number these files
/// hold: there it is used directly; elsewhere the digits are re-laid out.
public enum PythonFloatText {
    /// The `repr` of `value`.
    @inline(__always)
    public static func repr(_ value: Double) -> String {
        if abs(value) < 0x1p53 { return value.description }
        return general(value)
    }

    /// Appends the `repr` of `value` to `output`; below 2⁵³ Swift's shortest
    /// digits are copied as bytes, with no `String` made.
    @inline(__always)
    public static func append(_ value: Double, to output: inout [UInt8]) {
        guard abs(value) < 0x1p53 else {
            output += general(value).utf8
            return
        }
        var sink = ByteSink()
        swap(&sink.bytes, &output)
        value.write(to: &sink)
        swap(&sink.bytes, &output)
    }

    /// A text stream into bytes: Swift writes a `Double`'s digits through
    /// `_writeASCII` (its ASCII buffer), so no `String` is made.
    private struct ByteSink: TextOutputStream {
        var bytes: [UInt8] = []
        mutating func write(_ string: String) { bytes += string.utf8 }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    /// The `repr` of `value` (for `Float`, numpy's shortest float32 text), from Swift's shortest digits re-laid out.
    public static func general<Value: BinaryFloatingPoint & CustomStringConvertible>(_ value: Value) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let shortest = "\(value)"
        let negative = shortest.hasPrefix("-")
        let body = negative ? String(shortest.dropFirst()) : shortest
        var digits: [Character]
        var exponent: Int
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = body[..<e]
            exponent = Int(body[body.index(after: e)...]) ?? 0
            let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
            digits = Array(parts[0] + (parts.count > 1 ? parts[1] : ""))
            exponent += parts[0].count - 1
        } else {
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            let integer = String(parts[0])
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            digits = Array(integer + fraction)
            exponent = integer.count - 1
            while digits.first == "0", digits.count > 1 {
                digits.removeFirst()
                exponent -= 1
            }
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        var text: String
        if exponent < -4 || exponent >= 16 {
            text = String(digits[0])
            if digits.count > 1 { text += "." + String(digits[1...]) }
            text += (exponent < 0 ? "e-" : "e+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
        } else if exponent < 0 {
            text = "0." + String(repeating: "0", count: -exponent - 1) + String(digits)
        } else if digits.count > exponent + 1 {
            text = String(digits[0...exponent]) + "." + String(digits[(exponent + 1)...])
        } else {
            text = String(digits) + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        }
        return negative ? "-" + text : text
    }
}
