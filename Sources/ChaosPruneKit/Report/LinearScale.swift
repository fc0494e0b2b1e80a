import ChaosPruneFormats
import ChaosPruneSystem

/// A linear map from data values to SVG coordinates, with "nice" ticks
/// (1, 2 or 5 × 10ᵏ) and tick labels as people read them.
public struct LinearScale: Sendable, Equatable {
    /// The data interval.
    public var domain: ClosedRange<Double>
    /// The coordinate interval (may run downwards, for a y axis).
    public var range: (Double, Double)

    public static func == (a: LinearScale, b: LinearScale) -> Bool { a.domain == b.domain && a.range == b.range }

    /// A scale over `domain` (widened when empty or not finite) onto `range`.
    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        var low = domain.lowerBound.isFinite ? domain.lowerBound : 0
        var high = domain.upperBound.isFinite ? domain.upperBound : 1
        if high <= low {
            low -= 0.5
            high += 0.5
        }
        self.domain = low...high
        self.range = range
    }

    /// The coordinate of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        range.0 + (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (range.1 - range.0)
    }

    /// About `count` round tick values inside the domain, ascending.
    public func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        let raw = span / Double(max(count, 1))
        let magnitude = CMath.pow(10, (CMath.log(raw) / CMath.log(10)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var ticks: [Double] = []
        var tick = (domain.lowerBound / step).rounded(.up) * step
        while tick <= domain.upperBound + step * 1e-9, ticks.count < 50 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    /// A tick label: at most four significant digits, no trailing zeros, thousands grouped.
    public static func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 1e5 || abs(value) < 1e-3 { return CFormat.format("%.3g", value) }
        if value.rounded() == value, abs(value) >= 1000 {
            let digits = String(Int(abs(value)))
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
                grouped.append(character)
            }
            return (value < 0 ? "−" : "") + grouped
        }
        var text = CFormat.format("%.4g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
