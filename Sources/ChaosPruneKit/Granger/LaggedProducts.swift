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

    /// Products for offsets d in `offsets`; `u` must be finite.
    ///
    /// Four offsets are summed side by side (independent chains), over `v`
    /// padded with zeros: a product outside the series is u[s]·0 = ±0, and
    /// adding ±0 leaves a running sum that started at +0 unchanged, so every
    /// entry has the bits of the plain loop that skips those terms.
    init(_ u: [Double], _ v: [Double], offsets: ClosedRange<Int>) {
        let count = u.count, shift = -offsets.lowerBound, stride = count + 1
        offset = shift
        self.stride = stride
        let before = max(0, -offsets.lowerBound)
        let padded = [Double](repeating: 0, count: before) + v + [Double](repeating: 0, count: max(0, offsets.upperBound))
        sums = [Double](unsafeUninitializedCapacity: offsets.count * stride) { buffer, initialised in
            u.withUnsafeBufferPointer { u in
                padded.withUnsafeBufferPointer { padded in
                    let rows = buffer.baseAddress!, u = u.baseAddress!
                    var d = offsets.lowerBound
                    while d + 3 <= offsets.upperBound {
                        let row = rows + (d + shift) * stride, v = padded.baseAddress! + before + d
                        var t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0
                        row[0] = 0
                        row[stride] = 0
                        row[2 * stride] = 0
                        row[3 * stride] = 0
                        for s in 0..<count {
                            t0 += u[s] * v[s]
                            t1 += u[s] * v[s + 1]
                            t2 += u[s] * v[s + 2]
                            t3 += u[s] * v[s + 3]
                            row[s + 1] = t0
                            row[stride + s + 1] = t1
                            row[2 * stride + s + 1] = t2
                            row[3 * stride + s + 1] = t3
                        }
                        d += 4
                    }
                    while d <= offsets.upperBound {
                        let row = rows + (d + shift) * stride, v = padded.baseAddress! + before + d
                        var total = 0.0
                        row[0] = 0
                        for s in 0..<count {
                            total += u[s] * v[s]
                            row[s + 1] = total
                        }
                        d += 1
                    }
                }
            }
            initialised = offsets.count * stride
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
