import ChaosPruneFormats
import SyntheticData
import Testing

@Suite("csvwrite number text")
struct MatlabNumberFormatTests {
    static func text(_ value: Double) -> String {
        var bytes: [UInt8] = []
        MatlabNumberFormat.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func mismatches(_ values: [Double]) -> [(Double, String, String)] {
        values.compactMap { value in
            let expected = value == 0 && value.sign == .plus ? "0" : CFormat.format("%.5g", value)
            let actual = text(value)
            return actual == expected ? nil : (value, actual, expected)
        }
    }

    @Test("%.5g equals the C library's on random values of every magnitude and sign")
    func randomMagnitudes() {
        var random = SplitMix64(seed: 5)
        let values = (0..<400_000).map { _ in
            let magnitude = Double.random(in: 1...10, using: &random) * exactPower(Int.random(in: -8...7, using: &random))
            return Bool.random(using: &random) ? -magnitude : magnitude
        }
        let wrong = Self.mismatches(values)
        #expect(wrong.isEmpty, "first: \(wrong.prefix(5))")
    }

    @Test("%.5g equals the C library's at and beside every kind of tie: exact halves (ties to even), decimal halves the binary value misses, and roundings that carry into the next power of ten")
    func ties() {
        var random = SplitMix64(seed: 11)
        var values: [Double] = [12345.5, 12346.5, 99999.5, 99999.49999999999, 9.99995, 0.000999995, 1e-5, Double(1e-5).nextDown,
                                1e5, Double(1e5).nextDown, 0.1, Double(0.1).nextDown, 1, Double(1).nextDown, 1.03125, 1.09375, 0.00390625]
        for _ in 0..<50_000 {
            let mantissa = Double(Int.random(in: 10_000..<100_000, using: &random)) + 0.5
            let exponent = Int.random(in: -5...4, using: &random)
            let tie = exponent >= 4 ? mantissa * exactPower(exponent - 4) : mantissa / exactPower(4 - exponent)
            values += [tie, tie.nextUp, tie.nextDown, -tie]
        }
        let wrong = Self.mismatches(values)
        #expect(wrong.isEmpty, "first: \(wrong.prefix(5))")
    }

    @Test("%.5g outside the fast range, and of zeros, NaN and infinities, is the C library's", arguments: [
        (0.0, "0"), (-0.0, "-0"), (123456789.0, "1.2346e+08"), (9.999949e-6, "9.9999e-06"), (Double.leastNonzeroMagnitude, "4.9407e-324"),
        (Double.nan, "nan"), (-Double.infinity, "-inf"), (1.7976931348623157e308, "1.7977e+308"),
    ])
    func edges(_ value: Double, _ expected: String) {
        #expect(Self.text(value) == expected)
    }
}

/// 10^exponent: exact for exponents ≥ 0, the correctly rounded reciprocal below.
private func exactPower(_ exponent: Int) -> Double {
    var value = 1.0
    for _ in 0..<abs(exponent) { value *= 10 }
    return exponent < 0 ? 1 / value : value
}
