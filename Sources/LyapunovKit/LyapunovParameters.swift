/// The parameters of one `lyap_r` run: the embedding, the Theiler window, the
/// number of divergence iterations and the initial neighbourhood size.
///
/// Mirrors TISEAN 3.0.0 `lyap_r`'s `-m -d -t -s -r` options and their
/// defaults (`-m2 -d1 -t0 -s10`, initial epsilon 1e-3 of the data interval).
public struct LyapunovParameters: Sendable, Hashable {
    /// How the first neighbourhood size is chosen.
    public enum InitialEpsilon: Sendable, Hashable {
        /// TISEAN's default: 1e-3 in rescaled units (a thousandth of the data interval).
        case defaultFraction
        /// `-r R`: R in data units; the engine divides it by the data interval.
        case dataUnits(Double)
    }

    /// Embedding dimension `m` (`-m`), at least 1.
    public var dimension: Int
    /// Delay `d` between the coordinates of a delay vector (`-d`).
    public var delay: Int
    /// Theiler window `t` (`-t`): pairs with |i − j| ≤ t are never neighbours.
    public var theilerWindow: Int
    /// Number of iterations `s` (`-s`): the curve has rows 0 … s.
    public var steps: Int
    /// The initial epsilon (`-r`).
    public var initialEpsilon: InitialEpsilon

    /// Creates parameters; the defaults are TISEAN's.
    public init(dimension: Int = 2, delay: Int = 1, theilerWindow: Int = 0, steps: Int = 10,
                initialEpsilon: InitialEpsilon = .defaultFraction) {
        self.dimension = dimension
        self.delay = delay
        self.theilerWindow = theilerWindow
        self.steps = steps
        self.initialEpsilon = initialEpsilon
    }

    /// The parameters of the chaos-causality pipeline's window stage:
    /// `lyap_r -m2 -r20 -d1 -s3`.
    public static let pipeline = LyapunovParameters(dimension: 2, delay: 1, theilerWindow: 0, steps: 3,
                                                    initialEpsilon: .dataUnits(20))

    /// The `-r` radius in data units, nil for TISEAN's default fraction.
    public var radius: Double? {
        if case let .dataUnits(value) = initialEpsilon { return value }
        return nil
    }

    /// The span D = delay · (dimension − 1) of one delay vector (`Int.max` when that overflows).
    public var span: Int {
        let (product, overflow) = delay.multipliedReportingOverflow(by: dimension - 1)
        return overflow ? Int.max : product
    }

    /// The values a series needs, D + S (`Int.max` when that overflows).
    public var requiredLength: Int {
        let (sum, overflow) = span.addingReportingOverflow(steps)
        return overflow ? Int.max : sum
    }
}
