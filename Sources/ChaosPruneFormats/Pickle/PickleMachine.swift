/// The stack machine behind `PickledArrayReader` and `TorchCheckpoint`: a
/// handful of pickle opcodes, the globals and calls of one profile,
/// nothing executed.
///
/// Bounded whatever the bytes: values nest at most ``deepest`` levels (a
/// deeper pickle is refused before it is built, so nothing recurses deeper
/// when it is freed), and a list, dict or array only takes containers made
/// after it — as a pickler writes them, a container before its contents —
/// so no structure is cyclic. Every value is made by an opcode of at least
/// one byte, so their number is bounded by the file's size.
struct PickleMachine {
    /// The deepest nesting read (the state dicts and object arrays the
    /// profiles read nest four levels).
    static let deepest = 64

    /// What a pickle may hold: numpy's object arrays (three globals, two
    /// calls), or a PyTorch state dict (`collections.OrderedDict`,
    /// `torch._utils._rebuild_tensor_v2` and `torch.FloatStorage` inside a
    /// persistent id; dicts; no numpy global).
    enum Profile { case numpyArray, torchStateDict }

    /// A dict (SETITEM/SETITEMS mutate it in place, as the memo may hold it), its pairs in order.
    final class DictValue {
        var pairs: [(key: Value, value: Value)] = []
        let serial: Int
        var depth = 1
        init(serial: Int) { self.serial = serial }
    }

    /// A tensor of `_rebuild_tensor_v2`: which storage, and how it is laid over it.
    struct TensorValue {
        var storageKey: String
        var storageCount: Int
        var storageOffset: Int
        var shape: [Int]
        var strides: [Int]
    }

    /// An array under construction: `_reconstruct` makes it, BUILD fills it.
    final class ArrayValue {
        enum Kind { case object, float64 }
        var shape: [Int] = [0]
        var dtypeKind: Kind?
        var floats: [Double]?
        var objects: [Value]?
        var built = false
        let serial: Int
        var depth = 1
        init(serial: Int) { self.serial = serial }
    }

    /// A dtype under construction: `dtype(...)` makes it, BUILD sets its byte order.
    final class DTypeValue {
        let kind: ArrayValue.Kind
        var built = false
        init(kind: ArrayValue.Kind) { self.kind = kind }
    }

    /// A list (APPENDS mutates it in place, as the memo may hold it).
    final class ListValue {
        var items: [Value] = []
        let serial: Int
        var depth = 1
        init(serial: Int) { self.serial = serial }
    }

    /// A tuple: its items, how deep it nests and the oldest container inside it.
    struct TupleValue {
        var items: [Value]
        var depth: Int
        var oldest: Int
    }

    /// The globals recognised by name; none is ever imported.
    enum Global { case reconstruct, ndarray, dtype, orderedDict, rebuildTensor, floatStorage }

    indirect enum Value {
        case none, bool(Bool), int(Int), string(String), bytes([UInt8]), tuple(TupleValue)
        case list(ListValue), array(ArrayValue), dtype(DTypeValue), global(Global), mark
        case dict(DictValue), storage(key: String, count: Int), tensor(TensorValue)
    }

    let bytes: [UInt8]
    var offset: Int
    let name: String
    let profile: Profile
    var stack: [Value] = []
    var memo: [Int: Value] = [:]
    /// Containers made so far: each list, dict and array's serial.
    var made = 0

    init(bytes: [UInt8], offset: Int, name: String, profile: Profile = .numpyArray) {
        self.bytes = bytes
        self.offset = offset
        self.name = name
        self.profile = profile
    }

    func failure(_ message: String, at position: Int? = nil) -> InputError {
        InputError(file: name, message: "byte \(position ?? offset): \(message)")
    }

    mutating func take(_ count: Int) throws(InputError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw failure("the pickle ends inside an argument (truncated file?)") }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func unsigned(_ width: Int) throws(InputError) -> Int {
        let field = try take(width)
        return Int(truncatingIfNeeded: LittleEndian.value(field, at: field.startIndex, width: width))
    }

