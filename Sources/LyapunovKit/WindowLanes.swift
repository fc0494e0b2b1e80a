import ChaosPruneFormats
import CWindowKernels

/// lyap_r's divergence rows 0 and 1 for the windows of many columns at once,
/// the columns in the lanes of one vector: the window stage's fast engine.
///
/// Every column of a recording has its windows at the same rows, so 2, 4 or
/// 8 columns (baseline x86-64, AVX2, AVX-512; the widest the processor has,
/// chosen when the program loads) run the same window in the lanes of one
/// vector. Each lane performs the IEEE operations the general engine
/// (`LyapunovEngine` with `IEEE64Arithmetic`) performs for that column, in the
/// same order, with no fused multiply-add, so it gets the same bits. It
/// answers only where the facts below hold and declines every other window,
/// which the general engine then computes.
///
/// The kernel takes the raw values and applies the window script's `%f`
/// first, as `SixDecimalQuantiser` does (ChaosPruneFormats): k / 10⁶ with k
/// the integer nearest x·10⁶, ties to even, decided on the exact product
/// (its error term by a fused multiply-add, which is exact), a zero taking
/// the sign of x; a window with some |x·10⁶| ≥ 2⁵² is declined (the C
/// library's text route applies there).
///
/// The facts, for m = 2 (span D = delay ≥ 1), Theiler window T, S ≥ 1 steps,
/// an initial radius R in data units, and a window of n ≤ ``mostPoints``
/// quantised values x with interval = max − min:
/// 1. **One pass, no grid.** eps = R / interval. When fl(1/eps) < 1 every
///    rescaled value v = fl(fl(x − min) / interval) lies in [0, 1] (rounding
///    is monotone and fl(max − min) / interval = 1), so every grid cell
///    Int(v · fl(1/eps)) is 0: every candidate lies in the reference point's
///    own cell, the visiting rank orders candidates by descending index only,
///    and the 3 × 3 search is one scan of every candidate e with |n − e| > T.
///    When also eps² ≥ 1, the test "distance ≤ eps² and distance < 1" is
///    "distance < 1" (a partial sum above eps² is above 1 too), so a point is
///    done in the first pass iff some candidate lies below 1, later passes
///    change nothing, and every contribution is added in ascending point
///    order. The neighbour is the least positive distance below 1, the larger
///    index on ties. A point with no candidate below 1 (the reference never
///    ends there) is declined.
/// 2. **Distances.** d(i, j) = fl(fl((vᵢ − vⱼ)²) + fl((vᵢ₊D − vⱼ₊D)²)):
///    the engine's 0 + first term is the first term exactly, and the early
///    exit never fires on an accepted candidate.
/// 3. **Only rows 0 and 1 need their values.** The window script reads the
///    curve at t ∈ {0.25, 0.5, 0.6, 0.75, 1}. With rows 0 and 1 present, t < 1
///    interpolates over [0, 1]; t = 1 takes the segment after row 1 when a
///    later row exists and gives y₁ + 0·(yₖ − y₁) = y₁ exactly (yₖ is finite,
///    and y₁ is never −0: its sum starts at +0), else y₀ + 1·(y₁ − y₀). So
///    the kernel sums the logarithms of rows 0 and 1 and only tests whether a
///    later row exists (some pair at positive distance). A window whose row 1
///    is absent while a later row exists is declined.
///
/// Edge cases: a constant window, too few values for one reference point, a
/// NaN or non-positive eps, a value too large for the quantisation's integer
/// route, and every window of other settings are declined.
public enum WindowLanes {
    /// An instruction set the kernel can run.
    public enum Level: Int, CaseIterable, Sendable {
        /// Baseline x86-64 (SSE2) or any other processor: two lanes.
        case baseline = 0
        /// AVX2: four lanes.
        case avx2 = 1
        /// AVX-512: eight lanes.
        case avx512 = 2
    }

    /// What the kernel says of one column's window.
    public enum Status: Sendable, Equatable {
        /// The sums are the window's rows 0 and 1.
        case curve
        /// Outside the facts: the general engine computes the window.
        case declined
        /// The column was not asked for.
        case skipped
    }

    /// One column's window: rows 0 and 1 as sums of logarithms and pair counts.
    public struct Curve: Sendable, Equatable {
        /// What the kernel says.
        public var status: Status
        /// Sum of ln(squared distance) of row 0.
        public var sum0: Double
        /// Pairs added to row 0.
        public var found0: Int
        /// Sum of ln(squared distance) of row 1.
        public var sum1: Double
        /// Pairs added to row 1.
        public var found1: Int
        /// Whether a row after row 1 exists.
        public var hasLaterRow: Bool

