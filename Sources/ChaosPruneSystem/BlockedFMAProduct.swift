import CFloatKernels

/// A float32 matrix product accumulated by fused multiply-adds in depth
/// blocks: c[i][j] = initial[j] (or 0) + Σ over blocks of (Σₖ a[i][k]·b[k][j],
/// each term added by one fma from 0, k in order).
///
/// Runs the processor's FMA instructions (AVX2 and FMA3, eight columns at a
/// time) when it has them, chosen once when the program loads, and the C
/// library's `fmaf` otherwise. Every fma rounds once, so both give the same
/// bits.
///
/// Edge cases: a depth of 0 leaves the initial values (or zeros).
public enum BlockedFMAProduct {
    /// Whether the processor's FMA instructions are in use.
    public static var usesHardwareFMA: Bool { cfk_uses_hardware_fma() != 0 }

    /// c = initial + a·b for `rows` × `depth` times `depth` × `width`, the depth in blocks of `block`.
    ///
    /// `a[i][k]` is `a[i·rowStride + k·depthStride]`; `b` is depth × width and
    /// `c` rows × width, both row-major; `initial` holds `width` values or is nil.
    @inlinable
    public static func multiply(rows: Int, depth: Int, width: Int, block: Int, a: UnsafePointer<Float>, rowStride: Int, depthStride: Int,
                                b: UnsafePointer<Float>, initial: UnsafePointer<Float>?, into c: UnsafeMutablePointer<Float>) {
        cfk_blocked_product(rows, depth, width, block, a, rowStride, depthStride, b, initial, c)
    }
}
