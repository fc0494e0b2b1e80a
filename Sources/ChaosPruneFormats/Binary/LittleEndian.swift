/// Unsigned integers stored least significant byte first: the byte order of
/// `.npy` data, pickle arguments, zip headers and torch storages.
enum LittleEndian {
    /// The `width`-byte integer (at most 8) that starts at index `offset` of `bytes`.
    @inline(__always)
    static func value<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: Int, width: Int) -> UInt64 where Bytes.Index == Int {
        var value: UInt64 = 0
        for byte in 0..<width { value |= UInt64(bytes[offset + byte]) << (8 * UInt64(byte)) }
        return value
    }

    /// Appends the low `width` bytes of `value` (at most 8), least significant first.
    @inline(__always)
    static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for byte in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(byte)))) }
    }
}
