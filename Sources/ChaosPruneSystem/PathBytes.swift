/// Command-line arguments and file names as the kernel has them — bytes —
/// held in a `String` without loss.
///
/// Valid UTF-8 decodes as usual. Each byte that is not part of valid UTF-8
/// becomes one scalar of U+10FF80 … U+10FFFF (byte b ↦ U+10FF00 + b), and a
/// valid encoding of a scalar in that range is taken byte by byte the same
/// way, so `encode(decode(bytes)) == bytes` for every byte string: a file
/// named `out\xff.csv` is opened, written and reported as itself, never as
/// `out\u{FFFD}.csv`. Names built from decoded parts (a `.json` sidecar, a
/// temporary sibling) encode to the bytes of those parts.
///
/// Messages show the escaped bytes as `\x{ff}` (`ArgumentText`); standard
/// output and standard error receive the original bytes.
public enum PathBytes {
    /// The first scalar standing for a byte.
    private static let base: UInt32 = 0x10FF00

    /// The byte `scalar` stands for, or nil for an ordinary scalar.
    @inline(__always)
    public static func byte(of scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= base + 0x80 ? UInt8(truncatingIfNeeded: scalar.value - base) : nil
    }

    /// `bytes` as a string: UTF-8, with every other byte kept as its own scalar.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = scalar(in: bytes, at: index), scalar.value < base + 0x80 {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(bytes[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `text` stands for.
    public static func encode(_ text: String) -> [UInt8] {
        guard text.unicodeScalars.contains(where: { byte(of: $0) != nil }) else { return Array(text.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let byte = byte(of: scalar) { bytes.append(byte) } else { bytes.append(contentsOf: String(scalar).utf8) }
        }
        return bytes
    }

    /// Calls `body` with `text`'s bytes as a NUL-terminated C string.
    public static func withCString<Result, Failure: Error>(_ text: String,
                                                          _ body: (UnsafePointer<CChar>) throws(Failure) -> Result) throws(Failure) -> Result {
        var bytes = encode(text)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in
            try buffer.withMemoryRebound(to: CChar.self) { (characters) throws(Failure) -> Result in try body(characters.baseAddress!) }
        }
    }

    /// The scalar of the valid UTF-8 sequence at `index` and its length, or nil
    /// (a stray continuation byte, a truncated or overlong sequence, a surrogate,
    /// a value above U+10FFFF).
    private static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let (length, initial, minimum): (Int, UInt32, UInt32)
        switch lead {
        case 0xC2...0xDF: (length, initial, minimum) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (length, initial, minimum) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (length, initial, minimum) = (4, UInt32(lead & 0x07), 0x10000)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        var value = initial
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
