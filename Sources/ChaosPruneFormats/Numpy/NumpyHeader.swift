/// The `.npy` container's header: magic, version (1–3), and the header
/// dictionary's `descr`, `fortran_order` and `shape`, as `numpy.save` writes
/// them. The one header reader for plain arrays (`NumpyArrayReader`) and
/// object arrays (`PickledArrayReader`).
///
/// The header dictionary is read as numpy reads it (`ast.literal_eval`, then
/// its checks): a Python dict literal holding exactly the keys `descr` (a
/// string), `fortran_order` (`True` or `False`) and `shape` (a tuple of whole
/// numbers), a repeated key taking its last value.
///
/// Edge cases: a structured dtype (`descr` a list of fields) is refused by
/// name; each shape dimension must be a whole number from 0 to the file's
/// size in bytes (nothing larger can be held); `()` is a 0-d array; a
/// malformed dict or tuple (`(2,,)`), a `fortran_order` that is not a bool
/// (`'False'`), a shape that is not a tuple (`(3)`), a missing or extra key
/// are refused at the header's byte.
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

    /// `\x93NUMPY`, the six bytes every `.npy` file starts with.
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Where the header ends and the data start, from the first bytes of a
    /// file (12 suffice): the magic, the version (1–3) and the header length
    /// stored after it (2 bytes in version 1, 4 after).
    static func end(ofPrefix bytes: [UInt8], name: String) throws(InputError) -> Int {
        guard bytes.count >= 10, bytes.starts(with: magic) else {
            throw InputError(file: name, message: "byte 0: not a .npy file (no \\x93NUMPY magic)")
        }
        let version = bytes[6]
        guard (1...3).contains(version) else { throw InputError(file: name, message: "byte 6: .npy version \(version) is not 1, 2 or 3") }
        let start = version == 1 ? 10 : 12
        guard bytes.count >= start else { throw InputError(file: name, message: "byte \(bytes.count): truncated .npy header") }
        var length = 0
        for index in (8..<start).reversed() { length = length << 8 | Int(bytes[index]) }
        return start + length
    }

    /// Parses the header at the start of `bytes` (`name` names the file in
    /// errors) of a file of `fileSize` bytes (nil: `bytes` is the whole file).
    init(_ bytes: [UInt8], name: String, fileSize: Int? = nil) throws(InputError) {
        let end = try Self.end(ofPrefix: bytes, name: name)
        let start = bytes[6] == 1 ? 10 : 12
        guard end <= bytes.count else { throw InputError(file: name, message: "byte \(bytes.count): truncated .npy header") }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        var parser = HeaderDictionary(text: Array(text.unicodeScalars), file: name, offset: start, fileSize: fileSize ?? bytes.count)
        let fields = try parser.parse()
        descr = fields.descr
        fortranOrder = fields.fortranOrder
        let dimensions = fields.shape
        shape = dimensions
        dataOffset = end
    }
}

/// The header's dictionary literal, parsed as `ast.literal_eval` reads the
/// subset numpy writes: string keys; string, bool and tuple-of-integer values.
private struct HeaderDictionary {
    let text: [Unicode.Scalar]
    let file: String
    /// The header's first byte in the file, for messages.
    let offset: Int
    let fileSize: Int
    var position = 0

    init(text: [Unicode.Scalar], file: String, offset: Int, fileSize: Int) {
        self.text = text
        self.file = file
        self.offset = offset
        self.fileSize = fileSize
    }

    enum Value {
        case string(String)
        case bool(Bool)
        case tuple([Substring])
        case other(String)
    }

    func failure(_ message: String) -> InputError {
        InputError(file: file, message: "byte \(offset): \(message)")
    }

    mutating func skipBlanks() {
        while position < text.count, [" ", "\t", "\n", "\r"].contains(text[position]) { position += 1 }
    }

    mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws(InputError) {
        skipBlanks()
        guard position < text.count, text[position] == scalar else {
            throw failure("the .npy header is not the dictionary numpy writes: expected \(what)")
        }
        position += 1
    }

    mutating func peek() -> Unicode.Scalar? {
        skipBlanks()
        return position < text.count ? text[position] : nil
    }

    mutating func string() throws(InputError) -> String {
        guard let quote = peek(), quote == "'" || quote == "\"" else {
            throw failure("the .npy header is not the dictionary numpy writes: expected a quoted key")
        }
        position += 1
        var value = String.UnicodeScalarView()
        while position < text.count, text[position] != quote {
            value.append(text[position])
            position += 1
        }
        try expect(quote, "the closing quote")
        return String(value)
    }

    mutating func value() throws(InputError) -> Value {
        switch peek() {
        case "'", "\"": return .string(try string())
        case "(":
            position += 1
            var items: [Substring] = []
            while true {
                if peek() == ")" { position += 1; return .tuple(items) }
                let begin = position
                while position < text.count, !["," , ")", " ", "\t", "\n", "\r", "(", "]", "}"].contains(text[position]) { position += 1 }
                guard position > begin else {
                    throw failure("the .npy header is not the dictionary numpy writes: expected a shape dimension or ')'")
                }
                items.append(Substring(String(String.UnicodeScalarView(text[begin..<position]))))
                if peek() == "," {
                    position += 1
                } else {
                    try expect(")", "',' or ')' in the shape")
                    guard items.count > 1 else { return .other("(\(items[0]))") }
                    return .tuple(items)
                }
            }
        default:
            let begin = position
            while position < text.count, ![",", "}", " ", "\t", "\n", "\r"].contains(text[position]) { position += 1 }
            let word = String(String.UnicodeScalarView(text[begin..<position]))
            switch word {
            case "True": return .bool(true)
            case "False": return .bool(false)
            default: return .other(word)
            }
        }
    }

    mutating func parse() throws(InputError) -> (descr: String, fortranOrder: Bool, shape: [Int]) {
        try expect("{", "'{'")
        var values: [String: Value] = [:]
        while peek() != "}" {
            let key = try string()
            try expect(":", "':' after '\(ArgumentText.printable(key))'")
            if key == "descr", peek() == "[" {
                throw failure("a structured dtype (a list of named fields) is not supported; save each field as its own array")
            }
            values[key] = try value()
            if peek() == "," { position += 1 } else { break }
        }
        try expect("}", "'}'")
        guard Set(values.keys) == ["descr", "fortran_order", "shape"] else {
            let keys = values.keys.sorted().map { "'\(ArgumentText.printable($0))'" }.joined(separator: ", ")
            throw failure("the .npy header must hold exactly 'descr', 'fortran_order' and 'shape', not \(keys)")
        }
        let descr: String
        switch values["descr"] {
        case let .string(text): descr = text
        default: throw failure("descr must be a dtype string such as '<f8'")
        }
        guard case let .bool(fortranOrder) = values["fortran_order"] else {
            throw failure("fortran_order must be True or False")
        }
        guard case let .tuple(items) = values["shape"] else { throw failure("shape must be a tuple such as (3,) or (2, 4)") }
        var shape: [Int] = []
        for item in items {
            guard let value = Int(item), value >= 0, value <= fileSize else {
                throw failure("shape dimension '\(ArgumentText.printable(String(item)))' is not a size this file can hold")
            }
            shape.append(value)
        }
        return (descr, fortranOrder, shape)
    }
}