    mutating func pop() throws(InputError) -> Value {
        guard let value = stack.popLast() else { throw failure("the pickle pops an empty stack") }
        if case .mark = value { throw failure("the pickle pops a MARK") }
        return value
    }

    mutating func popToMark() throws(InputError) -> [Value] {
        guard let mark = stack.lastIndex(where: { if case .mark = $0 { true } else { false } }) else {
            throw failure("no MARK to pop to")
        }
        let items = Array(stack[(mark + 1)...])
        stack.removeSubrange(mark...)
        return items
    }

    mutating func run() throws(InputError) -> Value {
        while true {
            let position = offset
            let opcode = try take(1).first!
            switch opcode {
            case 0x80:
                let version = try unsigned(1)
                guard (2...4).contains(version) else { throw failure("pickle protocol \(version) (expected 2 to 4)", at: position) }
            case UInt8(ascii: "c"):
                let module = try line(at: position)
                stack.append(.global(try global(module, try line(at: position), at: position)))
            case 0x93:
                let name = try pop()
                let module = try pop()
                guard case let .string(moduleName) = module, case let .string(globalName) = name else {
                    throw failure("STACK_GLOBAL of something that is not two strings", at: position)
                }
                stack.append(.global(try global(moduleName, globalName, at: position)))
            case 0x95: _ = try take(8)
            case 0x8c:
                let text = try take(try unsigned(1))
                guard let string = String(validating: text, as: UTF8.self) else { throw failure("a string that is not UTF-8", at: position) }
                stack.append(.string(string))
            case 0x94:
                guard let top = stack.last else { throw failure("a memo put with an empty stack", at: position) }
                if case .mark = top { throw failure("a memo put of a MARK", at: position) }
                memo[memo.count] = top
            case UInt8(ascii: "("): stack.append(.mark)
            case UInt8(ascii: "K"): stack.append(.int(try unsigned(1)))
            case UInt8(ascii: "M"): stack.append(.int(try unsigned(2)))
            case UInt8(ascii: "J"): stack.append(.int(Int(Int32(truncatingIfNeeded: try unsigned(4)))))
            case UInt8(ascii: "N"): stack.append(.none)
            case 0x88: stack.append(.bool(true))
            case 0x89: stack.append(.bool(false))
            case UInt8(ascii: "X"):
                let text = try take(try unsigned(4))
                guard let string = String(validating: text, as: UTF8.self) else { throw failure("a string that is not UTF-8", at: position) }
                stack.append(.string(string))
            case UInt8(ascii: "C"): stack.append(.bytes(Array(try take(try unsigned(1)))))
            case UInt8(ascii: "B"): stack.append(.bytes(Array(try take(try unsigned(4)))))
            case 0x85: stack.append(try tuple([try pop()], at: position))
            case 0x86:
                let second = try pop()
                stack.append(try tuple([try pop(), second], at: position))
            case 0x87:
                let third = try pop()
                let second = try pop()
                stack.append(try tuple([try pop(), second, third], at: position))
            case UInt8(ascii: "t"): stack.append(try tuple(try popToMark(), at: position))
            case UInt8(ascii: "]"): stack.append(.list(ListValue(serial: newSerial())))
            case UInt8(ascii: "e"):
                let items = try popToMark()
                guard case let .list(list)? = stack.last else { throw failure("APPENDS onto something that is not a list", at: position) }
                list.depth = try place(items, into: list.serial, depth: list.depth, at: position)
                list.items += items
            case UInt8(ascii: "q"), UInt8(ascii: "r"):
                let index = try unsigned(opcode == UInt8(ascii: "q") ? 1 : 4)
                guard let top = stack.last else { throw failure("a memo put with an empty stack", at: position) }
                if case .mark = top { throw failure("a memo put of a MARK", at: position) }
                memo[index] = top
            case UInt8(ascii: "h"), UInt8(ascii: "j"):
                let index = try unsigned(opcode == UInt8(ascii: "h") ? 1 : 4)
                guard let value = memo[index] else { throw failure("memo entry \(index) was never put", at: position) }
                stack.append(value)
            case UInt8(ascii: "R"):
                let arguments = try pop()
                let callable = try pop()
                stack.append(try call(callable, arguments, at: position))
            case UInt8(ascii: "b"):
                let state = try pop()
                guard let target = stack.last else { throw failure("BUILD with nothing to build", at: position) }
                try build(target, state, at: position)
            case UInt8(ascii: ")") where profile == .torchStateDict: stack.append(try tuple([], at: position))
            case UInt8(ascii: "}") where profile == .torchStateDict: stack.append(.dict(DictValue(serial: newSerial())))
            case UInt8(ascii: "s") where profile == .torchStateDict:
                let value = try pop()
                let key = try pop()
                guard case let .dict(dict)? = stack.last else { throw failure("SETITEM onto something that is not a dict", at: position) }
                dict.depth = try place([key, value], into: dict.serial, depth: dict.depth, at: position)
                dict.pairs.append((key, value))
            case UInt8(ascii: "u") where profile == .torchStateDict:
                let items = try popToMark()
                guard items.count % 2 == 0 else { throw failure("SETITEMS with an odd number of items", at: position) }
                guard case let .dict(dict)? = stack.last else { throw failure("SETITEMS onto something that is not a dict", at: position) }
                dict.depth = try place(items, into: dict.serial, depth: dict.depth, at: position)
                for pair in stride(from: 0, to: items.count, by: 2) { dict.pairs.append((items[pair], items[pair + 1])) }
            case UInt8(ascii: "Q") where profile == .torchStateDict:
                stack.append(try persistentStorage(try pop(), at: position))
            case UInt8(ascii: "."):
                let result = try pop()
                guard stack.isEmpty else { throw failure("the pickle stops with \(stack.count) more item(s) on its stack", at: position) }
                guard offset == bytes.count else { throw failure("\(bytes.count - offset) byte(s) after the pickle's STOP") }
                return result
            default:
                let allowed = profile == .numpyArray ? "numpy's array opcodes" : "a state dict's opcodes"
                throw failure("pickle opcode 0x\(String(opcode, radix: 16)) is not allowed (only \(allowed) are read; nothing is ever executed)", at: position)
            }
        }
    }

