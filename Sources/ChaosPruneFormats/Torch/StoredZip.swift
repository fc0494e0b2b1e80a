/// The entries of a zip archive whose entries are all stored (method 0), as
/// `torch.save` writes them: read through the central directory, the only
/// place torch writes the sizes (its local headers carry 0 and a data
/// descriptor follows), each entry's data found after its own local header
/// (whose padding extra field differs from the central one) and checked
/// against its CRC-32.
///
/// Edge cases: a compressed or encrypted entry, an end record or central
/// directory that does not fit the file, a local header that is not one, an
/// entry running past the end of the file, a name twice, a CRC mismatch:
/// each an `InputError` naming the file and the entry. Any bytes before the
/// archive (a prefix) are allowed: offsets are taken relative to where the
/// central directory is found.
struct StoredZip {
    /// The entries by name, each the slice of the file holding its data.
    private(set) var entries: [String: ArraySlice<UInt8>] = [:]
    /// The names in central-directory order.
    private(set) var names: [String] = []

    init(_ bytes: [UInt8], name file: String) throws(InputError) {
        func failure(_ message: String) -> InputError { InputError(file: file, message: message) }
        func unsigned(_ at: Int, _ width: Int) -> Int { Int(LittleEndian.value(bytes, at: at, width: width)) }
        let endSize = 22
        guard bytes.count >= endSize else { throw failure("not a zip archive (too short for an end record); a .pth file is one") }
        var end = bytes.count - endSize
        let earliest = max(0, bytes.count - endSize - 0xFFFF)
        while end >= earliest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) { end -= 1 }
        guard end >= earliest else { throw failure("not a zip archive (no end record); a .pth file is one") }
        let count = unsigned(end + 10, 2)
        let directorySize = unsigned(end + 12, 4)
        let directoryOffset = unsigned(end + 16, 4)
        // torch writes a Zip64 end record (56 bytes) and its locator (20) just
        // before the classic one; the central directory ends where they begin.
        var directoryEnd = end
        let zip64Record = end - 20 - 56
        if zip64Record >= 0, unsigned(end - 20, 4) == 0x0706_4B50 {
            guard unsigned(zip64Record, 4) == 0x0606_4B50, unsigned(zip64Record + 4, 4) == 44 else {
                throw failure("a Zip64 end record this reader does not know (torch writes a 56-byte one)")
            }
            directoryEnd = zip64Record
        }
        guard directorySize <= directoryEnd, count <= directorySize / 46 else { throw failure("the zip end record describes a central directory that does not fit the file") }
        let directoryStart = directoryEnd - directorySize
        let prefix = directoryStart - directoryOffset
        guard prefix >= 0 else { throw failure("the zip central directory's offset does not fit the file") }
        var cursor = directoryStart
        for number in 0..<count {
            guard cursor + 46 <= directoryEnd, unsigned(cursor, 4) == 0x0201_4B50 else { throw failure("zip central directory entry \(number + 1) is not one") }
            let flags = unsigned(cursor + 8, 2)
            let method = unsigned(cursor + 10, 2)
            let crc = UInt32(unsigned(cursor + 16, 4))
            let compressed = unsigned(cursor + 20, 4)
            let size = unsigned(cursor + 24, 4)
            let nameLength = unsigned(cursor + 28, 2)
            let extraLength = unsigned(cursor + 30, 2)
            let commentLength = unsigned(cursor + 32, 2)
            let local = unsigned(cursor + 42, 4) + prefix
            let next = cursor + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw failure("zip central directory entry \(number + 1) runs past the directory") }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            let shown = ArgumentText.printable(name)
            guard flags & 1 == 0 else { throw failure("zip entry '\(shown)' is encrypted") }
            guard method == 0, compressed == size else { throw failure("zip entry '\(shown)' is compressed (method \(method)); torch.save stores every entry") }
            guard local + 30 <= bytes.count, unsigned(local, 4) == 0x0403_4B50 else { throw failure("zip entry '\(shown)': no local header at its offset") }
            let start = local + 30 + unsigned(local + 26, 2) + unsigned(local + 28, 2)
            guard start <= bytes.count, size <= bytes.count - start else { throw failure("zip entry '\(shown)' runs past the end of the file (truncated?)") }
            let data = bytes[start..<(start + size)]
            guard CRC32.checksum(data) == crc else { throw failure("zip entry '\(shown)' fails its CRC-32 check (damaged file?)") }
            guard entries.updateValue(data, forKey: name) == nil else { throw failure("zip entry '\(shown)' appears twice") }
            names.append(name)
            cursor = next
        }
    }
}
