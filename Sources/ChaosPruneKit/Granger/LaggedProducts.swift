/// Prefix sums of lagged products of two series, so that any sum
/// Σ_{s=a}^{b−1} u[s]·v[s+d] over a lag matrix's rows costs two lookups.
///
/// `sums[d + offset][m]` = Σ_{s<m} u[s]·v[s+d], terms with s+d outside the
/// series counted as 0. Used to build XᵀX of the Granger designs in O(1) per entry.
struct LaggedProducts {
    let offset: Int
    /// One prefix-sum row of `stride` entries per offset, row after row.
    let sums: [Double]
    let stride: Int

    /// Products for offsets d in `offsets`.
    init(_ u: [Double], _ v: [Double], offsets: ClosedRange<Int>) {
        offset = -offsets.lowerBound
        let count = u.count
        stride = count + 1
        sums = [Double](unsafeUninitializedCapacity: offsets.count * (count + 1)) { buffer, initialised in
            var row = 0
            for d in offsets {
                var total = 0.0
                buffer[row] = 0
                for s in 0..<count {
                    let j = s + d
                    if j >= 0, j < count { total += u[s] * v[j] }
                    buffer[row + s + 1] = total
                }
                row += count + 1
            }
            initialised = offsets.count * (count + 1)
        }
    }

    /// Σ_{s=from}^{to−1} u[s]·v[s+d].
    @inline(__always)
    func sum(offset d: Int, from: Int, to: Int) -> Double {
        let row = (d + offset) * stride
        return sums[row + to] - sums[row + from]
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
