/// The `.npy` container's header: magic, version (1–3), and the header
/// dictionary's `descr`, `fortran_order` and `shape`, as `numpy.save` writes
/// them. The one header reader for plain arrays (`NumpyArrayReader`) and
/// object arrays (`PickledArrayReader`).
///
/// Edge cases: a structured dtype (`descr` a list of fields) is refused by
/// name; each shape dimension must be a whole number from 0 to the file's
/// size in bytes (nothing larger can be held); `()` is a 0-d array.
struct NumpyHeader {
    /// The dtype, as `'<f8'`, `'|O'` (without quotes).
    var descr: String
    /// Whether the data are in Fortran (column-major) order.
    var fortranOrder: Bool
    /// The dimensions.
    var shape: [Int]
    /// Where the data start.
    var dataOffset: Int

    /// The shape as Python prints a tuple: `(3,)`, `(2, 4)`, `()`.
    var shapeText: String { shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")" }

    /// Parses the header at the start of `bytes` (`name` names the file in errors).
    init(_ bytes: [UInt8], name: String) throws(InputError) {
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1...5]) == Array("NUMPY".utf8) else {
            throw InputError(file: name, message: "byte 0: not a .npy file (no \\x93NUMPY magic)")
        }
        let version = bytes[6]
        guard (1...3).contains(version) else { throw InputError(file: name, message: "byte 6: .npy version \(version) is not 1, 2 or 3") }
        let start = version == 1 ? 10 : 12
        guard bytes.count >= start else { throw InputError(file: name, message: "byte \(bytes.count): truncated .npy header") }
        var length = 0
        for index in (8..<start).reversed() { length = length << 8 | Int(bytes[index]) }
        guard length <= bytes.count - start else { throw InputError(file: name, message: "byte \(bytes.count): truncated .npy header") }
        let text = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
        func field(_ key: String) -> Substring? {
            guard let range = text.firstRange(of: "'\(key)':") else { return nil }
            return text[range.upperBound...].drop { $0 == " " }
        }
        if field("descr")?.first == "[" {
            throw InputError(file: name, message: "byte \(start): a structured dtype (a list of named fields) is not supported; save each field as its own array")
        }
        guard let descrText = field("descr"), descrText.first == "'", let close = descrText.dropFirst().firstIndex(of: "'") else {
            throw InputError(file: name, message: "byte \(start): the .npy header has no descr")
        }
        descr = String(descrText[descrText.index(after: descrText.startIndex)..<close])
        fortranOrder = field("fortran_order")?.hasPrefix("True") ?? false
        guard let shapeText = field("shape"), shapeText.first == "(", let end = shapeText.firstIndex(of: ")") else {
            throw InputError(file: name, message: "byte \(start): the .npy header has no shape")
        }
        var dimensions: [Int] = []
        for part in shapeText[shapeText.index(after: shapeText.startIndex)..<end].split(separator: ",") {
            let trimmed = part.filter { $0 != " " }
            guard !trimmed.isEmpty else { continue }
            guard let value = Int(trimmed), value >= 0, value <= bytes.count else {
                throw InputError(file: name, message: "byte \(start): shape dimension '\(ArgumentText.printable(trimmed))' is not a size this file can hold")
            }
            dimensions.append(value)
        }
        shape = dimensions
        dataOffset = start + length
    }
}
