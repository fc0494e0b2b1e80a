import ChaosPruneKit

/// Median and spread of repeated timings.
struct Statistics {
    var samples: [Double]

    var sorted: [Double] { samples.sorted() }
    var median: Double {
        let s = sorted
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var minimum: Double { sorted.first ?? .nan }
    var maximum: Double { sorted.last ?? .nan }

    /// Times `body` `repeats` times (after one warm-up run), in seconds.
    static func measure(repeats: Int, _ body: () throws -> Void) rethrows -> Statistics {
        try body()
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<repeats {
            let elapsed = try clock.measure(body)
            samples.append(elapsed.seconds)
        }
        return Statistics(samples: samples)
    }

    /// "median X unit (min A, max B, n runs)" with values scaled by `scale`.
    func describe(scale: Double, unit: String, digits: Int = 2) -> String {
        func f(_ v: Double) -> String { String(format: "%.\(digits)f", v * scale) }
        return "median \(f(median)) \(unit) (min \(f(minimum)), max \(f(maximum)), \(samples.count) runs)"
    }
}
