import ChaosPruneSystem

/// The box-assisted Rosenstein et al. (1993) divergence curve, exactly as
/// TISEAN 3.0.0 `lyap_r` computes it, generic over where rounding happens.
///
/// The observable behaviour reproduced (the <doc:LyapR> article):
/// - candidates are points 0 … N−D−S−1, reference points 0 … N−D−S−1−T;
/// - each pass puts the candidates in a wrapping 256 × 256 grid of their first
///   and last delay coordinates; a reference point not yet done visits the
///   3 × 3 cells around its own (first coordinate outer, last inner, each from
///   −1 to +1), each cell's points in descending index, tests candidates
///   outside the Theiler window with an early-exit squared distance against
///   eps², and keeps the first one strictly below the running best (which
///   starts at 1.0); a point with any accepted candidate is done, and
///   contributes only if its best distance is positive;
/// - contributions are summed in the order points become done;
/// - eps grows by repeated multiplication by 1.1 until every point is done.
///
/// How it is computed (same result, less work): the reference's choice is the
/// candidate minimising (distance, visiting rank) among those in the 3 × 3
/// cells with 0 < distance ≤ eps² and distance < 1, where the rank orders the
/// nine cells as visited and, within a cell, larger indices first. Candidates
/// are sorted once by first coordinate (ties by last coordinate) and swept
/// outward from the reference point, a run of equal first coordinates at a
/// time; a side of the sweep stops when the first coordinate's squared
/// difference — the first partial sum of the distance, which later partial sums
/// never undercut — exceeds eps² or the best distance so far, since no further
/// candidate on that side can then be accepted or win; within a run, the same
/// test on first plus last term bounds the search around the point's own last
/// coordinate (`nearest`). Cell membership and rank
/// come from the same grid arithmetic as the reference (`boxCell`).
///
/// Edge cases: where the reference loops forever (some point has no acceptable
/// neighbour at any eps) this throws `noNeighbour` as soon as a pass with
/// eps² > dimension — after which no pass can change anything — leaves a point
/// undone; likewise for an eps that cannot grow (0) or is NaN.
///
/// A NaN eps (`-r nan`) bounds nothing, as in the reference, whose test only
/// rejects a partial sum that exceeds eps²: every value falls in cell 0, every
/// candidate is tested, and the kept neighbour is the nearest one below 1.0;
/// the curve is written when that first pass leaves no point undone.
///
/// With `threads` > 1, a pass's neighbour searches and logarithms run in
/// parallel over blocks of reference points (they only read the pass's grid),
/// and each block's contributions are then summed in point order: the same
/// additions in the same order, so the same bits as one thread.
///
/// Postconditions: rows are in ascending iteration, one per iteration with at
/// least one positive distance.
package struct RosensteinDivergence<Arithmetic: LyapunovArithmetic> {
    typealias Wide = Arithmetic.Wide

    let parameters: LyapunovParameters
    var threads = 1

    /// Reference points searched in parallel before their sums are added in order.
    package static var blockSize: Int { 8192 }

    func run(series: UnsafeBufferPointer<Double>, workspace: LyapunovWorkspace,
             onPass: ((_ epsilon: Double, _ done: Int, _ total: Int) -> Void)?) throws(LyapunovError) -> [DivergenceRow] {
        let count = series.count
        guard count > 0 else { throw .noData }
        guard parameters.dimension >= 1 else { throw .invalidDimension(parameters.dimension) }
        var minimum = series[0]
        var maximum = series[0]
        for (index, value) in series.enumerated() {
            guard value.isFinite else { throw .nonFiniteValue(index: index, value: value) }
            if value < minimum { minimum = value }
            if value > maximum { maximum = value }
        }
        let interval = Double(Wide(maximum) - Wide(minimum))
        guard interval != 0 else { throw .constantSeries(minimum: minimum, maximum: maximum) }

        let span = parameters.span
        let steps = parameters.steps
        guard count >= parameters.requiredLength else { throw .seriesTooShort(length: count, required: parameters.requiredLength) }
        workspace.prepare(length: count, steps: steps)
        let rescaled = workspace.values
        for index in 0..<count {
            rescaled[index] = Arithmetic.rescale(series[index], minimum: minimum, interval: interval)
        }
        let candidates = count - span - steps
        let references = candidates - parameters.theilerWindow
        guard references > 0 else { return [] }

        var epsilon: Double
        switch parameters.initialEpsilon {
        case .defaultFraction: epsilon = 1e-3
        case let .dataUnits(radius): epsilon = Double(Wide(radius) / Wide(interval))
        }
        sortCandidates(candidates, workspace: workspace)
        try search(candidates: candidates, references: references, epsilon: &epsilon,
                   workspace: workspace, onPass: onPass)
        var rows: [DivergenceRow] = []
        rows.reserveCapacity(steps + 1)
        for iteration in 0...steps where workspace.found[iteration] > 0 {
            rows.append(DivergenceRow(iteration: iteration,
                                      value: Arithmetic.mean(workspace.sums[iteration], count: workspace.found[iteration])))
        }
        return rows
    }

    /// Orders the candidates by first coordinate, ties by last coordinate, and
    /// records each one's position and the run of equal first coordinates it is in.
    /// With several threads and many candidates, two halves are sorted side by
    /// side and merged (`position` serves as the merge buffer before it is filled);
    /// a window's few candidates (≤ 64) are insertion-sorted. Every way is
    /// stable, so ties keep index order and the result is the same.
    private func sortCandidates(_ candidates: Int, workspace: LyapunovWorkspace) {
        let values = workspace.values
        let span = parameters.span
        let order = UnsafeMutableBufferPointer(start: workspace.order, count: candidates)
        for index in 0..<candidates { order[index] = Int32(truncatingIfNeeded: index) }
        let precedes = { (a: Int32, b: Int32) -> Bool in
            let (x, y) = (values[Int(a)], values[Int(b)])
            return x < y || (x == y && values[Int(a) + span] < values[Int(b) + span])
        }
        if threads > 1, candidates >= Self.blockSize * 2 {
            let middle = candidates / 2
            ParallelLoop.run(2) { half in
                var part = UnsafeMutableBufferPointer(rebasing: half == 0 ? order[..<middle] : order[middle...])
                part.sort(by: precedes)
            }
            let merged = workspace.position
            var (left, right, next) = (0, middle, 0)
            while left < middle, right < candidates {
                if precedes(order[right], order[left]) {
                    merged[next] = order[right]
                    right += 1
                } else {
                    merged[next] = order[left]
                    left += 1
                }
                next += 1
            }
            if left < middle {
                (merged + next).update(from: order.baseAddress! + left, count: middle - left)
            } else {
                (merged + next).update(from: order.baseAddress! + right, count: candidates - right)
            }
            order.baseAddress!.update(from: merged, count: candidates)
        } else if candidates <= 64 {
            for next in 1..<max(candidates, 1) {
                let item = order[next]
                var slot = next
                while slot > 0, precedes(item, order[slot - 1]) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = item
            }
        } else {
            var all = order
            all.sort(by: precedes)
        }
        var start = 0
        while start < candidates {
            var end = start + 1
            while end < candidates, values[Int(order[end])] == values[Int(order[start])] { end += 1 }
            for slot in start..<end {
                workspace.runStart[slot] = Int32(truncatingIfNeeded: start)
                workspace.runEnd[slot] = Int32(truncatingIfNeeded: end)
            }
            start = end
        }
        for (rank, candidate) in order.enumerated() {
            workspace.position[Int(candidate)] = Int32(truncatingIfNeeded: rank)
            workspace.orderedValues[rank] = values[Int(candidate)]
            workspace.orderedLast[rank] = values[Int(candidate) + span]
        }
    }

    /// Runs the epsilon passes until every reference point is done. A pass
    /// visits only the points still pending (kept in ascending order, so the
    /// contributions are added in the same order as a scan of every point),
    /// and with several threads fills its grid cells in parallel blocks.
    private func search(candidates: Int, references: Int, epsilon: inout Double, workspace: LyapunovWorkspace,
                        onPass: ((Double, Int, Int) -> Void)?) throws(LyapunovError) {
        let values = UnsafePointer(workspace.values)
        let cell = workspace.valueCell
        let pending = workspace.pending
        for point in 0..<references { pending[point] = Int32(truncatingIfNeeded: point) }
        var undone = references
        let blocks = threads > 1 && references > Self.blockSize / 2 ? ParallelBlocks(engine: self) : nil
        let cells = candidates + parameters.span
        let cellBlocks = threads > 1 && cells > Self.blockSize ? (cells + Self.blockSize - 1) / Self.blockSize : 1
        while undone > 0 {
            let epsilonSquared = Wide(epsilon) * Wide(epsilon)
            let reciprocal = Wide(Double(1 / Wide(epsilon)))
            let fill = { (first: Int, end: Int) in
                for index in first..<end { cell[index] = boxCell(values[index], reciprocalEpsilon: reciprocal) }
            }
            if cellBlocks > 1 {
                ParallelLoop.forEachIndex(cellBlocks, workers: threads) { _, block in
                    fill(block * Self.blockSize, min(cells, (block + 1) * Self.blockSize))
                }
            } else {
                fill(0, cells)
            }
            if let blocks {
                undone = blocks.pass(pending: undone, candidates: candidates, epsilonSquared: epsilonSquared, workspace: workspace)
            } else {
                var kept = 0
                for slot in 0..<undone {
                    let point = Int(pending[slot])
                    guard let neighbour = nearest(point: point, candidates: candidates, workspace: workspace,
                                                  epsilonSquared: epsilonSquared) else {
                        pending[kept] = pending[slot]
                        kept += 1
                        continue
                    }
                    if neighbour >= 0 { accumulate(point: point, neighbour: neighbour, workspace: workspace) }
                }
                undone = kept
            }
            onPass?(epsilon, references - undone, references)
            if undone > 0, epsilon == 0 || !(epsilonSquared <= Wide(parameters.dimension)) {
                throw .noNeighbour(referencePoint: Int(pending[0]), epsilon: epsilon)
            }
            epsilon = Double(Wide(epsilon) * Wide(1.1 as Double))
        }
    }

    /// The best candidate found so far and whether any candidate was accepted.
    private struct Best {
        var distance: Wide = 1
        var rank: UInt64 = .max
        var index = -1
        var accepted = false
    }

    /// The reference's neighbour of `point` in this pass.
    ///
    /// Returns nil when no candidate is accepted (the point stays undone), −1 when
    /// only exact duplicates are (done, no contribution), else the kept neighbour.
    ///
    /// Sweeps the candidates outward by first coordinate, a run of equal first
    /// coordinates at a time; within a run (sorted by last coordinate) it
    /// starts next to the point's own last coordinate and goes outward while
    /// first term + last term — a lower bound of the rounded distance, whose
    /// partial sums never decrease — can still be accepted and win, so tie-heavy
    /// series do not degrade to a scan of every tied candidate. With one
    /// coordinate (m = 1) the first term is the whole distance and runs are
    /// scanned whole. The visiting order changes nothing: the kept candidate
    /// is the minimum of (distance, visiting rank).
    @inline(__always)
    fileprivate func nearest(point: Int, candidates: Int, workspace: LyapunovWorkspace, epsilonSquared: Wide) -> Int? {
        let ordered = workspace.orderedValues
        let origin = Int(workspace.position[point])
        let first = Wide(workspace.values[point])
        let last = Wide(workspace.values[point + parameters.span])
        let pairs = parameters.span > 0
        var best = Best()
        let ownStart = Int(workspace.runStart[origin])
        let ownEnd = Int(workspace.runEnd[origin])
        let runLast = pairs ? last : nil
        sweepRun(from: origin + 1, stop: ownEnd, step: 1, term: 0, last: runLast, point: point, epsilonSquared: epsilonSquared,
                 workspace: workspace, best: &best)
        sweepRun(from: origin - 1, stop: ownStart - 1, step: -1, term: 0, last: runLast, point: point, epsilonSquared: epsilonSquared,
                 workspace: workspace, best: &best)
        var start = ownEnd
        while start < candidates {
            let difference = Wide(ordered[start]) - first
            let term = difference * difference
            if term > epsilonSquared || term > best.distance { break }
            let end = Int(workspace.runEnd[start])
            visitRun(start, end, term: term, last: runLast, point: point, epsilonSquared: epsilonSquared, workspace: workspace, best: &best)
            start = end
        }
        var end = ownStart
        while end > 0 {
            let difference = Wide(ordered[end - 1]) - first
            let term = difference * difference
            if term > epsilonSquared || term > best.distance { break }
            let start = Int(workspace.runStart[end - 1])
            visitRun(start, end, term: term, last: runLast, point: point, epsilonSquared: epsilonSquared, workspace: workspace, best: &best)
            end = start
        }
        return best.accepted ? best.index : nil
    }

    /// Visits the run `[start, end)` of another first coordinate: outward from
    /// where `last` would sit in it (whole, when `last` is nil); a run of one
    /// candidate, the common case, is considered directly.
    @inline(__always)
    private func visitRun(_ start: Int, _ end: Int, term: Wide, last: Wide?, point: Int, epsilonSquared: Wide,
                          workspace: LyapunovWorkspace, best: inout Best) {
        if end - start == 1 {
            consider(Int(workspace.order[start]), for: point, epsilonSquared: epsilonSquared, workspace: workspace, best: &best)
            return
        }
        var pivot = start
        if let last {
            let values = workspace.orderedLast
            var high = end
            while pivot < high {
                let middle = (pivot + high) / 2
                if Wide(values[middle]) < last { pivot = middle + 1 } else { high = middle }
            }
        }
        sweepRun(from: pivot, stop: end, step: 1, term: term, last: last, point: point, epsilonSquared: epsilonSquared,
                 workspace: workspace, best: &best)
        sweepRun(from: pivot - 1, stop: start - 1, step: -1, term: term, last: last, point: point, epsilonSquared: epsilonSquared,
                 workspace: workspace, best: &best)
    }

    /// Considers the slots from `from` towards `stop` (excluded), `step` at a
    /// time, while their lower bound first term + last term can still be
    /// accepted and win (every slot, when `last` is nil).
    @inline(__always)
    private func sweepRun(from: Int, stop: Int, step: Int, term: Wide, last: Wide?, point: Int, epsilonSquared: Wide,
                          workspace: LyapunovWorkspace, best: inout Best) {
        var slot = from
        while slot != stop {
            if let last {
                let difference = Wide(workspace.orderedLast[slot]) - last
                let bound = term + difference * difference
                if bound > epsilonSquared || bound > best.distance { return }
            }
            consider(Int(workspace.order[slot]), for: point, epsilonSquared: epsilonSquared, workspace: workspace, best: &best)
            slot += step
        }
    }

    /// Tests one candidate as the reference would, and keeps it if it beats `best`
    /// in (distance, visiting rank).
    @inline(__always)
    private func consider(_ candidate: Int, for point: Int, epsilonSquared: Wide, workspace: LyapunovWorkspace,
                          best: inout Best) {
        guard abs(point - candidate) > parameters.theilerWindow else { return }
        let cell = workspace.valueCell
        let span = parameters.span
        let firstOffset = (Int(cell[candidate]) &- Int(cell[point]) &+ 1) & 255
        let lastOffset = (Int(cell[candidate + span]) &- Int(cell[point + span]) &+ 1) & 255
        guard firstOffset < 3, lastOffset < 3 else { return }
        let distance = squaredDistance(point, candidate, values: workspace.values, stoppingAbove: epsilonSquared)
        guard !(distance > epsilonSquared), distance < 1 else { return }
        best.accepted = true
        guard distance > 0 else { return }
        let rank = UInt64(firstOffset * 3 + lastOffset) << 32 | UInt64(UInt32.max - UInt32(truncatingIfNeeded: candidate))
        if distance < best.distance || (distance == best.distance && rank < best.rank) {
            best.distance = distance
            best.rank = rank
            best.index = candidate
        }
    }

    /// Adds ln(squared distance) of points `point + i` and `neighbour + i`, i = 0 … steps.
    @inline(__always)
    private func accumulate(point: Int, neighbour: Int, workspace: LyapunovWorkspace) {
        for iteration in 0...parameters.steps {
            let distance = squaredDistance(point + iteration, neighbour + iteration, values: workspace.values)
            if distance > 0 { record(Arithmetic.logarithm(distance), iteration: iteration, workspace: workspace) }
        }
    }

    /// Counts one more pair at `iteration` and adds its logarithm to that iteration's sum.
    @inline(__always)
    fileprivate func record(_ logarithm: Wide, iteration: Int, workspace: LyapunovWorkspace) {
        workspace.found[iteration] += 1
        workspace.sums[iteration] = Arithmetic.accumulate(workspace.sums[iteration], logarithm)
    }

    /// The squared distance of the delay vectors starting at `a` and `b`,
    /// summed coordinate by coordinate; once a partial sum exceeds `limit`, that
    /// partial sum (the reference's early exit).
    @inline(__always)
    private func squaredDistance(_ a: Int, _ b: Int, values: UnsafeMutablePointer<Double>,
                                 stoppingAbove limit: Wide = .infinity) -> Wide {
        var distance: Wide = 0
        var a = a
        var b = b
        for _ in 0..<parameters.dimension {
            let difference = Wide(values[a]) - Wide(values[b])
            distance += difference * difference
            if distance > limit { return distance }
            a += parameters.delay
            b += parameters.delay
        }
        return distance
    }

    /// The parallel form of a pass: per block, the searches and logarithms on
    /// `threads` threads into per-point slots, then the sums in point order.
    private final class ParallelBlocks {
        let engine: RosensteinDivergence
        /// Per point of the block: −2 not done this pass, −1 done without a contribution, else done.
        let outcome: UnsafeMutablePointer<Int>
        /// Per point of the block, `steps + 1` logarithms (NaN where the distance is 0).
        let logarithms: UnsafeMutablePointer<Wide>

        init(engine: RosensteinDivergence) {
            self.engine = engine
            outcome = .allocate(capacity: RosensteinDivergence.blockSize)
            logarithms = .allocate(capacity: RosensteinDivergence.blockSize * (engine.parameters.steps + 1))
        }

        deinit {
            outcome.deallocate()
            logarithms.deallocate()
        }

        /// Runs one pass over the first `pending` points of `workspace.pending`;
        /// keeps those still without a neighbour there, in order, and returns their number.
        func pass(pending: Int, candidates: Int, epsilonSquared: Wide, workspace: LyapunovWorkspace) -> Int {
            let rows = engine.parameters.steps + 1
            let points = workspace.pending
            var kept = 0
            var blockStart = 0
            while blockStart < pending {
                let count = min(RosensteinDivergence.blockSize, pending - blockStart)
                let first = blockStart
                ParallelLoop.forEachIndex(count, workers: engine.threads, chunk: 64) { _, offset in
                    let point = Int(points[first + offset])
                    self.outcome[offset] = -2
                    guard let neighbour = self.engine.nearest(point: point, candidates: candidates, workspace: workspace,
                                                              epsilonSquared: epsilonSquared) else { return }
                    self.outcome[offset] = neighbour
                    guard neighbour >= 0 else { return }
                    for iteration in 0..<rows {
                        let distance = self.engine.squaredDistance(point + iteration, neighbour + iteration, values: workspace.values)
                        self.logarithms[offset * rows + iteration] = distance > 0 ? Arithmetic.logarithm(distance) : .nan
                    }
                }
                for offset in 0..<count {
                    guard outcome[offset] != -2 else {
                        points[kept] = points[first + offset]
                        kept += 1
                        continue
                    }
                    guard outcome[offset] >= 0 else { continue }
                    for iteration in 0..<rows where !logarithms[offset * rows + iteration].isNaN {
                        engine.record(logarithms[offset * rows + iteration], iteration: iteration, workspace: workspace)
                    }
                }
                blockStart += count
            }
            return kept
        }
    }
}
