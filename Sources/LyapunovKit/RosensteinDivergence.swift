/// The box-assisted Rosenstein et al. (1993) divergence curve, exactly as
/// TISEAN 3.0.0 `lyap_r` computes it, generic over where rounding happens.
///
/// The observable behaviour reproduced here (see the lyap_r spec):
/// - candidates are points 0 … N−D−S−1, reference points 0 … N−D−S−1−T;
/// - each pass sorts the candidates into a wrapping 256 × 256 grid of the first
///   and last delay coordinates, each cell listing its points in descending index;
/// - each reference point not yet done visits the 3 × 3 cells around its own
///   (first coordinate outer, second inner, each from −1 to +1), tests candidates
///   outside the Theiler window with an early-exit squared distance against eps²,
///   and keeps the first strictly closer one below the running best (which starts
///   at 1.0); a point with any accepted candidate is done, and contributes only if
///   its best distance is positive;
/// - contributions are summed in the order points become done;
/// - eps grows by repeated multiplication by 1.1 until every point is done.
///
/// Edge cases: where the reference loops forever (some point has no acceptable
/// neighbour at any eps) this throws `noNeighbour` as soon as a pass with
/// eps² > dimension — after which no pass can change anything — leaves a point
/// undone; likewise for an eps that cannot grow (0 or NaN).
///
/// Postconditions: rows are in ascending iteration, one per iteration with at
/// least one positive distance.
struct RosensteinDivergence<Arithmetic: LyapunovArithmetic> {
    typealias Wide = Arithmetic.Wide

    let parameters: LyapunovParameters

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
        let interval = maximum - minimum
        guard interval != 0 else { throw .constantSeries(minimum: minimum, maximum: maximum) }

        let span = parameters.span
        let steps = parameters.steps
        guard count >= span + steps else { throw .seriesTooShort(length: count, required: span + steps) }
        workspace.prepare(length: count, steps: steps)
        for index in 0..<count {
            workspace.values[index] = Arithmetic.rescale(series[index], minimum: minimum, interval: interval)
        }
        let candidates = count - span - steps
        let references = candidates - parameters.theilerWindow
        guard references > 0 else { return [] }

        var epsilon: Double
        switch parameters.initialEpsilon {
        case .defaultFraction: epsilon = 1e-3
        case let .dataUnits(radius): epsilon = radius / interval
        }
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

    /// Runs the epsilon passes until every reference point is done.
    private func search(candidates: Int, references: Int, epsilon: inout Double, workspace: LyapunovWorkspace,
                        onPass: ((Double, Int, Int) -> Void)?) throws(LyapunovError) {
        let span = parameters.span
        let dimension = parameters.dimension
        let delay = parameters.delay
        let steps = parameters.steps
        for index in 0..<references { workspace.done[index] = false }
        var undone = references

        try workspace.values.withUnsafeBufferPointer { values throws(LyapunovError) in
            try workspace.head.withUnsafeMutableBufferPointer { head throws(LyapunovError) in
                try workspace.next.withUnsafeMutableBufferPointer { next throws(LyapunovError) in
                    try workspace.valueCell.withUnsafeMutableBufferPointer { cell throws(LyapunovError) in
                        try workspace.done.withUnsafeMutableBufferPointer { done throws(LyapunovError) in
                            while undone > 0 {
                                let epsilonSquared = Wide(epsilon) * Wide(epsilon)
                                let reciprocal = 1.0 / epsilon
                                for index in 0..<(candidates + span) {
                                    cell[index] = boxCell(values[index], reciprocalEpsilon: reciprocal)
                                }
                                for index in 0..<candidates {
                                    let box = Int(cell[index]) << 8 | Int(cell[index + span])
                                    next[index] = head[box]
                                    head[box] = Int32(index)
                                }
                                for point in 0..<references where !done[point] {
                                    guard let neighbour = nearest(point: point, values: values, head: head, next: next,
                                                                  cell: cell, epsilonSquared: epsilonSquared) else { continue }
                                    done[point] = true
                                    undone -= 1
                                    if neighbour >= 0 {
                                        accumulate(point: point, neighbour: neighbour, values: values,
                                                   dimension: dimension, delay: delay, steps: steps, workspace: workspace)
                                    }
                                }
                                for index in 0..<candidates {
                                    head[Int(cell[index]) << 8 | Int(cell[index + span])] = -1
                                }
                                onPass?(epsilon, references - undone, references)
                                if undone > 0, epsilon == 0 || !(epsilonSquared <= Wide(dimension)) {
                                    let stuck = (0..<references).first { !done[$0] } ?? 0
                                    throw .noNeighbour(referencePoint: stuck, epsilon: epsilon)
                                }
                                epsilon = epsilon * 1.1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Searches the 3 × 3 cells around `point`.
    ///
    /// Returns nil when no candidate was accepted (the point stays undone), −1 when
    /// only exact duplicates were (done, no contribution), else the kept neighbour.
    @inline(__always)
    private func nearest(point: Int, values: UnsafeBufferPointer<Double>, head: UnsafeMutableBufferPointer<Int32>,
                         next: UnsafeMutableBufferPointer<Int32>, cell: UnsafeMutableBufferPointer<UInt8>,
                         epsilonSquared: Wide) -> Int? {
        let dimension = parameters.dimension
        let delay = parameters.delay
        let theiler = parameters.theilerWindow
        let first = Int(cell[point])
        let last = Int(cell[point + parameters.span])
        var best: Wide = 1
        var bestIndex = -1
        var accepted = false
        for firstOffset in -1...1 {
            let row = ((first + firstOffset) & 255) << 8
            for lastOffset in -1...1 {
                var candidate = Int(head[row | ((last + lastOffset) & 255)])
                while candidate >= 0 {
                    defer { candidate = Int(next[candidate]) }
                    guard abs(point - candidate) > theiler else { continue }
                    var distance: Wide = 0
                    var within = true
                    var a = point
                    var b = candidate
                    for _ in 0..<dimension {
                        let difference = Wide(values[a]) - Wide(values[b])
                        distance += difference * difference
                        if distance > epsilonSquared {
                            within = false
                            break
                        }
                        a += delay
                        b += delay
                    }
                    if within, distance < best {
                        accepted = true
                        if distance > 0 {
                            best = distance
                            bestIndex = candidate
                        }
                    }
                }
            }
        }
        return accepted ? bestIndex : nil
    }

    /// Adds ln(squared distance) of points `point + i` and `neighbour + i`, i = 0 … steps.
    @inline(__always)
    private func accumulate(point: Int, neighbour: Int, values: UnsafeBufferPointer<Double>, dimension: Int,
                            delay: Int, steps: Int, workspace: LyapunovWorkspace) {
        for iteration in 0...steps {
            var distance: Wide = 0
            var a = point + iteration
            var b = neighbour + iteration
            for _ in 0..<dimension {
                let difference = Wide(values[a]) - Wide(values[b])
                distance += difference * difference
                a += delay
                b += delay
            }
            if distance > 0 {
                workspace.found[iteration] += 1
                workspace.sums[iteration] = Arithmetic.accumulate(workspace.sums[iteration], Arithmetic.logarithm(distance))
            }
        }
    }
}
