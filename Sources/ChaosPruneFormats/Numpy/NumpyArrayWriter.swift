/// The bytes of a `.npy` file (format 1.0) holding little-endian float32 or
/// float64 values of any shape in C order, as `numpy.save` writes such an
/// array: the magic, the header dict padded with spaces to a multiple of 64
/// bytes and ended by a newline, then the data.
///
/// A large array can be streamed: ``header(shape:float64:)`` first, then the values
/// in C order in pieces through the `append(_:to:)` of their type.
public enum NumpyArrayWriter {
    /// The file's bytes for float32 `values` of `shape` (row-major).
    public static func float32(_ values: [Float], shape: [Int]) -> [UInt8] {
        var bytes = header(shape: shape)
        bytes.reserveCapacity(bytes.count + 4 * values.count)
        append(values, to: &bytes)
        return bytes
    }

    /// The magic and header of a float32 (or, when `float64`, float64) array of `shape`: what precedes its values.
    public static func header(shape: [Int], float64: Bool = false) -> [UInt8] {
        let dimensions = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = Array("{'descr': '\(float64 ? "<f8" : "<f4")', 'fortran_order': False, 'shape': \(dimensions), }".utf8)
        let unpadded = 10 + header.count + 1
        header += [UInt8](repeating: 0x20, count: (64 - unpadded % 64) % 64) + [0x0A]
        return NumpyHeader.magic + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)] + header
    }

    /// Appends `values` as little-endian float32 to `bytes`.
    public static func append(_ values: some Sequence<Float>, to bytes: inout [UInt8]) {
        for value in values { LittleEndian.append(UInt64(value.bitPattern), width: 4, to: &bytes) }
    }

    /// Appends `values` as little-endian float64 to `bytes`.
    public static func append(_ values: some Sequence<Double>, to bytes: inout [UInt8]) {
        for value in values { LittleEndian.append(value.bitPattern, width: 8, to: &bytes) }
    }
}
