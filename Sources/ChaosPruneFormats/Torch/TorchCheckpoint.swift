import ChaosPruneSystem

/// A PyTorch state-dict checkpoint (`.pth`, `torch.save(model.state_dict())`)
/// read without torch: the zip container (`StoredZip`), its `data.pkl` run
/// through the restricted unpickler (`PickleMachine`'s state-dict profile:
/// `OrderedDict`, `_rebuild_tensor_v2` and `FloatStorage` persistent ids,
/// nothing imported or called), and each tensor's little-endian float32
/// storage entry.
///
/// Accepts any top-level folder (`archive/`, `model_2/`, the file's stem),
/// `cpu` and `cuda:N` locations, the entries newer torch adds
/// (`.format_version`, `.storage_alignment`, `byteorder` — which must say
/// `little` — and `.data/serialization_id`), in any order.
///
/// Edge cases: a storage entry whose size is not 4 × its values, a tensor that
/// is not contiguous or does not start at offset 0 of its storage, a
/// `version` other than 3, a pickle that is not a dict of names to tensors:
/// each refused with the file, the entry and what was expected.
public struct TorchCheckpoint: Sendable, Equatable {
    /// One tensor of the state dict.
    public struct Tensor: Sendable, Equatable {
        /// Its name (`fc1.weight`).
        public var name: String
        /// Its dimensions.
        public var shape: [Int]
        /// Its values, row-major.
        public var values: [Float]

        /// Creates a tensor.
        public init(name: String, shape: [Int], values: [Float]) {
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// The tensors in the state dict's order.
    public var tensors: [Tensor]

    /// Creates a checkpoint of `tensors`.
    public init(tensors: [Tensor]) { self.tensors = tensors }

    /// Every value, tensor after tensor (the state dict's flat order).
    public var flatValues: [Float] { tensors.flatMap(\.values) }

    /// Reads the checkpoint at `path`.
    public static func read(_ path: String) throws(InputError) -> TorchCheckpoint {
        try read(try InputError.contents(of: path), name: path)
    }

    /// Reads a checkpoint held in `bytes` (`name` names it in messages).
    public static func read(_ bytes: [UInt8], name file: String) throws(InputError) -> TorchCheckpoint {
        func failure(_ message: String) -> InputError { InputError(file: file, message: message) }
        let zip = try StoredZip(bytes, name: file)
        let pickles = zip.names.filter { $0.hasSuffix("/data.pkl") && $0.dropLast(9).allSatisfy { $0 != "/" } }
        guard pickles.count == 1, let pickleName = pickles.first else {
            throw failure(pickles.isEmpty ? "no FOLDER/data.pkl entry: not a torch.save checkpoint" : "more than one FOLDER/data.pkl entry")
        }
        let prefix = String(pickleName.dropLast(8))
        if let version = zip.entries[prefix + "version"], !(version.elementsEqual("3\n".utf8) || version.elementsEqual("3".utf8)) {
            throw failure("entry \(prefix)version says \(ArgumentText.printable(bytes: version)), expected 3")
        }
        if let order = zip.entries[prefix + "byteorder"], !order.elementsEqual("little".utf8) {
            throw failure("entry \(prefix)byteorder says \(ArgumentText.printable(bytes: order)); only little-endian checkpoints are read")
        }
        var machine = PickleMachine(bytes: Array(zip.entries[pickleName] ?? []), offset: 0, name: "\(file) (\(pickleName))",
                                    profile: .torchStateDict)
        guard case let .dict(stateDict) = try machine.run() else { throw failure("\(pickleName) holds no state dict (an OrderedDict of tensors)") }
        var tensors: [Tensor] = []
        var storages: [String: [Float]] = [:]
        for (key, value) in stateDict.pairs {
            guard case let .string(tensorName) = key, case let .tensor(tensor) = value else {
                throw failure("\(pickleName): item \(tensors.count + 1) of the state dict is not a name and a tensor")
            }
            tensors.append(try Self.values(of: tensor, named: tensorName, prefix: prefix, in: zip, decoded: &storages, failure: failure))
        }
        return TorchCheckpoint(tensors: tensors)
    }

    /// The values of one tensor from its storage entry, decoded once per
    /// storage: tensors naming the same storage share its values, as torch's do.
    private static func values(of tensor: PickleMachine.TensorValue, named name: String, prefix: String, in zip: StoredZip,
                               decoded: inout [String: [Float]], failure: (String) -> InputError) throws(InputError) -> Tensor {
        let shown = ArgumentText.printable(name)
        let entryName = prefix + "data/" + tensor.storageKey
        guard let storage = zip.entries[entryName] else { throw failure("tensor \(shown): no storage entry \(ArgumentText.printable(entryName))") }
        guard storage.count % 4 == 0, storage.count / 4 == tensor.storageCount else {
            throw failure("tensor \(shown): storage \(ArgumentText.printable(entryName)) holds \(storage.count) bytes, expected 4 × \(tensor.storageCount)")
        }
        guard tensor.shape.allSatisfy({ $0 >= 0 }) else { throw failure("tensor \(shown): a negative size in \(tensor.shape)") }
        // An empty tensor (a size 0 anywhere, as torch's (0, 5)) holds no value whatever its other sizes.
        let empty = tensor.shape.contains(0)
        var count = 1
        var contiguous: [Int] = []
        for size in tensor.shape.reversed() {
            contiguous.insert(count, at: 0)
            guard !empty else { continue }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= tensor.storageCount else { throw failure("tensor \(shown): shape \(tensor.shape) is larger than its storage (\(tensor.storageCount) values)") }
            count = product
        }
        if empty { count = 0 }
        guard tensor.storageOffset == 0, count == tensor.storageCount else {
            throw failure("tensor \(shown): a view (offset \(tensor.storageOffset), \(count) of \(tensor.storageCount) values); only whole tensors are read")
        }
        guard count <= 1 || tensor.strides == contiguous else {
            throw failure("tensor \(shown): strides \(tensor.strides) are not row-major \(contiguous)")
        }
        if let values = decoded[entryName] { return Tensor(name: name, shape: tensor.shape, values: values) }
        let values = stride(from: storage.startIndex, to: storage.endIndex, by: 4).map {
            Float(bitPattern: UInt32(truncatingIfNeeded: LittleEndian.value(storage, at: $0, width: 4)))
        }
        decoded[entryName] = values
        return Tensor(name: name, shape: tensor.shape, values: values)
    }
}

extension TorchCheckpoint {
    /// Writes the checkpoint to `path` (whole or not at all), its entries
    /// under the file's stem as `torch.save` names them; `torch.load` reads it.
    public func write(to path: String) throws(SystemError) {
        let file = path.split(separator: "/").last.map(String.init) ?? "checkpoint"
        let stem = file.hasSuffix(".pth") || file.hasSuffix(".pt") ? String(file[..<file.lastIndex(of: ".")!]) : file
        try AtomicFileWriter.write(TorchCheckpointWriter.bytes(of: self, folder: stem.isEmpty ? "archive" : stem), to: path)
    }
}