    /// The next container's serial.
    mutating func newSerial() -> Int {
        made += 1
        return made
    }

    /// How deep `value` nests (0 for a scalar), and the serial of the oldest
    /// container in it (`Int.max` for none): both known without a walk.
    static func shape(of value: Value) -> (depth: Int, oldest: Int) {
        switch value {
        case let .tuple(tuple): (tuple.depth, tuple.oldest)
        case let .list(list): (list.depth, list.serial)
        case let .dict(dict): (dict.depth, dict.serial)
        case let .array(array): (array.depth, array.serial)
        default: (0, Int.max)
        }
    }

    /// A tuple of `items`, refused past ``deepest`` levels.
    func tuple(_ items: [Value], at position: Int) throws(InputError) -> Value {
        var depth = 1, oldest = Int.max
        for item in items {
            let (itemDepth, itemOldest) = Self.shape(of: item)
            depth = max(depth, itemDepth + 1)
            oldest = min(oldest, itemOldest)
        }
        guard depth <= Self.deepest else { throw failure("values nested more than \(Self.deepest) levels deep", at: position) }
        return .tuple(TupleValue(items: items, depth: depth, oldest: oldest))
    }

    /// The depth of the container `serial` (now `depth` deep) once it holds
    /// `items`: refused past ``deepest`` levels, or when an item holds a
    /// container made before this one (shared or cyclic structure).
    func place(_ items: [Value], into serial: Int, depth: Int, at position: Int) throws(InputError) -> Int {
        var depth = depth
        for item in items {
            let (itemDepth, itemOldest) = Self.shape(of: item)
            guard itemOldest > serial else {
                throw failure("a container placed inside one made after it (a shared or cyclic structure is not read)", at: position)
            }
            depth = max(depth, itemDepth + 1)
        }
        guard depth <= Self.deepest else { throw failure("values nested more than \(Self.deepest) levels deep", at: position) }
        return depth
    }

