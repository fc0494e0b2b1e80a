import SyntheticData
import ChaosPruneKit

/// Deterministic synthetic series for benchmarks (no files needed).
enum SyntheticSeries {
    /// The x coordinate of the Hénon map (a = 1.4, b = 0.3) after a 1,000-step transient.
    static func henon(_ count: Int) -> [Double] {
        var x = 0.1, y = 0.3
        var values: [Double] = []
        values.reserveCapacity(count)
        for index in 0..<(count + 1000) {
            (x, y) = (1 - 1.4 * x * x + y, 0.3 * x)
            if index >= 1000 { values.append(x) }
        }
        return values
    }

    /// A weight-like random walk quantised to six decimals, as the pipeline's `%f` windows are.
    static func weightWindow(_ count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        var value = Double.random(in: -0.5...0.5, using: &generator)
        return (0..<count).map { _ in
            value += Double.random(in: -1e-3...1e-3, using: &generator)
            return (value * 1e6).rounded() / 1e6
        }
    }
}
