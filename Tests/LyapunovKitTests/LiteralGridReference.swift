import Foundation
import LyapunovKit

/// A deliberately literal, slow transcription of the lyap_r spec's algorithm:
/// linked-list 256 × 256 grid, 3 × 3 visiting order, first strictly-better
/// candidate kept. The engine's sorted sweep must agree with it exactly.
enum LiteralGridReference {
    static func divergence(of series: [Double], parameters p: LyapunovParameters) -> [DivergenceRow]? {
        let n = series.count
        guard let minimum = series.min(), let maximum = series.max(), maximum > minimum else { return nil }
        let interval = maximum - minimum
        let x = series.map { ($0 - minimum) / interval }
        let span = p.span
        guard n >= span + p.steps else { return nil }
        let candidates = n - span - p.steps
        let references = candidates - p.theilerWindow
        guard references > 0 else { return [] }
        var epsilon: Double
        switch p.initialEpsilon {
        case .defaultFraction: epsilon = 1e-3
        case let .dataUnits(r): epsilon = r / interval
        }
        var done = [Bool](repeating: false, count: references)
        var found = [Int](repeating: 0, count: p.steps + 1)
        var sums = [Double](repeating: 0, count: p.steps + 1)
        var undone = references
        while undone > 0 {
            guard !(epsilon * epsilon > Double(p.dimension) * 100) else { return nil }
            let epsilonSquared = epsilon * epsilon
            let reciprocal = 1 / epsilon
            var head = [Int](repeating: -1, count: 65536)
            var next = [Int](repeating: -1, count: candidates)
            func box(_ i: Int) -> (Int, Int) {
                (Int(boxCell(x[i], reciprocalEpsilon: reciprocal)), Int(boxCell(x[i + span], reciprocalEpsilon: reciprocal)))
            }
            for i in 0..<candidates {
                let (a, b) = box(i)
                next[i] = head[a * 256 + b]
                head[a * 256 + b] = i
            }
            for point in 0..<references where !done[point] {
                let (a, b) = box(point)
                var best = 1.0
                var bestIndex = -1
                var accepted = false
                for i in (a - 1)...(a + 1) {
                    for j in (b - 1)...(b + 1) {
                        var e = head[(i & 255) * 256 + (j & 255)]
                        while e != -1 {
                            if abs(point - e) > p.theilerWindow {
                                var sum = 0.0
                                var within = true
                                for k in 0..<p.dimension {
                                    let d = x[point + k * p.delay] - x[e + k * p.delay]
                                    sum += d * d
                                    if sum > epsilonSquared { within = false; break }
                                }
                                if within, sum < best {
                                    accepted = true
                                    if sum > 0 { best = sum; bestIndex = e }
                                }
                            }
                            e = next[e]
                        }
                    }
                }
                guard accepted else { continue }
                done[point] = true
                undone -= 1
                guard bestIndex >= 0 else { continue }
                for i in 0...p.steps {
                    var sum = 0.0
                    for k in 0..<p.dimension {
                        let d = x[point + i + k * p.delay] - x[bestIndex + i + k * p.delay]
                        sum += d * d
                    }
                    if sum > 0 {
                        found[i] += 1
                        sums[i] += log(sum)
                    }
                }
            }
            if undone > 0, epsilon.isNaN { return nil } // every later pass repeats this one
            epsilon = epsilon * 1.1
        }
        return (0...p.steps).filter { found[$0] > 0 }.map { DivergenceRow(iteration: $0, value: sums[$0] / Double(found[$0]) / 2) }
    }
}
