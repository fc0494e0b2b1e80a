import ChaosPruneFormats
import ChaosPruneSystem

/// Why the Lyapunov engine could not produce a divergence curve.
///
/// The first two mirror TISEAN `lyap_r`'s own refusals; the others are inputs
/// on which the reference crashes, loops forever or computes garbage, and which
/// this implementation refuses with a clear message instead.
public enum LyapunovError: Error, Sendable, Equatable {
    /// No value could be read (TISEAN: exit 20).
    case noData
    /// All values are equal, so the series cannot be rescaled (TISEAN: exit 11).
    case constantSeries(minimum: Double, maximum: Double)
    /// The series holds NaN or an infinity at this 0-based position (TISEAN: loops forever).
    case nonFiniteValue(index: Int, value: Double)
    /// N < (m − 1)·d + s (TISEAN: undefined behaviour, observed as a segmentation fault).
    case seriesTooShort(length: Int, required: Int)
    /// Some reference point has no acceptable neighbour at any epsilon (TISEAN: loops forever).
    case noNeighbour(referencePoint: Int, epsilon: Double)
    /// The dimension is below 1 (TISEAN: undefined behaviour).
    case invalidDimension(Int)
    /// The requested arithmetic does not exist on this processor (`x87` needs `Float80`).
    case arithmeticUnavailable(ArithmeticMode)

    /// A one-line, human-readable description of the failure.
    public var message: String {
        switch self {
        case .noData:
            return "0 lines read. It makes no sense to continue. Exiting!"
        case let .constantSeries(minimum, maximum):
            return "rescale_data: data ranges from \(CFormat.format("%e", minimum)) to \(CFormat.format("%e", maximum)). It makes no sense to continue. Exiting!"
        case let .nonFiniteValue(index, value):
            return "value \(index + 1) of the series is \(value): lyap_r needs finite numbers (TISEAN would loop forever or print garbage)"
        case let .seriesTooShort(length, required):
            return "the series has \(length) values but the embedding span plus the iterations needs at least \(required) (TISEAN's behaviour is undefined here: it crashes)"
        case let .noNeighbour(point, epsilon):
            return "reference point \(point) has no neighbour outside the Theiler window at squared distance below 1 (rescaled units), even at epsilon \(CFormat.format("%e", epsilon)): TISEAN would loop forever here"
        case let .invalidDimension(m):
            return "embedding dimension \(m) is invalid: it must be at least 1"
        case let .arithmeticUnavailable(mode):
            return "arithmetic '\(mode.rawValue)' needs the x87 unit's 80-bit Float80, which this processor does not have"
        }
    }
}
