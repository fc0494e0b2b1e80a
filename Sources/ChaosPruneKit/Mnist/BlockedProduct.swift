/// A float32 matrix product in the order torch's `addmm`/`mm` computes it on
/// the CPU the MNIST fixtures were made on (MKL): every output element
/// starts from its bias (or 0); the depth is taken in blocks of 192, each
/// summed from 0 by fused multiply-adds in order and then added.
///
/// Mirrors spec mnist.md §9: this order matched MKL bit for bit for depths
/// 784, 50 and 128; sequential sums and other block sizes do not.
///
/// Edge cases: a depth of 0 leaves the initial values.
enum BlockedProduct {
    /// The depth block.
    static let block = 192

    /// c[i][j] = initial[j] (or 0) + Σ over blocks of (Σₖ a[i][k]·b[k][j] by fma), for i < rows, j < width.
    ///
    /// `a[i][k]` is `a[i·rowStride + k·depthStride]`; `b` is depth × width
    /// row-major; `c` is rows × width row-major; `accumulator` holds `width`.
    @inline(__always)
    static func multiply(rows: Int, depth: Int, width: Int, a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
                         b: UnsafePointer<Float>, initial: UnsafePointer<Float>?, into c: UnsafeMutablePointer<Float>,
                         accumulator: UnsafeMutablePointer<Float>) {
        for i in 0..<rows {
            let row = c + i * width
            if let initial { row.update(from: initial, count: width) } else { row.update(repeating: 0, count: width) }
            var start = 0
            while start < depth {
                let end = min(start + block, depth)
                accumulator.update(repeating: 0, count: width)
                for k in start..<end {
                    let factor = a[i * rowStride + k * depthStride]
                    let line = b + k * width
                    for j in 0..<width { accumulator[j] = accumulator[j].addingProduct(factor, line[j]) }
                }
                for j in 0..<width { row[j] += accumulator[j] }
                start = end
            }
        }
    }
}
