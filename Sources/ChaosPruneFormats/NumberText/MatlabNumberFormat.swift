import ChaosPruneSystem

/// Number text as MATLAB `csvwrite` writes it: C `%.5g` (at most five
/// significant digits: `1.5556`, `-0.0012346`, `1.2346e-05`, `0`).
///
/// Mirrors `csvwrite`/`dlmwrite`'s default precision through the C library's
/// own correctly rounded `%.5g`, so values such as 1.234565 (whose text
/// depends on the exact binary value) print as MATLAB prints them.
public enum MatlabNumberFormat {
    /// Appends the `%.5g` text of `value` to `output`.
    @inline(__always)
    public static func append(_ value: Double, to output: inout [UInt8]) {
        if value == 0, value.sign == .plus {
            output.append(UInt8(ascii: "0"))
        } else {
            CFormat.append("%.5g", value, to: &output)
        }
    }

    /// Appends one CSV row: the values' text separated by commas, then `lineEnding`.
    public static func appendRow(_ values: some Sequence<Double>, lineEnding: [UInt8], to output: inout [UInt8]) {
        var first = true
        for value in values {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            append(value, to: &output)
        }
        output.append(contentsOf: lineEnding)
    }
}