    /// One newline-terminated argument of GLOBAL.
    mutating func line(at position: Int) throws(InputError) -> String {
        guard let newline = bytes[offset...].firstIndex(of: 10) else { throw failure("a GLOBAL without its newline", at: position) }
        defer { offset = newline + 1 }
        return String(decoding: bytes[offset..<newline], as: UTF8.self)
    }

    /// The global `module.name` if the profile recognises it, else an error.
    func global(_ module: String, _ name: String, at position: Int) throws(InputError) -> Global {
        switch (profile, module, name) {
        case (.numpyArray, "numpy.core.multiarray", "_reconstruct"), (.numpyArray, "numpy._core.multiarray", "_reconstruct"): return .reconstruct
        case (.numpyArray, "numpy", "ndarray"): return .ndarray
        case (.numpyArray, "numpy", "dtype"): return .dtype
        case (.torchStateDict, "collections", "OrderedDict"): return .orderedDict
        case (.torchStateDict, "torch._utils", "_rebuild_tensor_v2"): return .rebuildTensor
        case (.torchStateDict, "torch", "FloatStorage"): return .floatStorage
        default:
            let allowed = profile == .numpyArray ? "numpy's _reconstruct, ndarray and dtype"
                : "collections.OrderedDict, torch._utils._rebuild_tensor_v2 and torch.FloatStorage"
            throw failure("global '\(ArgumentText.printable(module)).\(ArgumentText.printable(name))' is not allowed (only \(allowed))", at: position)
        }
    }

    /// The storage a persistent id names: `('storage', FloatStorage, key, location, count)`.
    func persistentStorage(_ identifier: Value, at position: Int) throws(InputError) -> Value {
        guard case let .tuple(tuple) = identifier, case let fields = tuple.items, fields.count == 5, case .string("storage") = fields[0] else {
            throw failure("a persistent id that is not ('storage', type, key, location, count)", at: position)
        }
        guard case .global(.floatStorage) = fields[1] else { throw failure("a storage that is not a FloatStorage (only float32 tensors are read)", at: position) }
        guard case let .string(key) = fields[2], case let .string(location) = fields[3], case let .int(count) = fields[4], count >= 0 else {
            throw failure("a storage id whose key, location or size is not a string, a string and a size", at: position)
        }
        guard location == "cpu" || location.hasPrefix("cuda") else { throw failure("storage location '\(ArgumentText.printable(location))' (expected cpu or cuda:N)", at: position) }
        return .storage(key: key, count: count)
    }

    mutating func call(_ callable: Value, _ arguments: Value, at position: Int) throws(InputError) -> Value {
        guard case let .global(function) = callable, case let .tuple(tuple) = arguments, case let values = tuple.items else {
            throw failure("REDUCE of something that is not an allowed call", at: position)
        }
        switch (function, values.count) {
        case (.orderedDict, 0):
            return .dict(DictValue(serial: newSerial()))
        case (.rebuildTensor, 6):
            guard case let .storage(key, count) = values[0], case let .int(storageOffset) = values[1],
                  case let .tuple(shapeTuple) = values[2], case let .tuple(strideTuple) = values[3],
                  case let shape = shapeTuple.items, case let strides = strideTuple.items, shape.count == strides.count,
                  case .bool(false) = values[4], case let .dict(hooks) = values[5], hooks.pairs.isEmpty else {
                throw failure("_rebuild_tensor_v2 is allowed only as (storage, offset, size, stride, False, OrderedDict())", at: position)
            }
            var sizes: [Int] = []
            var steps: [Int] = []
            for (size, step) in zip(shape, strides) {
                guard case let .int(size) = size, case let .int(step) = step else { throw failure("a tensor size or stride that is not an integer", at: position) }
                sizes.append(size)
                steps.append(step)
            }
            return .tensor(TensorValue(storageKey: key, storageCount: count, storageOffset: storageOffset, shape: sizes, strides: steps))
        case (.reconstruct, 3):
            guard case .global(.ndarray) = values[0], case let .tuple(shapeTuple) = values[1], case let shape = shapeTuple.items, shape.count == 1,
                  case .int(0) = shape[0], case let .bytes(code) = values[2], code == [UInt8(ascii: "b")] else {
                throw failure("_reconstruct is allowed only as _reconstruct(ndarray, (0,), b'b')", at: position)
            }
            return .array(ArrayValue(serial: newSerial()))
        case (.dtype, 3):
            guard case let .string(code) = values[0], case .bool(false) = values[1], case .bool(true) = values[2] else {
                throw failure("dtype is allowed only as dtype('O8' or 'f8', False, True)", at: position)
            }
            switch code {
            case "O8": return .dtype(DTypeValue(kind: .object))
            case "f8": return .dtype(DTypeValue(kind: .float64))
            default: throw failure("dtype '\(ArgumentText.printable(code))' is not allowed (only O8 and f8)", at: position)
            }
        default:
            throw failure("REDUCE of something that is not an allowed call", at: position)
        }
    }

