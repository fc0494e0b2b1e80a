/// Doubles at and next to every boundary of the six-decimal quantisation:
/// binary ties of x·10⁶ and their neighbours, zeros of both signs,
/// subnormals, the 2⁵² limit of the integer route, non-finite values, random
/// bit patterns and random values of six magnitudes.
public enum DecimalBoundaryValues {
    /// At least `count` values from `seed`.
    public static func values(count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        var values: [Double] = [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .nan, .infinity, -.infinity,
                                0x1p52 / 1e6, (0x1p52 / 1e6).nextUp, (0x1p52 / 1e6).nextDown, -0x1p52 / 1e6, 5e-7, -5e-7, 4.9999999999999996e-7]
        values.reserveCapacity(count + 3)
        while values.count < count {
            let k = Double(Int64(bitPattern: generator.next()) % 1_000_000_000)
            var x = (k + 0.5) / 1e6
            for _ in 0..<Int(generator.next() % 4) { x = generator.next() % 2 == 0 ? x.nextUp : x.nextDown }
            values.append(x)
            values.append(Double(bitPattern: generator.next()))
            values.append((Double(generator.next() >> 11) / Double(1 << 53) - 0.5) * [1e-9, 1e-6, 1e-3, 1, 1e3, 1e9][Int(generator.next() % 6)])
        }
        return values
    }
}
