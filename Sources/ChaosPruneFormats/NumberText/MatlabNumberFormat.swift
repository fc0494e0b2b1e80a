import ChaosPruneSystem

/// Number text as MATLAB `csvwrite` writes it: C `%.5g` (at most five
/// significant digits: `1.5556`, `-0.0012346`, `1.2346e-05`, `0`).
///
/// Mirrors `csvwrite`/`dlmwrite`'s default precision: C `%.5g`, the five
/// digits rounded on the exact binary value with ties to even, so values such
/// as 1.234565 (whose text depends on the exact binary value) print as MATLAB
/// prints them.
///
/// The fast path covers 1e-5 ≤ |v| < 1e5: the decimal exponent q is found by
/// exact comparisons with powers of ten, k = `roundedExactProduct(|v|, 10^(4−q))`
/// is the five-digit mantissa (10⁵ moves q up by one), and `%g`'s rules
/// place the point (`%f` style for −4 ≤ q < 5, else `%e`) and drop trailing zeros.
///
/// Edge cases: +0 prints as `0`; −0, other magnitudes, NaN and infinities go
/// through the C library's own `snprintf`.
public enum MatlabNumberFormat {
    /// Appends the `%.5g` text of `value` to `output`.
    @inline(__always)
    public static func append(_ value: Double, to output: inout [UInt8]) {
        if value == 0, value.sign == .plus {
            output.append(UInt8(ascii: "0"))
            return
        }
        let magnitude = abs(value)
        guard magnitude >= 1e-5, magnitude < 1e5 else {
            CFormat.append("%.5g", value, to: &output)
            return
        }
        var exponent = 4
        while exponent > -5, !isAtLeastPowerOfTen(magnitude, exponent) { exponent -= 1 }
        guard var mantissa = roundedExactProduct(magnitude, exactPowersOfTen[4 - exponent]).map(Int.init) else {
            CFormat.append("%.5g", value, to: &output)
            return
        }
        if mantissa == 100_000 {
            mantissa = 10_000
            exponent += 1
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        appendGeneral(mantissa: mantissa, exponent: exponent, to: &output)
    }

    /// Appends `%.5g`'s text of the five-digit `mantissa` (10⁴ ≤ mantissa < 10⁵)
    /// times 10^(exponent − 4).
    @inline(__always)
    private static func appendGeneral(mantissa: Int, exponent: Int, to output: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        var rest = mantissa
        withUnsafeMutableBytes(of: &digits) { bytes in
            for index in stride(from: 4, through: 0, by: -1) {
                bytes[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
            }
        }
        withUnsafeBytes(of: digits) { digits in
            var significant = 5
            while significant > 1, digits[significant - 1] == 48 { significant -= 1 }
            if exponent < -4 || exponent >= 5 {
                output.append(digits[0])
                if significant > 1 {
                    output.append(UInt8(ascii: "."))
                    for index in 1..<significant { output.append(digits[index]) }
                }
                output.append(UInt8(ascii: "e"))
                output.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                let power = abs(exponent)
                output.append(UInt8(truncatingIfNeeded: 48 + power / 10))
                output.append(UInt8(truncatingIfNeeded: 48 + power % 10))
            } else if exponent >= 0 {
                for index in 0...exponent { output.append(digits[index]) }
                if significant > exponent + 1 {
                    output.append(UInt8(ascii: "."))
                    for index in (exponent + 1)..<significant { output.append(digits[index]) }
                }
            } else {
                output.append(UInt8(ascii: "0"))
                output.append(UInt8(ascii: "."))
                for _ in 0..<(-exponent - 1) { output.append(UInt8(ascii: "0")) }
                for index in 0..<significant { output.append(digits[index]) }
            }
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
