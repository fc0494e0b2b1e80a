/// numpy's legacy random generator (`np.random.seed`, `shuffle`,
/// `permutation`): the 32-bit Mersenne Twister MT19937 and numpy's bounded
/// draw by masked rejection.
///
/// Mirrors: `init_genrand` seeding, `genrand_int32` with in-place
/// regeneration and tempering, `interval(max)` (mask to the next power of two
/// minus one, redraw until ≤ max, no draw for max = 0), and the shuffle that
/// swaps row i with row interval(i) for i = n−1 down to 1.
///
/// Postconditions: seed 42 gives 1608637542, 3421126067, 4083286876, … and
/// `permutation(10)` = 8 1 5 0 7 2 9 4 3 6, as numpy does.
public struct MersenneTwister: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var position = 624

    /// The generator after `np.random.seed(seed)`.
    public init(seed: UInt32) {
        state[0] = seed
        for index in 1..<624 {
            let previous = state[index - 1]
            state[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
        }
    }

    /// One 32-bit output (`genrand_int32`).
    public mutating func next() -> UInt32 {
        if position >= 624 {
            for k in 0..<624 {
                let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7fff_ffff)
                state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 1 ? 0x9908_b0df : 0)
            }
            position = 0
        }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A uniform integer in 0 … `maximum` (numpy's `interval`).
    public mutating func interval(_ maximum: UInt32) -> UInt32 {
        guard maximum > 0 else { return 0 }
        var mask = maximum
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let value = next() & mask
            if value <= maximum { return value }
        }
    }

    /// Shuffles `items` in place as `np.random.shuffle` does.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, through: 1, by: -1) {
            let j = Int(interval(UInt32(truncatingIfNeeded: i)))
            if i != j { items.swapAt(i, j) }
        }
    }

    /// `np.random.permutation(n)`: row i of a shuffled array holds original row `permutation[i]`.
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        shuffle(&order)
        return order
    }
}
