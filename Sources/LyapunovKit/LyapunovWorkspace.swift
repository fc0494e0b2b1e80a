/// Reusable scratch memory for the Lyapunov engine: the rescaled series, the
/// sorted order of the candidates, the grid cells and the per-iteration sums.
///
/// The window stage calls the engine millions of times; handing it one
/// workspace per thread makes a call allocate nothing but its result array.
/// A workspace is not thread-safe: use one per thread (the engine itself holds
/// no state, so distinct workspaces may run concurrently).
public final class LyapunovWorkspace {
    /// Rescaled values.
    private(set) var values: UnsafeMutablePointer<Double>
    /// Candidate indices in ascending order of their first coordinate.
    private(set) var order: UnsafeMutablePointer<Int32>
    /// First coordinates in that order (contiguous for the sweep).
    private(set) var orderedValues: UnsafeMutablePointer<Double>
    /// Last coordinates (the value `span` later) in that order; within a run of
    /// equal first coordinates they ascend.
    private(set) var orderedLast: UnsafeMutablePointer<Double>
    /// For each position in `order`, where its run of equal first coordinates starts and ends.
    private(set) var runStart: UnsafeMutablePointer<Int32>
    private(set) var runEnd: UnsafeMutablePointer<Int32>
    /// Position of each candidate in `order`.
    private(set) var position: UnsafeMutablePointer<Int32>
    /// Grid coordinate of each value for the current pass.
    private(set) var valueCell: UnsafeMutablePointer<UInt8>
    /// The reference points still without a neighbour, ascending (as many as the search has left).
    private(set) var pending: UnsafeMutablePointer<Int32>
    /// Pairs counted per iteration.
    private(set) var found: UnsafeMutablePointer<Int>
    /// Sum of ln(squared distance) per iteration.
    private(set) var sums: UnsafeMutablePointer<Double>
    private var capacity = 0
    private var rowCapacity = 0

    /// Creates an empty workspace; buffers grow on first use and are then reused.
    public init() {
        values = .allocate(capacity: 0)
        order = .allocate(capacity: 0)
        orderedValues = .allocate(capacity: 0)
        orderedLast = .allocate(capacity: 0)
        runStart = .allocate(capacity: 0)
        runEnd = .allocate(capacity: 0)
        position = .allocate(capacity: 0)
        valueCell = .allocate(capacity: 0)
        pending = .allocate(capacity: 0)
        found = .allocate(capacity: 0)
        sums = .allocate(capacity: 0)
    }

    deinit {
        releaseSeriesBuffers()
        found.deallocate()
        sums.deallocate()
    }

    private func releaseSeriesBuffers() {
        values.deallocate()
        order.deallocate()
        orderedValues.deallocate()
        orderedLast.deallocate()
        runStart.deallocate()
        runEnd.deallocate()
        position.deallocate()
        valueCell.deallocate()
        pending.deallocate()
    }

    /// Makes room for a series of `length` values and `steps + 1` output rows,
    /// zeroing the per-iteration accumulators.
    func prepare(length: Int, steps: Int) {
        if capacity < length {
            releaseSeriesBuffers()
            capacity = max(length, 2 * capacity)
            values = .allocate(capacity: capacity)
            order = .allocate(capacity: capacity)
            orderedValues = .allocate(capacity: capacity)
            orderedLast = .allocate(capacity: capacity)
            runStart = .allocate(capacity: capacity)
            runEnd = .allocate(capacity: capacity)
            position = .allocate(capacity: capacity)
            valueCell = .allocate(capacity: capacity)
            pending = .allocate(capacity: capacity)
        }
        if rowCapacity < steps + 1 {
            found.deallocate()
            sums.deallocate()
            rowCapacity = steps + 1
            found = .allocate(capacity: rowCapacity)
            sums = .allocate(capacity: rowCapacity)
        }
        found.update(repeating: 0, count: steps + 1)
        sums.update(repeating: 0, count: steps + 1)
    }
}
