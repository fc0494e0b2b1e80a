/// torch's CPU generator as the MNIST scripts consume it: MT19937 seeded
/// with `manual_seed(K)`, 32-bit outputs, `random64` as two of them, and the
/// shuffled DataLoader's permutation.
///
/// Mirrors: `random64` = (first output << 32) | second; a shuffled loader
/// seeds a fresh MT19937 with the low 32 bits of a `random64` and builds
/// its permutation by, for i = 0 … n−2, swapping i with i + (next32 mod (n−i)).
///
/// Postconditions: seed 1 gives 1791095845, 4282876139, 3093770124, …
public struct TorchGenerator: Sendable {
    private var twister: MersenneTwister

    /// The generator after `torch.manual_seed(seed)` (seed mod 2³²).
    public init(seed: UInt32) { twister = MersenneTwister(seed: seed) }

    /// One 32-bit output.
    public mutating func next32() -> UInt32 { twister.next() }

    /// Two outputs, the first the high word.
    public mutating func random64() -> UInt64 {
        let high = UInt64(next32())
        return high << 32 | UInt64(next32())
    }

    /// Skips `count` outputs.
    public mutating func skip(_ count: Int) {
        for _ in 0..<count { _ = next32() }
    }

    /// What one pass over a DataLoader takes: its iterator's unused base seed
    /// and, for a shuffled loader, the permutation of `count` samples (nil for
    /// a sequential one).
    public mutating func loaderPass(shuffled count: Int?) -> [Int]? {
        _ = random64()
        guard let count else { return nil }
        let seed = UInt32(truncatingIfNeeded: random64())
        return Self.permutation(count, seed: seed)
    }

    /// `randperm(count)` from a fresh MT19937 seeded with `seed`.
    public static func permutation(_ count: Int, seed: UInt32) -> [Int] {
        var generator = MersenneTwister(seed: seed)
        var order = Array(0..<count)
        guard count > 1 else { return order }
        for i in 0..<(count - 1) {
            let z = Int(generator.next() % UInt32(truncatingIfNeeded: count - i))
            order.swapAt(i, i + z)
        }
        return order
    }
}
