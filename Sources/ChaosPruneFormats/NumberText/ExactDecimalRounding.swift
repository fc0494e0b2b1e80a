/// Rounds the exact product x·scale to an integer, ties to even — the digit
/// choice the C library makes when it prints x with a fixed number of digits.
///
/// With p = x·scale rounded and e = fma(x, scale, −p) its exact error
/// (`Augmented.product` in swift-numerics), the exact product is p + e; since
/// d = p − round(p) is exact and |e| ≤ ulp(p)/2, only |d| = 1/2 needs e to decide.
///
/// Edge cases: nil when |p| ≥ 2⁵², when x or p is not finite, or when `scale`
/// is not exact (the caller then falls back to the C library).
///
/// Postconditions: the result is an integer-valued double k with
/// |k − x·scale| ≤ 1/2 exactly, and k even when equality holds.
@inline(__always)
func roundedExactProduct(_ x: Double, _ scale: Double) -> Double? {
    let p = x * scale
    guard abs(p) < 0x1p52 else { return nil }
    let e = (-p).addingProduct(x, scale)
    let n = p.rounded(.toNearestOrEven)
    let d = p - n
    if d == 0.5, e > 0 { return n + 1 }
    if d == -0.5, e < 0 { return n - 1 }
    return n
}

/// 10⁰ … 10²², each exact in a double.
let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// Whether x ≥ 10^q exactly, for −22 ≤ q ≤ 22 and x ≥ 0: for q < 0 the
/// product x·10^−q is compared with 1, its rounding error deciding equality.
@inline(__always)
func isAtLeastPowerOfTen(_ x: Double, _ q: Int) -> Bool {
    if q >= 0 { return x >= exactPowersOfTen[q] }
    let scale = exactPowersOfTen[-q]
    let p = x * scale
    if p != 1 { return p > 1 }
    return (-p).addingProduct(x, scale) >= 0
}
