import ChaosPruneSystem

/// Reads a `.npy` file (numpy's own format, versions 1–3): little-endian or
/// byte-order-free float64, float32, int64, int32 or uint8 arrays of one or two
/// dimensions, in C or Fortran order, into rows of doubles (a 1-D array is one column).
///
/// Refuses, with a message saying so: object arrays (`allow_pickle` data; the
/// restricted `PickledArrayReader` reads those holding float arrays) and bare
/// pickle files — nothing is ever executed or imported — big-endian data,
/// other dtypes, and more than two dimensions.
public enum NumpyArrayReader {
    /// An array read from a `.npy` file: its shape and its data bytes, read a value at a time.
    ///
    /// Memory: the data bytes (the file's size) and nothing per value.
    public struct Array2D: Sendable {
        /// The element type, for writing each value in its own shortest text.
        public enum Kind: Sendable { case float64, float32, integer }
        /// Rows (the first index; a 1-D array's length).
        public let rowCount: Int
        /// Columns (1 for a 1-D array).
        public let columnCount: Int
        /// The element type.
        public let kind: Kind
        let descr: String
        let size: Int
        let fortran: Bool
        let data: ArraySlice<UInt8>

        private func bits(_ row: Int, _ column: Int) -> UInt64 {
            let offset = data.startIndex + (fortran ? column * rowCount + row : row * columnCount + column) * size
            return LittleEndian.value(data, at: offset, width: size)
        }

        /// The exact integer at (`row`, `column`) of an integer array.
        public func integer(_ row: Int, _ column: Int) -> Int64 {
            let bits = bits(row, column)
            switch descr {
            case "<i8": return Int64(bitPattern: bits)
            case "<i4": return Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: bits)))
            case "|i1": return Int64(Int8(bitPattern: UInt8(truncatingIfNeeded: bits)))
            default: return Int64(bits)
            }
        }

        /// The value at (`row`, `column`) as a double (int64 beyond 2⁵³ rounded; see ``integer(_:_:)``).
        public func value(_ row: Int, _ column: Int) -> Double {
            switch kind {
            case .float64: return Double(bitPattern: bits(row, column))
            case .float32: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits(row, column))))
            case .integer: return Double(integer(row, column))
            }
        }

        /// Appends row `row` as CSV text: integers as integers, floats as their
        /// shortest text (float32 in its own shortest digits) or `%.5g`.
        public func appendRow(_ row: Int, csvwrite: Bool, lineEnding: [UInt8], to output: inout [UInt8]) {
            for column in 0..<columnCount {
                if column > 0 { output.append(44) }
                switch kind {
                case .integer:
                    output.append(contentsOf: String(integer(row, column)).utf8)
                case _ where csvwrite:
                    MatlabNumberFormat.append(value(row, column), to: &output)
                case .float64:
                    PythonFloatText.append(value(row, column), to: &output)
                case .float32:
                    output.append(contentsOf: PythonFloatText.general(Float(value(row, column))).utf8)
                }
            }
            output.append(contentsOf: lineEnding)
        }
    }

    /// The array in `path`.
    public static func read(_ path: String) throws(InputError) -> Array2D {
        let bytes = try InputError.contents(of: path)
        if bytes.first == 0x80 {
            throw InputError(file: path, message: "this is a Python pickle; chaosprune never unpickles (it could run code). Re-save the array with numpy.save(path, array.astype(float), allow_pickle=False)")
        }
        let header = try NumpyHeader(bytes, name: path)
        let descr = header.descr
        if descr.contains("O") {
            throw InputError(file: path, message: "an object array (dtype \(ArgumentText.printable(descr))): only object arrays of float64 arrays are read (by the restricted pickle reader); re-save anything else as a float array with numpy.save(..., allow_pickle=False)")
        }
        let sizes: [String: Int] = ["<f8": 8, "<f4": 4, "<i8": 8, "<i4": 4, "|u1": 1, "|i1": 1]
        guard let size = sizes[descr] else {
            throw InputError(file: path, message: "dtype \(ArgumentText.printable(descr)) is not supported (little-endian float64/float32/int64/int32 or 8-bit integers)")
        }
        let shape = header.shape
        guard shape.count == 1 || shape.count == 2 else {
            throw InputError(file: path, message: "shape \(header.shapeText): only 1-D and 2-D arrays convert to CSV")
        }
        let rows = shape[0]
        let columns = shape.count == 2 ? shape[1] : 1
        let dataStart = header.dataOffset
        let (count, countOverflow) = rows.multipliedReportingOverflow(by: columns)
        let (needed, sizeOverflow) = count.multipliedReportingOverflow(by: size)
        guard !countOverflow, !sizeOverflow, bytes.count - dataStart == needed else {
            throw InputError(file: path, message: "the data holds \(bytes.count - dataStart) bytes, but shape \(header.shapeText) of \(ArgumentText.printable(descr)) needs \(sizeOverflow || countOverflow ? "more than the file could hold" : "\(needed)")")
        }
        return Array2D(rowCount: rows, columnCount: columns, kind: descr == "<f8" ? .float64 : descr == "<f4" ? .float32 : .integer,
                       descr: descr, size: size, fortran: header.fortranOrder, data: bytes[dataStart...])
    }
}
