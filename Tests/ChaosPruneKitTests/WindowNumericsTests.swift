import SyntheticData
import ChaosPruneFormats
import Foundation
import Testing
import ChaosPruneKit
import LyapunovKit

@Suite("window numerics")
struct WindowNumericsTests {
    @Test("%f quantisation equals the C library's snprintf + strtod, ties included")
    func sixDecimals() {
        var random = SplitMix64(seed: 42)
        var values: [Double] = [0, -0.0, 0.0078125, -0.0078125, 1.5e-6, 2.5e-6, -2.5e-6, 4.5e9, 1e300, -1e-300]
        for k in 0..<2000 {
            let tie = (Double(k) + 0.5) / 1e6
            values += [tie, tie.nextUp, tie.nextDown, -tie, Double(k) / 128, Double(k) / 64 + 1e-7]
        }
        for _ in 0..<100_000 {
            let scale = [1e-7, 1e-3, 1, 1e3, 1e9].randomElement(using: &random)!
            values.append(Double.random(in: -scale...scale, using: &random))
        }
        let mismatches = values.filter {
            let fast = SixDecimalQuantiser.quantise($0)
            let slow = SixDecimalQuantiser.throughCLibrary($0)
            return fast.bitPattern != slow.bitPattern
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test("%e read-back equals the C library's snprintf + strtod")
    func scientific() {
        var random = SplitMix64(seed: 7)
        var values: [Double] = [1e-5, 1e-5.nextDown, 1e6.nextDown, 0.1, 0.1.nextDown, 9.9999995, 9.99999949, -3.1945, 0]
        for exponent in -6...6 {
            for _ in 0..<20_000 {
                let magnitude = Double.random(in: 1...10, using: &random) * pow(10, Double(exponent))
                values.append(Bool.random(using: &random) ? magnitude : -magnitude)
            }
            let power = pow(10, Double(exponent))
            values += [power, power.nextUp, power.nextDown, 5.0000005 * power]
        }
        let mismatches = values.filter {
            ScientificTextQuantiser.quantise($0).bitPattern != ScientificTextQuantiser.throughCLibrary($0).bitPattern
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test("ischange: a step whose cost reduction equals the penalty is no change point; just above it is")
    func changePointBoundary() {
        var gate = MeanChangeGate()
        let check = { (x: [Double]) in x.withUnsafeBufferPointer { gate.hasChangePoint($0) } }
        #expect(!check([0, 0, 1, 1]))
        #expect(check([0, 0, 1.0001, 1.0001]))
        #expect(!check([0.1, 0.2, 0.15, 0.12, 0.18]))
        #expect(check([0, 0, 0, 0, 0, 5, 5, 5, 5, 5]))
        #expect(!check([3]))
    }

    @Test("the gate: a range below 1e-5 is static even without a change point")
    func rangeGate() {
        var gate = MeanChangeGate()
        let flat = (0..<50).map { 0.3 + Double($0 % 2) * 9e-6 }
        let moving = (0..<50).map { 0.3 + Double($0) * 1e-4 }
        #expect(flat.withUnsafeBufferPointer { gate.isStatic($0) })
        #expect(!moving.withUnsafeBufferPointer { gate.isStatic($0) })
    }

    @Test("interpolation: interior knots use the segment starting there, NaN outside, last knot uses the last segment")
    func interpolation() {
        let rows = [DivergenceRow(iteration: 0, value: -3), DivergenceRow(iteration: 1, value: -2.2),
                    DivergenceRow(iteration: 2, value: -1.9), DivergenceRow(iteration: 3, value: -1.5)]
        #expect(DivergenceSlopes.interpolate(rows, at: 1) == -2.2)
        #expect(DivergenceSlopes.interpolate(rows, at: 3) == -1.5)
        #expect(DivergenceSlopes.interpolate(rows, at: 0.5) == -3 + 0.5 * (-2.2 - -3))
        #expect(DivergenceSlopes.interpolate(rows, at: 3.5).isNaN)
        #expect(DivergenceSlopes.interpolate(Array(rows.dropFirst()), at: 0.5).isNaN)
    }

    @Test("slope rules: equal slopes give the exponent, one row is too few, NaN slopes disagree")
    func slopeRules() {
        let line = [DivergenceRow(iteration: 0, value: -3), DivergenceRow(iteration: 1, value: -2.25),
                    DivergenceRow(iteration: 2, value: -2), DivergenceRow(iteration: 3, value: -1.9)]
        #expect(DivergenceSlopes.exponent(of: line) == .exponent(0.75))
        #expect(DivergenceSlopes.exponent(of: [line[0]]) == .tooFewRows)
        #expect(DivergenceSlopes.exponent(of: []) == .tooFewRows)
        #expect(DivergenceSlopes.exponent(of: Array(line.dropFirst())) == .slopesDisagree)
    }

    @Test("round(x, 6) is half away from zero on x·1e6")
    func matlabRounding() {
        #expect(DivergenceSlopes.roundToSixDecimals(0.0000005) == 0.000001)
        #expect(DivergenceSlopes.roundToSixDecimals(-0.0000025) == -0.000003)
        #expect(DivergenceSlopes.roundToSixDecimals(1.2345674) == 1.234567)
    }

    @Test("%.5g as csvwrite: zero, negatives, tiny, huge, NaN, negative zero, and ties decided by the exact binary value (0.902615 is stored below the tie)", arguments: [
        (0.0, "0"), (-0.0, "-0"), (1.5555555, "1.5556"), (-0.00123456, "-0.0012346"), (1.23456e-5, "1.2346e-05"),
        (123456789.0, "1.2346e+08"), (Double.nan, "nan"), (-Double.infinity, "-inf"), (1.234565, "1.2346"), (0.902615, "0.90261"), (0.902625, "0.90263"),
    ])
    func fiveSignificantDigits(_ value: Double, _ text: String) {
        var output: [UInt8] = []
        MatlabNumberFormat.append(value, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == text)
    }
}
