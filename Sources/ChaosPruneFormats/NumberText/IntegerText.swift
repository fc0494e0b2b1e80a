/// Decimal text of an integer, appended as bytes (no `String`): what Swift's
/// and Python's `str` of an int give.
public enum IntegerText {
    /// Appends the decimal digits of `value` (with `-` when negative) to `output`.
    @inline(__always)
    public static func append(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: buffer[(24 - count)...])
        }
    }
}
