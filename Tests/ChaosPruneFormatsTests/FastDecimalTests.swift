import Testing
import ChaosPruneFormats
import ChaosPruneSystem

/// The CSV readers' decimal parser against the C library's `strtod`, bit for
/// bit (the tens-of-millions check is `chaosprune-bench parse-check`).
@Suite("decimal parsing")
struct FastDecimalTests {
    static let adversarial = [
        "0", "-0", "+0.0", "-0.0e10", "1", "-1", "0.1", "1e23", "8.98846567431158e307", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "2e308", "4.9406564584124654e-324", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "2.2250738585072011e-308", "2.2250738585072014e-308", "9007199254740993",
        "9007199254740995", "18014398509481985", "1e-400", "123456789012345678", "1234567890123456789",
        "0.000001234567", "5.", ".5", "1e", "1e+", "1E5", "007", "1.5,2", "3.14159xyz", "-1.23456e-5",
        "0.30000000000000004", "7.2057594037927933e16", "1448997445238699", "2.2250738585072012e-308",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791e-1",
    ]

    @Test("every decimal spelling parses to strtod's bits and ends where strtod ends", arguments: adversarial)
    func matchesStrtod(_ text: String) {
        withTerminatedText(text) { start, end, reference in
            let referenceLength = UnsafeRawPointer(reference.end) - UnsafeRawPointer(start)
            guard let fast = FastDecimal.parse(start, end) else {
                #expect(text.filter(\.isNumber).count > 19 || referenceLength == 0, "only long or non-decimal text is left to strtod")
                return
            }
            #expect(fast.value.bitPattern == reference.value.bitPattern, "\(fast.value) vs \(reference.value)")
            #expect(fast.end - start == referenceLength)
        }
    }

    static let cSpellings = adversarial + [
        "  1.5", "\t-2e3 4", "\u{0B}\u{0C}\r7", "0x1p3", "-0X1.8p1", "+0x", "0x", "inf", "-Infinity", "nan", "nan(123)", "+.e5",
        "1_000", " ", "", "-", "0.0000000000000000000000000001234567890123456789012345", "1e400", "-1e-400",
    ]

    @Test("the strtod entry point gives strtod's value and end for every C spelling", arguments: cSpellings)
    func strtodEntryMatches(_ text: String) {
        withTerminatedText(text) { start, end, reference in
            let fast = FastDecimal.strtod(start, end)
            #expect(fast.value.bitPattern == reference.value.bitPattern || (fast.value.isNaN && reference.value.isNaN))
            #expect(UnsafeRawPointer(fast.end) == UnsafeRawPointer(reference.end))
        }
    }

    /// Calls `body` with `text` NUL-terminated (its start and the NUL's address) and what C's `strtod` reads there.
    private func withTerminatedText(_ text: String, _ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>,
                                                            (value: Double, end: UnsafePointer<CChar>)) -> Void) {
        let bytes = Array(text.utf8) + [0]
        bytes.withUnsafeBufferPointer { buffer in
            let start = buffer.baseAddress!
            let reference = UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: 1) { Platform.parseDouble($0) }
            body(start, start + buffer.count - 1, reference)
        }
    }
}
