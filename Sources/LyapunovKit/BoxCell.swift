/// The grid coordinate of one rescaled value: `Int(v * (1/eps)) & 255`, the
/// product formed in `Product` (`Double` for the x86-64 build; `Float80` for
/// the 32-bit build, whose x87 unit converts the 80-bit product to an integer
/// without rounding it to double first). The caller passes 1/eps as the
/// reference stores it (a double; formed in 80 bits by the 32-bit build).
///
/// Mirrors TISEAN's box assignment, including the C conversion of an
/// out-of-range product to `int` on x86 (the "integer indefinite" value
/// 0x80000000, whose low eight bits are 0), so tiny epsilons wrap exactly as
/// the reference's grid does.
///
/// Edge cases: NaN and products outside the 32-bit range give cell 0.
@inline(__always)
package func boxCell<Product: BinaryFloatingPoint>(_ value: Double, reciprocalEpsilon: Product) -> UInt8 {
    let product = Product(value) * reciprocalEpsilon
    guard product > -2_147_483_649.0, product < 2_147_483_648.0 else { return 0 }
    // The concrete conversions are one machine instruction; the generic
    // `Int32(_: some BinaryFloatingPoint)` is a slow bit-level algorithm.
    let integer: Int32
    switch product {
    case let product as Double: integer = Int32(product)
    #if arch(x86_64) || arch(i386)
    case let product as Float80: integer = Int32(product)
    #endif
    default: integer = Int32(product)
    }
    return UInt8(truncatingIfNeeded: integer)
}
