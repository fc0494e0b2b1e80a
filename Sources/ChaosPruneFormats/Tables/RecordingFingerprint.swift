/// What identifies a recording's content cheaply: the CRC-32 of its first
/// and of its last row as stored (a CSV line without its line end, or a
/// `.npy` row's bytes), written `crc32:FIRST/LAST` in eight hexadecimal digits each.
///
/// A window_LE sidecar records it beside the source's name and size, so
/// `merge` can tell shards of one recording from shards of another of the
/// same shape (another trial's weights differ in their first row already,
/// since each trial starts from its own initialisation, and in their last).
public struct RecordingFingerprint: Sendable, Equatable {
    /// The first row's checksum.
    public var first: UInt32
    /// The last row's checksum.
    public var last: UInt32

    /// The fingerprint of rows whose first and last checksums are given.
    public init(first: UInt32, last: UInt32) {
        self.first = first
        self.last = last
    }

    /// The checksum of one stored row.
    static func checksum(_ row: some Sequence<UInt8>) -> UInt32 { CRC32.checksum(row) }

    /// `crc32:FIRST/LAST`.
    public var text: String { "crc32:" + Self.hex(first) + "/" + Self.hex(last) }

    /// The fingerprint `text` spells, nil for any other text.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "crc32" else { return nil }
        let rows = parts[1].split(separator: "/", omittingEmptySubsequences: false)
        guard rows.count == 2, rows.allSatisfy({ $0.count == 8 && $0.allSatisfy(\.isHexDigit) }),
              let first = UInt32(rows[0], radix: 16), let last = UInt32(rows[1], radix: 16) else { return nil }
        self.init(first: first, last: last)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