    func build(_ target: Value, _ state: Value, at position: Int) throws(InputError) {
        if profile == .torchStateDict {
            // The state dict's `_metadata` attribute (versions per module): not needed.
            guard case .dict = target, case .dict = state else { throw failure("BUILD of something that is not the state dict's metadata", at: position) }
            return
        }
        guard case let .tuple(tuple) = state else { throw failure("BUILD with a state that is not a tuple", at: position) }
        let fields = tuple.items
        switch target {
        case let .dtype(dtype):
            guard !dtype.built, fields.count == 8, case .int(3) = fields[0], case let .string(order) = fields[1] else {
                throw failure("a dtype state that is not (3, byteorder, None, None, None, -1, -1, flags)", at: position)
            }
            switch (dtype.kind, order) {
            case (.object, "|"), (.float64, "<"), (.float64, "="), (.float64, "|"): break
            case (.float64, ">"): throw failure("big-endian float64 data is not supported", at: position)
            default: throw failure("byte order '\(ArgumentText.printable(order))' does not fit the dtype", at: position)
            }
            dtype.built = true
        case let .array(array):
            guard !array.built, fields.count == 5, case .int(1) = fields[0], case let .tuple(dimensionTuple) = fields[1], case let dimensions = dimensionTuple.items,
                  case let .dtype(dtype) = fields[2], dtype.built, case let .bool(fortran) = fields[3] else {
                throw failure("an array state that is not (1, shape, dtype, is_fortran, payload)", at: position)
            }
            guard !fortran else { throw failure("a Fortran-order array is not supported", at: position) }
            var shape: [Int] = []
            var count = 1
            for dimension in dimensions {
                guard case let .int(size) = dimension, size >= 0 else { throw failure("a shape that is not a tuple of sizes", at: position) }
                let (product, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow, product <= bytes.count else { throw failure("shape \(shape + [size]) is larger than the file could hold", at: position) }
                shape.append(size)
                count = product
            }
            switch (dtype.kind, fields[4]) {
            case let (.float64, .bytes(payload)):
                guard payload.count == 8 * count else {
                    throw failure("a float64 payload of \(payload.count) bytes for shape \(shape), which needs \(8 * count)", at: position)
                }
                array.floats = stride(from: 0, to: payload.count, by: 8).map { Double(bitPattern: LittleEndian.value(payload, at: $0, width: 8)) }
            case let (.object, .list(list)):
                guard list.items.count == count else {
                    throw failure("an object payload of \(list.items.count) item(s) for shape \(shape), which needs \(count)", at: position)
                }
                array.depth = try place([.list(list)], into: array.serial, depth: array.depth, at: position)
                array.objects = list.items
            default:
                throw failure("an array payload that does not fit its dtype", at: position)
            }
            array.shape = shape
            array.dtypeKind = dtype.kind
            array.built = true
        default:
            throw failure("BUILD of something that is not a dtype or an array", at: position)
        }
    }
}
