/// Prefix sums of lagged products of two series, so that any sum
/// Σ_{s=a}^{b−1} u[s]·v[s+d] over a lag matrix's rows costs two lookups.
///
/// `sums[d + offset][m]` = Σ_{s<m} u[s]·v[s+d], terms with s+d outside the
/// series counted as 0. Used to build XᵀX of the Granger designs in O(1) per entry.
struct LaggedProducts {
    let offset: Int
    let sums: [[Double]]

    /// Products for offsets d in `offsets`.
    init(_ u: [Double], _ v: [Double], offsets: ClosedRange<Int>) {
        offset = -offsets.lowerBound
        let count = u.count
        sums = offsets.map { d in
            var prefix = [Double](repeating: 0, count: count + 1)
            var total = 0.0
            for s in 0..<count {
                let j = s + d
                if j >= 0, j < count { total += u[s] * v[j] }
                prefix[s + 1] = total
            }
            return prefix
        }
    }

    /// Σ_{s=from}^{to−1} u[s]·v[s+d].
    @inline(__always)
    func sum(offset d: Int, from: Int, to: Int) -> Double {
        let prefix = sums[d + offset]
        return prefix[to] - prefix[from]
    }
}

/// Prefix sums of one series, and for each index the next index holding a
/// different value (so "is this slice constant" costs one lookup).
struct SeriesProfile {
    let prefix: [Double]
    let nextChange: [Int]

    init(_ x: [Double]) {
        var prefix = [Double](repeating: 0, count: x.count + 1)
        for i in 0..<x.count { prefix[i + 1] = prefix[i] + x[i] }
        self.prefix = prefix
        var next = [Int](repeating: x.count, count: x.count)
        if x.count > 1 {
            for i in stride(from: x.count - 2, through: 0, by: -1) {
                next[i] = x[i + 1] != x[i] ? i + 1 : next[i + 1]
            }
        }
        nextChange = next
    }

    /// Σ x[from..<to].
    @inline(__always)
    func sum(from: Int, to: Int) -> Double { prefix[to] - prefix[from] }

    /// Whether x[from..<to] holds a single value.
    @inline(__always)
    func isConstant(from: Int, to: Int) -> Bool { from >= to || nextChange[from] >= to }
}
