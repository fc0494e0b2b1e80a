/// A float32 value as the double its shortest text reads to: the number a
/// CSV written from a float32 recording (numpy's and chaosprune's shortest
/// float32 digits) holds once read back as a double.
///
/// `Double(value)` is the float's exact value; the double of its shortest
/// text differs from it in the last bits (0.1f is 0.100000001490116…, its
/// text `0.1`). The window stage writes values with `%f` and gates them by
/// their range, so a recording must give the same doubles in either format
/// for the same window_LE bytes: this is the one conversion both use.
///
/// For magnitudes from 2⁻³⁷ to 2²⁴ (every weight a network records), the
/// shortest decimal is found with integers, without text: the float's
/// rounding interval scaled by 10^k to integers (its ends included when the
/// significand is even, as round-half-even reads them back), the largest
/// power of ten with a multiple inside, the multiple nearest the float, then
/// that decimal's correctly rounded double in one exact operation. Elsewhere
/// (binade starts, where the interval is lopsided; a tie between two
/// multiples; other magnitudes) it writes Swift's shortest digits and reads them.
///
/// Edge cases: ±0 and non-finite values are returned as `Double(value)`.
///
/// Postconditions: the same double as reading Swift's (and numpy's) shortest
/// text with `strtod`, bit for bit: checked on every float of magnitude 2⁻³⁹
/// to 2²⁶ (1.09 billion values, both signs) and 20 million random bit
/// patterns by `chaosprune-bench float32-check`.
public enum Float32Text {
    /// The double that `value`'s shortest decimal text reads to.
    @inline(__always)
    public static func shortestDouble(_ value: Float) -> Double {
        guard value.isFinite, value != 0 else { return Double(value) }
        if let magnitude = nearestShortest(value.magnitude) { return value.sign == .minus ? -magnitude : magnitude }
        return byText(value)
    }

    /// The double of the shortest decimal, from its text: Swift's digits read by `strtod`.
    public static func byText(_ value: Float) -> Double {
        guard value.isFinite, value != 0 else { return Double(value) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DigitSink.capacity + 1) { buffer in
            var sink = DigitSink(base: buffer.baseAddress!)
            value.write(to: &sink)
            let start = UnsafePointer(buffer.baseAddress!)
            buffer[sink.count] = 0
            return FastDecimal.strtod(start, start + sink.count).value
        }
    }

    /// The shortest decimal's double for a positive `x` in [2⁻³⁷, 2²⁴) not at
    /// a binade's start, or nil (then the text decides).
    @inline(__always)
    static func nearestShortest(_ x: Float) -> Double? {
        let bits = x.bitPattern
        let biased = Int(bits >> 23)
        let fraction = UInt64(bits & 0x7F_FFFF)
        guard fraction != 0, (90...150).contains(biased) else { return nil }
        let significand = fraction | 0x80_0000
        let exponent = biased - 150                           // x = significand · 2^exponent, −60 … 0
        let shift = 1 - exponent                              // the interval's ends are odd multiples of 2^(exponent − 1)
        let k = 12 - ((exponent + 23) * 78_913) >> 18          // x · 10^k ∈ [10¹², 2·10¹³)
        let scale = k <= 19 ? UInt128(powerOfTen(k)) : UInt128(powerOfTen(k - 19)) * UInt128(powerOfTen(19))
        let twice = UInt128(2 * significand)
        let low = (twice - 1) * scale, centre = twice * scale, high = (twice + 1) * scale
        let mask = (UInt128(1) << shift) - 1
        let even = significand & 1 == 0
        var lowest = UInt64(truncatingIfNeeded: low >> shift)
        if low & mask != 0 || !even { lowest += 1 }
        var highest = UInt64(truncatingIfNeeded: high >> shift)
        if high & mask == 0, !even { highest -= 1 }
        var t = 0
        while t < 19, highest - lowest + 1 >= powerOfTen(t + 1) { t += 1 }
        while t < 19, quotient(highest, t + 1) * powerOfTen(t + 1) >= lowest { t += 1 }
        let power = powerOfTen(t)
        let whole = UInt64(truncatingIfNeeded: centre >> shift)
        let below = quotient(whole, t)
        let distance = 2 * ((UInt128(whole - below * power) << shift) + (centre & mask))
        let unit = UInt128(power) << shift
        guard distance != unit else { return nil }
        var multiple = distance < unit ? below : below + 1
        if multiple * power < lowest { multiple += 1 }
        if multiple * power > highest { multiple -= 1 }
        let decimalExponent = t - k
        if decimalExponent >= 0 {
            guard decimalExponent <= 22 else { return nil }
            return Double(multiple) * Double(powerOfTen(decimalExponent))
        }
        guard decimalExponent >= -22 else { return nil }
        return Double(multiple) / (-decimalExponent <= 19 ? Double(powerOfTen(-decimalExponent)) : Double(powerOfTen(19)) * Double(powerOfTen(-decimalExponent - 19)))
    }

    /// 10^`power` for 0 … 19.
    @inline(__always)
    private static func powerOfTen(_ power: Int) -> UInt64 {
        switch power {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        default: 10_000_000_000_000_000_000
        }
    }

    /// `x` / 10^`power` for 0 … 19, each a division by a constant (a multiplication and a shift).
    @inline(__always)
    private static func quotient(_ x: UInt64, _ power: Int) -> UInt64 {
        switch power {
        case 0: x
        case 1: x / 10
        case 2: x / 100
        case 3: x / 1_000
        case 4: x / 10_000
        case 5: x / 100_000
        case 6: x / 1_000_000
        case 7: x / 10_000_000
        case 8: x / 100_000_000
        case 9: x / 1_000_000_000
        case 10: x / 10_000_000_000
        case 11: x / 100_000_000_000
        case 12: x / 1_000_000_000_000
        case 13: x / 10_000_000_000_000
        case 14: x / 100_000_000_000_000
        case 15: x / 1_000_000_000_000_000
        case 16: x / 10_000_000_000_000_000
        case 17: x / 100_000_000_000_000_000
        case 18: x / 1_000_000_000_000_000_000
        default: x / 10_000_000_000_000_000_000
        }
    }

    /// Swift's shortest digits of a float, written as ASCII into a fixed buffer (no `String` made).
    private struct DigitSink: TextOutputStream {
        /// More than the longest float32 text (`-1.1754942e-38`).
        static let capacity = 32
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func write(_ string: String) {
            for byte in string.utf8 { append(byte) }
        }

        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
            for byte in buffer { append(byte) }
        }

        private mutating func append(_ byte: UInt8) {
            guard count < Self.capacity else { return }
            base[count] = byte
            count += 1
        }
    }
}
