import ChaosPruneSystem

/// Decimal text → the correctly rounded double, without the C library for the
/// common case: Clinger's fast path, then the Eisel–Lemire algorithm (Lemire,
/// "Number Parsing at a Gigabyte per Second", 2021; proven to need no fallback
/// for up to 19 significant digits by Mushtak and Lemire, 2023).
///
/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the
/// exponent; an `e` not followed by digits is not consumed), as `strtod` reads
/// a decimal number. Returns nil — the caller then asks `strtod` — for text
/// that is not such a number (`inf`, `nan`, hexadecimal, no digits) and for
/// more than 19 significant digits.
///
/// Postconditions: the value is the one glibc's `strtod` gives for the same
/// text, bit for bit, signed zero, subnormals and overflow to ±inf included
/// (checked on tens of millions of random and halfway strings by
/// `chaosprune-bench parse-check`).
public enum FastDecimal {
    /// The value of the number at `start` (before `end`) and where it ends, or nil.
    @inline(__always)
    public static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (value: Double, end: UnsafePointer<UInt8>)? {
        var cursor = start
        var negative = false
        if cursor < end, cursor.pointee == UInt8(ascii: "-") || cursor.pointee == UInt8(ascii: "+") {
            negative = cursor.pointee == UInt8(ascii: "-")
            cursor += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while cursor < end, cursor.pointee &- 48 < 10 {
            let digit = UInt64(cursor.pointee &- 48)
            sawDigit = true
            if digits > 0 || digit != 0 {
                guard digits < 19 else { return nil }
                mantissa = mantissa &* 10 &+ digit
                digits += 1
            }
            cursor += 1
        }
        if cursor < end, cursor.pointee == UInt8(ascii: ".") {
            cursor += 1
            let fractionStart = cursor
            if digits == 0 {
                while cursor < end, cursor.pointee == UInt8(ascii: "0") { cursor += 1 }
                sawDigit = sawDigit || cursor > fractionStart
            }
            while digits <= 11, end - cursor >= 8, let eight = eightDigits(cursor) {
                mantissa = mantissa &* 100_000_000 &+ eight
                digits += 8
                sawDigit = true
                cursor += 8
            }
            exponent -= cursor - fractionStart
            while cursor < end, cursor.pointee &- 48 < 10 {
                let digit = UInt64(cursor.pointee &- 48)
                sawDigit = true
                exponent -= 1
                if digits > 0 || digit != 0 {
                    guard digits < 19 else { return nil }
                    mantissa = mantissa &* 10 &+ digit
                    digits += 1
                }
                cursor += 1
            }
        }
        guard sawDigit else { return nil }
        if cursor < end, cursor.pointee | 0x20 == UInt8(ascii: "e") {
            var look = cursor + 1
            var negativeExponent = false
            if look < end, look.pointee == UInt8(ascii: "-") || look.pointee == UInt8(ascii: "+") {
                negativeExponent = look.pointee == UInt8(ascii: "-")
                look += 1
            }
            if look < end, look.pointee &- 48 < 10 {
                var value = 0
                while look < end, look.pointee &- 48 < 10 {
                    if value < 1_000_000 { value = value * 10 + Int(look.pointee &- 48) }
                    look += 1
                }
                exponent += negativeExponent ? -value : value
                cursor = look
            }
        }
        let magnitude = value(mantissa, exponent)
        return (negative ? -magnitude : magnitude, cursor)
    }

    /// What C `strtod` reads at `start`, in NUL-terminated text whose NUL is at
    /// `end`: leading C white space skipped, then this parser where it applies,
    /// the C library for the rest (hexadecimal, `inf`, `nan`, more than 19
    /// significant digits). The end equals `start` when there is no number.
    public static func strtod(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (value: Double, end: UnsafePointer<UInt8>) {
        var cursor = start
        while cursor < end, cursor.pointee == 32 || cursor.pointee &- 9 < 5 { cursor += 1 }
        var body = cursor
        if body < end, body.pointee == UInt8(ascii: "-") || body.pointee == UInt8(ascii: "+") { body += 1 }
        let hexadecimal = end - body >= 2 && body.pointee == UInt8(ascii: "0") && body[1] | 0x20 == UInt8(ascii: "x")
        if !hexadecimal, let parsed = parse(cursor, end) { return parsed }
        return UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: end - start + 1) { text in
            let (value, stop) = Platform.parseDouble(text)
            return (value, start + (stop - text))
        }
    }

    /// The value of the eight digits at `start`, or nil when the eight bytes are
    /// not all ASCII digits (SWAR, as fast_float's `parse_eight_digits_unrolled`).
    @inline(__always)
    private static func eightDigits(_ start: UnsafePointer<UInt8>) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
        guard (word & 0xF0F0_F0F0_F0F0_F0F0) | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4) == 0x3333_3333_3333_3333 else {
            return nil
        }
        var value = word &- 0x3030_3030_3030_3030
        value = value &* 10 &+ value >> 8
        let pairs = value & 0x0000_00FF_0000_00FF, quads = value >> 16 & 0x0000_00FF_0000_00FF
        return (pairs &* (100 &+ 1_000_000 << 32) &+ quads &* (1 &+ 10_000 << 32)) >> 32
    }

    private static let exactPowers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                                1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// w · 10^q, correctly rounded (w has at most 19 digits).
    @inline(__always)
    private static func value(_ w: UInt64, _ q: Int) -> Double {
        if w == 0 { return 0 }
        if q >= -22, q <= 22, w <= 1 << 53 {
            let exact = Double(w)
            return q >= 0 ? exact * exactPowers[q] : exact / exactPowers[-q]
        }
        if q < PowersOfFive.smallestExponent { return 0 }
        if q > PowersOfFive.largestExponent { return .infinity }
        let shift = w.leadingZeroBitCount
        let normalised = w << shift
        let index = (q - PowersOfFive.smallestExponent) * 2
        var (high, low) = normalised.multipliedFullWidth(by: PowersOfFive.words[index])
        if high & 0x1FF == 0x1FF {
            let second = normalised.multipliedFullWidth(by: PowersOfFive.words[index + 1]).high
            low = low &+ second
            if second > low { high &+= 1 }
        }
        let upperBit = Int(high >> 63)
        var bits = high >> (upperBit + 9)
        var power = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - shift + 1023
        if power <= 0 {
            guard -power + 1 < 64 else { return 0 }
            bits >>= UInt64(-power + 1)
            bits += bits & 1
            bits >>= 1
            power = bits < 1 << 52 ? 0 : 1
            return Double(bitPattern: bits | UInt64(power) << 52)
        }
        if low <= 1, q >= -4, q <= 23, bits & 3 == 1, bits << (upperBit + 9) == high {
            bits &= ~1
        }
        bits += bits & 1
        bits >>= 1
        if bits >= 2 << 52 {
            bits = 1 << 52
            power += 1
        }
        bits &= ~(1 << 52)
        if power >= 0x7FF { return .infinity }
        return Double(bitPattern: bits | UInt64(power) << 52)
    }
}
