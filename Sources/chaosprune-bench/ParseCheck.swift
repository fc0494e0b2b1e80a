import SyntheticData
import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune-bench parse-check`: `FastDecimal` against the C library's
/// `strtod` on random and adversarial decimal strings — every value bit for
/// bit and every end position — and the share that falls back to `strtod`.
enum ParseCheck {
    static func run(count: Int) throws {
        var generator = SplitMix64(seed: 20_261_125)
        var differences = 0
        var fallbacks = 0
        var checked = 0
        var text: [UInt8] = []
        let forms: [StaticString] = ["%.17g", "%.16g", "%.15g", "%.6e", "%.12e", "%f", "%.3f", "%.20g"]
        while checked < count {
            text.removeAll(keepingCapacity: true)
            switch checked % 7 {
            case 0:
                // A random double in a chosen binade, in a C form or as its shortest text.
                let value = Double(sign: generator.next() & 1 == 0 ? .plus : .minus,
                                   exponent: Int(generator.next() % 2098) - 1074, significand: Double.random(in: 1..<2, using: &generator))
                let choice = Int(generator.next() % UInt64(forms.count + 1))
                if choice == forms.count { text.append(contentsOf: "\(value)".utf8) } else { CFormat.append(forms[choice], value, to: &text) }
            case 1:
                // Up to 19 random digits and any exponent of the table and beyond.
                let digits = Int(generator.next() % 19) + 1
                for index in 0..<digits { text.append(UInt8(48 + (index == 0 ? generator.next() % 9 + 1 : generator.next() % 10))) }
                text.append(contentsOf: "e\(Int(generator.next() % 700) - 360)".utf8)
            case 2:
                // Exact halfway points between adjacent doubles that are integers below 10^19: round to even.
                let k = (generator.next() >> 11) | 1 << 52
                let shift = Int(generator.next() % 11)
                text.append(contentsOf: String((2 * k + 1) << shift).utf8)
            case 3:
                // Near halfway: a halfway integer ± a small offset, and with a decimal point moved in.
                let k = (generator.next() >> 11) | 1 << 52
                let value = Int64(bitPattern: (2 * k + 1) << 9) + Int64(generator.next() % 5) - 2
                var digits = Array(String(value).utf8)
                let point = Int(generator.next() % UInt64(digits.count))
                digits.insert(46, at: point)
                text.append(contentsOf: digits)
                text.append(contentsOf: "e\(Int(generator.next() % 40) - 20)".utf8)
            case 4:
                // Subnormals, the underflow edge and overflow.
                let digits = Int(generator.next() % 17) + 1
                for _ in 0..<digits { text.append(UInt8(48 + generator.next() % 10)) }
                text.append(contentsOf: (generator.next() & 1 == 0 ? "e-\(300 + generator.next() % 50)" : "e\(290 + generator.next() % 30)").utf8)
            case 5:
                // Long fractions (the eight-digit path): an integer part, zeros after the point, 1–24 digits, then an exponent, a field end or text.
                if generator.next() & 1 == 0 { text.append(contentsOf: "-".utf8) }
                text.append(contentsOf: (generator.next() % 3 == 0 ? String(generator.next() % 100_000) : "0").utf8)
                text.append(46)
                for _ in 0..<Int(generator.next() % 12) { text.append(48) }
                for _ in 0..<Int(generator.next() % 24 + 1) { text.append(UInt8(48 + generator.next() % 10)) }
                let tails = ["", ",", "e-7", "E+12", "x", ".5", " ", "e"]
                text.append(contentsOf: tails[Int(generator.next() % UInt64(tails.count))].utf8)
            default:
                // Spellings: signs, leading zeros, a bare point, an exponent with no digits, upper case, zeros.
                let pieces = ["+", "-", "", "00", "0", ".", "5.", ".5", "1E5", "1e", "1e+", "7e-0", "0e999", "-0.0", "123456789012345678", "9007199254740993"]
                for _ in 0..<Int(generator.next() % 3 + 1) { text.append(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))].utf8) }
            }
            text.append(0)
            text.withUnsafeBufferPointer { buffer in
                let start = buffer.baseAddress!
                let end = start + buffer.count - 1
                let reference = UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: 1) { Platform.parseDouble($0) }
                let referenceLength = UnsafeRawPointer(reference.end) - UnsafeRawPointer(start)
                guard let fast = FastDecimal.parse(start, end) else {
                    fallbacks += 1
                    return
                }
                if fast.value.bitPattern != reference.value.bitPattern || fast.end - start != referenceLength {
                    differences += 1
                    if differences <= 10 {
                        print("DIFFERENCE '\(String(decoding: buffer.dropLast(), as: UTF8.self))': fast \(fast.value) (\(fast.end - start) bytes), strtod \(reference.value) (\(referenceLength) bytes)")
                    }
                }
            }
            checked += 1
        }
        print("parse-check: \(checked) strings, \(differences) differences from strtod, \(fallbacks) left to strtod (> 19 digits or not decimal) — target 0 differences")
        if differences > 0 { throw BenchmarkFailure(message: "FastDecimal differs from strtod") }
    }
}
