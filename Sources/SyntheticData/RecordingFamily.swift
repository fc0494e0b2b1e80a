/// Kinds of weight recordings for the differential checks of the window
/// engines: each a reproducible row-major matrix (rows = steps, columns =
/// weights) chosen to reach one region of the window path.
public enum RecordingFamily: String, CaseIterable, Sendable {
    /// Small weights drifting by small steps, as the MNIST network's (the common case).
    case mnistLike
    /// Random walks with steps of 10⁻⁴ to 10⁻¹ (gated and ungated windows).
    case walks
    /// Random walks with steps of 1 to 10: intervals above 19, where eps < 1.0526 and the grid is real.
    case wideWalks
    /// Slow drifts with jumps: change points for the gate's DP.
    case jumps
    /// Constant, nearly constant (below 10⁻⁵, below the `%f` resolution) and one-step columns.
    case nearlyConstant
    /// Values on a few `%f` levels: equal distances, duplicate points, ties.
    case fewLevels
    /// Magnitudes from 10⁻³⁰⁰ to 10³⁰⁰: overflowing sums, `%f` of huge and tiny values.
    case extremes
    /// The logistic map at r = 4, scaled: chaotic series.
    case chaotic

    /// A `rows` × `columns` row-major recording of this family.
    public func recording(rows: Int, columns: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        var values = [Double](repeating: 0, count: rows * columns)
        for column in 0..<columns {
            var series = self.series(rows: rows, column: column, generator: &generator)
            for row in 0..<rows { values[row * columns + column] = series[row] }
            series.removeAll()
        }
        return values
    }

    private func series(rows: Int, column: Int, generator: inout SplitMix64) -> [Double] {
        var series: [Double] = []
        series.reserveCapacity(rows)
        func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        switch self {
        case .mnistLike:
            var x = (uniform() - 0.5) * 0.2
            let step = 1e-4 * (1 + 20 * uniform())
            let drift = (uniform() - 0.5) * step * 0.2
            for _ in 0..<rows {
                series.append(x)
                x += drift + (uniform() - 0.5) * step
            }
        case .walks, .wideWalks:
            var x = (uniform() - 0.5) * 2
            let step = self == .walks ? [1e-4, 1e-3, 1e-2, 1e-1][column % 4] : [1.0, 3.0, 10.0][column % 3]
            for _ in 0..<rows {
                series.append(x)
                x += (uniform() - 0.5) * step
            }
        case .jumps:
            var x = uniform()
            for _ in 0..<rows {
                series.append(x)
                x += (uniform() - 0.5) * 1e-3 + (uniform() < 0.02 ? (uniform() - 0.5) * 4 : 0)
            }
        case .nearlyConstant:
            let base = (uniform() - 0.5) * 10
            for row in 0..<rows {
                switch column % 5 {
                case 0: series.append(base)
                case 1: series.append(base + (uniform() - 0.5) * 1e-7)
                case 2: series.append(base + (uniform() - 0.5) * 4e-6)
                case 3: series.append(row % 37 == 0 ? base + 1e-3 : base)
                default: series.append(base + Double(row % 3) * 1e-6)
                }
            }
        case .fewLevels:
            let levels = 2 + column % 6
            let unit = [1e-6, 1e-3, 0.25][column % 3]
            for _ in 0..<rows { series.append(Double(Int(uniform() * Double(levels))) * unit) }
        case .extremes:
            let magnitude = [1e-300, 1e-12, 1e-5, 1e5, 1e12, 1e150, 1e300][column % 7]
            for _ in 0..<rows { series.append((uniform() - 0.5) * magnitude) }
        case .chaotic:
            var x = 0.1 + 0.8 * uniform()
            let scale = [0.01, 1.0, 30.0][column % 3]
            for _ in 0..<rows {
                series.append(x * scale)
                x = 4 * x * (1 - x)
            }
        }
        return series
    }
}
