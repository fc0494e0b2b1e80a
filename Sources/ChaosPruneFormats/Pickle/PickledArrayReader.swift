import ChaosPruneSystem

/// Reads the authors' initial weights: `.npy` files holding numpy object
/// arrays of float64 arrays, which numpy stores as a pickle.
///
/// A restricted reader in the spirit of `torch.load(weights_only=True)`: it
/// interprets only the pickle opcodes numpy writes for such arrays (protocol
/// 2–4: PROTO, GLOBAL, MARK, BININT1/2, BININT, NONE, NEWTRUE/NEWFALSE,
/// BINUNICODE, SHORT_BINBYTES, BINBYTES, TUPLE1/2/3, TUPLE, EMPTY_LIST,
/// APPENDS, BINPUT, LONG_BINPUT, BINGET, LONG_BINGET, REDUCE, BUILD, STOP,
/// and protocol 4's FRAME, SHORT_BINUNICODE, MEMOIZE and STACK_GLOBAL, which
/// newer numpy writes),
/// knows only the globals `numpy.core.multiarray._reconstruct` (or
/// `numpy._core.multiarray._reconstruct`), `numpy.ndarray` and `numpy.dtype`,
/// and allows only two calls: `_reconstruct(ndarray, (0,), b'b')` (an empty
/// array) and `dtype('O8' | 'f8', False, True)`. Arrays are built from their
/// payload bytes (little-endian IEEE doubles, row-major). It never imports or
/// calls anything: the globals are names it recognises, not code it runs.
///
/// Edge cases: anything else — another opcode, another global or call, a
/// big-endian or Fortran-order array, a payload whose length does not match
/// its shape, a truncated stream, a result that is not an object array of
/// float arrays — is refused with the file and the byte offset. Every size is
/// checked against the bytes actually present before anything is allocated.
public enum PickledArrayReader {
    /// A float64 array: its shape and its values in row-major order.
    public struct FloatArray: Sendable, Equatable {
        /// The dimensions.
        public var shape: [Int]
        /// The values, row-major.
        public var values: [Double]

        /// Rows of a 1-D or 2-D array (a 1-D array is one column).
        public var rows: [[Double]] {
            let columns = shape.count >= 2 ? shape.dropFirst().reduce(1, *) : 1
            guard columns > 0 else { return [] }
            return stride(from: 0, to: values.count, by: columns).map { Array(values[$0..<($0 + columns)]) }
        }
    }

    /// An object array of float arrays: its shape and its items in row-major order.
    public struct ObjectArray: Sendable, Equatable {
        /// The object array's dimensions.
        public var shape: [Int]
        /// The float arrays, row-major over `shape`.
        public var items: [FloatArray]
    }

    /// The object array of float arrays in a `.npy` file, nil when the file
    /// holds a plain array (read that with `NumpyArrayReader`).
    public static func objectArray(_ path: String) throws(InputError) -> ObjectArray? {
        let bytes = try InputError.contents(of: path)
        guard bytes.count >= 10, bytes[0] == 0x93, let header = try? NumpyHeader(bytes, name: path), header.descr == "|O" else { return nil }
        return try read(bytes, name: path)
    }

    /// The object array in the `.npy` file at `path`.
    public static func read(_ path: String) throws(InputError) -> ObjectArray {
        let bytes = try InputError.contents(of: path)
        return try read(bytes, name: path)
    }

    /// The object array held by the bytes of a `.npy` file (`name` names it in errors).
    public static func read(_ bytes: [UInt8], name: String) throws(InputError) -> ObjectArray {
        let header = try NumpyHeader(bytes, name: name)
        guard header.descr == "|O" else {
            throw InputError(file: name, message: "dtype \(ArgumentText.printable(header.descr)): expected an object array ('|O') of float arrays")
        }
        guard !header.fortranOrder else { throw InputError(file: name, message: "a Fortran-order object array is not supported") }
        var machine = PickleMachine(bytes: bytes, offset: header.dataOffset, name: name)
        let result = try machine.run()
        guard case let .array(array) = result, let objects = array.objects, array.dtypeKind == .object else {
            throw InputError(file: name, message: "byte \(bytes.count): the pickle holds no object array")
        }
        guard array.shape == header.shape else {
            throw InputError(file: name, message: "the pickled array has shape \(array.shape), the header says \(header.shape)")
        }
        var items: [FloatArray] = []
        for object in objects {
            guard case let .array(item) = object, item.dtypeKind == .float64, let values = item.floats else {
                throw InputError(file: name, message: "item \(items.count) of the object array is not a float64 array")
            }
            items.append(FloatArray(shape: item.shape, values: values))
        }
        return ObjectArray(shape: array.shape, items: items)
    }
}