        /// Creates a curve.
        public init(status: Status, sum0: Double, found0: Int, sum1: Double, found1: Int, hasLaterRow: Bool) {
            self.status = status
            self.sum0 = sum0
            self.found0 = found0
            self.sum1 = sum1
            self.found1 = found1
            self.hasLaterRow = hasLaterRow
        }

        /// Row 0 as lyap_r prints it (before `%e`), nil when absent.
        public var row0: Double? { found0 > 0 ? IEEE64Arithmetic.mean(sum0, count: found0) : nil }
        /// Row 1 as lyap_r prints it (before `%e`), nil when absent.
        public var row1: Double? { found1 > 0 ? IEEE64Arithmetic.mean(sum1, count: found1) : nil }
    }

    /// The most values a window may have.
    public static let mostPoints = Int(CWK_MOST_POINTS)

    /// The widest instruction set of this processor.
    public static var widest: Level { Level(rawValue: Int(cwk_widest_level())) ?? .baseline }

    /// The columns one vector holds at `level` (clamped to ``widest``).
    public static func lanes(at level: Level) -> Int { Int(cwk_lanes(Int32(level.rawValue))) }

    /// The kernel's `%f` quantisation of `values` at `level`: nil where the kernel
    /// declines a value (|x·10⁶| ≥ 2⁵² or not finite), else the value lyap_r reads.
    public static func sixDecimals(_ values: [Double], level: Level = widest) -> [Double?] {
        var out = [Double](repeating: 0, count: values.count)
        var exotic = [UInt8](repeating: 0, count: values.count)
        cwk_six_decimals(Int32(level.rawValue), values, &out, &exotic, values.count)
        return zip(out, exotic).map { $1 == 0 ? $0 : nil }
    }

    /// The kernel's `%f` against `SixDecimalQuantiser` on `values` at `level`:
    /// how many values it declines, and how many it answers with other bits
    /// than the quantiser's or declines where the quantiser's integer route applies.
    public static func checkSixDecimals(_ values: [Double], level: Level) -> (declined: Int, differences: Int) {
        var declined = 0, differences = 0
        for (value, quantised) in zip(values, sixDecimals(values, level: level)) {
            guard let quantised else {
                declined += 1
                if (value * 1e6).magnitude < 0x1p52 { differences += 1 }
                continue
            }
            if quantised.bitPattern != SixDecimalQuantiser.quantise(value).bitPattern { differences += 1 }
        }
        return (declined, differences)
    }

    /// Whether the kernel can answer any window of `length` values with these parameters and arithmetic.
    public static func serves(_ parameters: LyapunovParameters, length: Int, arithmetic: ArithmeticMode) -> Bool {
        guard arithmetic == .ieee64, parameters.dimension == 2, parameters.delay >= 1, parameters.steps >= 1,
              parameters.theilerWindow >= 0, length <= mostPoints, let radius = parameters.radius else { return false }
        return radius.isFinite && radius > 0
    }

    /// Scratch memory for one thread.
    public final class Workspace {
        private var results = UnsafeMutablePointer<cwk_lane_curve>.allocate(capacity: 0)
        private var capacity = 0

        /// Creates empty scratch memory.
        public init() {}

        deinit { results.deallocate() }

        fileprivate func results(count: Int) -> UnsafeMutablePointer<cwk_lane_curve> {
            if capacity < count {
                results.deallocate()
                results = .allocate(capacity: count)
                capacity = count
            }
            return results
        }
    }

    /// The curves of `columns` consecutive columns' windows: column c's raw value
    /// at window row r is `values[r · rowStride + c]` (quantised by the kernel);
    /// columns with `active[c] == 0` are skipped.
    ///
    /// Precondition: ``serves(_:length:arithmetic:)`` holds for `parameters` and `length`.
    public static func compute(values: UnsafePointer<Double>, rowStride: Int, columns: Int, active: UnsafePointer<UInt8>,
                               length: Int, parameters: LyapunovParameters, level: Level = widest,
                               workspace: Workspace, into curves: UnsafeMutablePointer<Curve>) {
        let results = workspace.results(count: columns)
        cwk_window_lanes(Int32(level.rawValue), values, rowStride, columns, active, Int32(length), Int32(parameters.delay),
                         Int32(parameters.steps), Int32(parameters.theilerWindow), parameters.radius ?? .nan, results)
        for column in 0..<columns {
            let result = results[column]
            let status: Status = switch result.status {
            case Int32(CWK_CURVE): .curve
            case Int32(CWK_SKIPPED): .skipped
            default: .declined
            }
            curves[column] = Curve(status: status, sum0: result.sum0, found0: Int(result.found0), sum1: result.sum1,
                                   found1: Int(result.found1), hasLaterRow: result.later != 0)
        }
    }
}
