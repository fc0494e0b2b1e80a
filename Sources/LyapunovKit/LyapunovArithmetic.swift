import ChaosPruneSystem

/// Where the Lyapunov engine rounds: the arithmetic of one TISEAN build.
///
/// The algorithm is written once, generic over this protocol. Values are always
/// stored as `Double` (as the reference stores them); `Wide` is the type that
/// distance sums, comparisons and the kept best distance live in.
public protocol LyapunovArithmetic {
    /// The type of squared-distance sums and of the kept best distance.
    associatedtype Wide: BinaryFloatingPoint

    /// (x − min) / interval, rounded to the stored `Double`.
    static func rescale(_ x: Double, minimum: Double, interval: Double) -> Double
    /// The natural logarithm of a squared distance, in `Wide`.
    static func logarithm(_ squaredDistance: Wide) -> Wide
    /// sum + term, rounded to the stored `Double` sum.
    static func accumulate(_ sum: Double, _ term: Wide) -> Double
    /// sum / count / 2, the printed value of one output row.
    static func mean(_ sum: Double, count: Int) -> Double
}

/// IEEE 754 double precision throughout: TISEAN 3.0.0 compiled for x86-64 (SSE2).
///
/// This is the default and the arithmetic of every `expected/` file of the corpus.
public enum IEEE64Arithmetic: LyapunovArithmetic {
    /// Distances and sums stay in double precision.
    public typealias Wide = Double

    /// (x − min)/interval in double.
    @inline(__always)
    public static func rescale(_ x: Double, minimum: Double, interval: Double) -> Double {
        (x - minimum) / interval
    }

    /// The C library's `log`.
    @inline(__always)
    public static func logarithm(_ squaredDistance: Double) -> Double { CMath.log(squaredDistance) }

    /// sum + term in double.
    @inline(__always)
    public static func accumulate(_ sum: Double, _ term: Double) -> Double { sum + term }

    /// sum / count / 2 in double.
    @inline(__always)
    public static func mean(_ sum: Double, count: Int) -> Double { sum / Double(count) / 2 }
}

#if arch(x86_64) || arch(i386)
/// The x87 unit's 80-bit extended precision: the original 32-bit TISEAN build.
///
/// Follows "Matching the original 32-bit build" of the lyap_r spec: rescaling in
/// 80-bit then stored as `Double`; distance sums, comparisons and the kept best
/// distance in 80-bit; the logarithm of the squared distance rounded to `Double`,
/// with an 80-bit result; sums rounded to `Double` after each addition; the printed
/// value computed in 80-bit and rounded to `Double`; and the grid box of a value
/// taken from the 80-bit product of the value and 1/eps, never rounded to
/// `Double` before the conversion to an integer (`boxCell` with `Wide`).
/// Values the reference stores in double variables (the interval, eps,
/// 1/eps, eps·1.1) are formed in `Wide` and rounded to `Double` when stored:
/// rounded twice here, once in the x86-64 build.
///
/// Available only where Swift has `Float80` (x86); elsewhere the engine refuses this mode.
public enum X87Arithmetic: LyapunovArithmetic {
    /// Distances, comparisons and the kept best distance in 80-bit extended precision.
    public typealias Wide = Float80

    /// (x − min)/interval in 80-bit, rounded to double when stored.
    @inline(__always)
    public static func rescale(_ x: Double, minimum: Double, interval: Double) -> Double {
        Double((Float80(x) - Float80(minimum)) / Float80(interval))
    }

    /// The 80-bit `logl` of the squared distance rounded to double (x87 `fyl2x`).
    @inline(__always)
    public static func logarithm(_ squaredDistance: Float80) -> Float80 {
        CMath.log(Float80(Double(squaredDistance)))
    }

    /// sum + term in 80-bit, rounded to double after the addition.
    @inline(__always)
    public static func accumulate(_ sum: Double, _ term: Float80) -> Double { Double(Float80(sum) + term) }

    /// sum / count / 2 in 80-bit, rounded to double.
    @inline(__always)
    public static func mean(_ sum: Double, count: Int) -> Double {
        Double(Float80(sum) / Float80(count) / 2)
    }
}
#endif

/// The arithmetic a run uses, chosen at run time.
public enum ArithmeticMode: String, Sendable, CaseIterable {
    /// IEEE double precision: the x86-64 TISEAN build (default).
    case ieee64
    /// x87 80-bit extended precision: the original 32-bit TISEAN build.
    case x87

    /// Whether this machine can run the mode (`x87` needs `Float80`, i.e. an x86 processor).
    public var isAvailable: Bool {
        switch self {
        case .ieee64: return true
        case .x87:
            #if arch(x86_64) || arch(i386)
            return true
            #else
            return false
            #endif
        }
    }
}
