/// Where the windows of a recording start and end: the one place window
/// rows, steps and counts are computed.
///
/// Mirrors the reference scripts' arithmetic: step = W·(1 − o) (45 for
/// W = 50, o = 0.1); window i (0-based) covers rows step·i + 1 … step·i + W
/// (1-based, inclusive); `LE_window.m` computes floor(R / step) windows and
/// stops with an index error on a window that runs past row R, so only the
/// complete windows are computed and the others are reported as dropped.
/// The Granger notebook maps window i to the accuracy row
/// int(W·(1−o)·(i+1) + W·o), computed in double in Python's order.
///
/// Edge cases: the initialiser refuses a window below 2 rows, an overlap
/// outside [0, 1) or not finite, and a step W·(1 − o) that is not a whole
/// number of rows ≥ 1.
///
/// Postconditions: `windowCount(rows:) + droppedWindows(rows:)` is
/// floor(rows / step), and every counted window ends at or before `rows`.
public struct WindowPlan: Sendable, Hashable {
    /// The original README's window size, 50 rows (the current script itself used 200).
    public static let defaultWindow = 50
    /// The overlap both scripts fix, 0.1.
    public static let defaultOverlap = 0.1
    /// The legacy script's window size, 200 rows.
    public static let legacyWindow = 200

    /// Rows per window, W.
    public let window: Int
    /// Fraction of a window shared with the next, o.
    public let overlap: Double
    /// Rows between window starts, W·(1 − o).
    public let step: Int

    /// The pipeline's plan: window 50, overlap 0.1, step 45.
    public static let standard = WindowPlan(checkedWindow: defaultWindow, overlap: defaultOverlap, step: 45)

    private init(checkedWindow: Int, overlap: Double, step: Int) {
        window = checkedWindow
        self.overlap = overlap
        self.step = step
    }

    /// Why a window and overlap give no plan.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        /// One line for the user.
        public var message: String

        /// Creates the error with its one-line message.
        public init(_ message: String) { self.message = message }

        /// The message.
        public var description: String { message }
    }

    /// The plan for window `window` and overlap `overlap`, or an error saying why there is none.
    public init(window: Int, overlap: Double) throws(Invalid) {
        guard window >= 2 else { throw Invalid("the window must be at least 2 rows, not \(window)") }
        guard window < 1 << 40 else { throw Invalid("a window of \(window) rows is longer than any recording") }
        guard overlap.isFinite, overlap >= 0, overlap < 1 else {
            throw Invalid("the overlap must be a number with 0 ≤ overlap < 1, not \(PythonFloatText.repr(overlap))")
        }
        let exact = Double(window) * (1 - overlap)
        let rounded = exact.rounded()
        guard rounded >= 1, rounded < 0x1p53, abs(exact - rounded) < 1e-9 else {
            throw Invalid("window \(window) × (1 − overlap \(PythonFloatText.repr(overlap))) = \(PythonFloatText.repr(exact)) must be a whole number of rows ≥ 1")
        }
        self.window = window
        self.overlap = overlap
        step = Int(rounded)
    }

    /// The 0-based first row of window `index`.
    public func firstRow(ofWindow index: Int) -> Int { step * index }

    /// Complete windows in a recording of `rows` rows.
    public func windowCount(rows: Int) -> Int { rows >= window ? (rows - window) / step + 1 : 0 }

    /// Windows the reference would start but not finish in `rows` rows (it crashes on the first).
    public func droppedWindows(rows: Int) -> Int { max(0, rows / step - windowCount(rows: rows)) }

    /// Rows needed to hold `windows` consecutive windows.
    public func rowsSpanned(byWindows windows: Int) -> Int { windows > 0 ? step * (windows - 1) + window : 0 }

    /// The 1-based accuracy row where window `index` ends, as the Granger
    /// notebook computes it: int(W·(1−o)·(i+1) + W·o) in double.
    public func accuracyEndRow(ofWindow index: Int) -> Int {
        Int(Double(window) * (1 - overlap) * Double(index + 1) + Double(window) * overlap)
    }

    /// The windows, among 2…`rows`, that with `overlap` make exactly `windows`
    /// complete windows of `rows` rows, smallest first.
    ///
    /// Edge cases: empty when no window does (or `rows` < 2).
    public static func windows(giving windows: Int, rows: Int, overlap: Double) -> [Int] {
        guard rows >= 2 else { return [] }
        return (2...rows).filter { window in
            guard let plan = try? WindowPlan(window: window, overlap: overlap) else { return false }
            return plan.windowCount(rows: rows) == windows
        }
    }
}
