/// Shard K of N of a recording's weights, for a job array: the weights
/// ⌊(K−1)·W/N⌋+1 … ⌊K·W/N⌋ of a recording of W weights, so N shards cover
/// every weight once, in order, with sizes differing by at most one.
///
/// Edge cases: when N > W some shards hold no weight; `le-window` then
/// writes nothing and says so (exit 0), and `merge` never misses them.
public struct WindowShard: Sendable, Equatable {
    /// K, 1-based.
    public var index: Int
    /// N.
    public var count: Int

    /// Shard `index` (1-based) of `count`; nil unless 1 ≤ index ≤ count ≤ ``mostShards``.
    public init?(index: Int, count: Int) {
        guard 1 <= index, index <= count, count <= Self.mostShards else { return nil }
        self.index = index
        self.count = count
    }

    /// The most shards: 2³¹ − 1, as many as weights can be.
    public static let mostShards = Int(Int32.max)

    /// The shard's weights (0-based, half-open) of a recording of `total` weights; empty when it holds none.
    public func columns(of total: Int) -> Range<Int> {
        ((index - 1) * total / count)..<(index * total / count)
    }

    /// `K/N`.
    public var text: String { "\(index)/\(count)" }

    /// The shard `text` spells as `K/N`, nil for any other text or numbers out of range.
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }
}
