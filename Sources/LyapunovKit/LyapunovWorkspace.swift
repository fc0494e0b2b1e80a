/// Reusable scratch memory for the Lyapunov engine: the rescaled series, the
/// box grid and the per-iteration sums.
///
/// The window stage calls the engine millions of times; handing it one
/// workspace per thread makes a call allocate nothing but its result array.
/// A workspace is not thread-safe: use one per thread (the engine itself holds
/// no state, so distinct workspaces may run concurrently).
public final class LyapunovWorkspace {
    /// Grid side: TISEAN's box grid has 256 × 256 cells.
    static let gridSide = 256

    var values: [Double] = []
    /// Head of each cell's list (−1 = empty); always all −1 between calls.
    var head: [Int32] = Array(repeating: -1, count: gridSide * gridSide)
    var next: [Int32] = []
    var valueCell: [UInt8] = []
    var done: [Bool] = []
    var found: [Int] = []
    var sums: [Double] = []

    /// Creates an empty workspace; buffers grow on first use and are then reused.
    public init() {}

    /// Makes room for a series of `length` values and `steps + 1` output rows,
    /// zeroing the per-iteration accumulators.
    func prepare(length: Int, steps: Int) {
        if values.count < length {
            values = Array(repeating: 0, count: length)
            next = Array(repeating: -1, count: length)
            valueCell = Array(repeating: 0, count: length)
            done = Array(repeating: false, count: length)
        }
        if found.count != steps + 1 {
            found = Array(repeating: 0, count: steps + 1)
            sums = Array(repeating: 0, count: steps + 1)
        } else {
            for i in 0...steps {
                found[i] = 0
                sums[i] = 0
            }
        }
    }
}
