/// The grid coordinate of one rescaled value: `Int(v * (1/eps)) & 255`.
///
/// Mirrors TISEAN's box assignment, including the C conversion of an
/// out-of-range product to `int` on x86 (the "integer indefinite" value
/// 0x80000000, whose low eight bits are 0), so tiny epsilons wrap exactly as
/// the reference's grid does.
///
/// Edge cases: NaN and products outside the 32-bit range give cell 0.
@inline(__always)
func boxCell(_ value: Double, reciprocalEpsilon: Double) -> UInt8 {
    let product = value * reciprocalEpsilon
    guard product > -2_147_483_649.0, product < 2_147_483_648.0 else { return 0 }
    return UInt8(truncatingIfNeeded: Int32(product))
}
