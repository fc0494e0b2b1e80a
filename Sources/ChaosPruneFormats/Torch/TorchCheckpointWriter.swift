/// The bytes of a state-dict checkpoint that `torch.load(weights_only=True)`
/// reads: a zip of stored entries under one folder (`data.pkl`, one
/// little-endian float32 storage per tensor under `data/`, `version` and
/// `byteorder`), each entry's data aligned to 64 bytes by a padding extra
/// field as `torch.save` aligns it, sizes and CRC-32 in the local headers and
/// the central directory.
///
/// The pickle (protocol 2) uses only what `TorchCheckpoint` reads:
/// `OrderedDict()` with the tensors set by SETITEMS, each
/// `_rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())` on a
/// `('storage', FloatStorage, key, 'cpu', count)` persistent id. It has no
/// `_metadata` attribute, which `load_state_dict` does not need.
package enum TorchCheckpointWriter {
    /// The file's bytes for `checkpoint`, its entries under `folder/`.
    package static func bytes(of checkpoint: TorchCheckpoint, folder: String) -> [UInt8] {
        var entries: [(String, [UInt8])] = [("\(folder)/data.pkl", pickle(checkpoint))]
        for (key, tensor) in checkpoint.tensors.enumerated() {
            var data: [UInt8] = []
            data.reserveCapacity(4 * tensor.values.count)
            for value in tensor.values { LittleEndian.append(UInt64(value.bitPattern), width: 4, to: &data) }
            entries.append(("\(folder)/data/\(key)", data))
        }
        entries += [("\(folder)/version", Array("3\n".utf8)), ("\(folder)/byteorder", Array("little".utf8))]
        return zip(entries)
    }

    /// The state dict's pickle.
    package static func pickle(_ checkpoint: TorchCheckpoint) -> [UInt8] {
        var out: [UInt8] = [0x80, 2]
        func global(_ module: String, _ name: String) { out += Array("c\(module)\n\(name)\n".utf8) }
        func text(_ value: String) {
            out.append(UInt8(ascii: "X"))
            LittleEndian.append(UInt64(value.utf8.count), width: 4, to: &out)
            out += Array(value.utf8)
        }
        func integer(_ value: Int) {
            out.append(UInt8(ascii: "J"))
            LittleEndian.append(UInt64(UInt32(truncatingIfNeeded: value)), width: 4, to: &out)
        }
        func tuple(_ values: [Int]) {
            out.append(UInt8(ascii: "("))
            values.forEach(integer)
            out.append(UInt8(ascii: "t"))
        }
        func emptyOrderedDict() {
            global("collections", "OrderedDict")
            out += [UInt8(ascii: ")"), UInt8(ascii: "R")]
        }
        emptyOrderedDict()
        out.append(UInt8(ascii: "("))
        for (key, tensor) in checkpoint.tensors.enumerated() {
            text(tensor.name)
            global("torch._utils", "_rebuild_tensor_v2")
            out.append(UInt8(ascii: "("))
            out.append(UInt8(ascii: "("))
            text("storage")
            global("torch", "FloatStorage")
            text(String(key))
            text("cpu")
            integer(tensor.values.count)
            out += [UInt8(ascii: "t"), UInt8(ascii: "Q")]
            integer(0)
            tuple(tensor.shape)
            var strides: [Int] = []
            var step = 1
            for size in tensor.shape.reversed() {
                strides.insert(step, at: 0)
                step *= size
            }
            tuple(strides)
            out.append(0x89)
            emptyOrderedDict()
            out += [UInt8(ascii: "t"), UInt8(ascii: "R")]
        }
        out += [UInt8(ascii: "u"), UInt8(ascii: ".")]
        return out
    }

    /// A zip of stored entries, each entry's data starting on a multiple of 64 bytes.
    package static func zip(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, data) in entries {
            let offset = out.count
            let crc = CRC32.checksum(data[...])
            let nameBytes = Array(name.utf8)
            let unpadded = offset + 30 + nameBytes.count + 4
            let padding = (64 - unpadded % 64) % 64
            func header(_ signature: UInt64, central: Bool, extra: Int) -> [UInt8] {
                var bytes: [UInt8] = []
                LittleEndian.append(signature, width: 4, to: &bytes)
                if central { LittleEndian.append(20, width: 2, to: &bytes) }
                for (value, width) in [(20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2)] as [(UInt64, Int)] { LittleEndian.append(value, width: width, to: &bytes) }
                LittleEndian.append(UInt64(crc), width: 4, to: &bytes)
                LittleEndian.append(UInt64(data.count), width: 4, to: &bytes)
                LittleEndian.append(UInt64(data.count), width: 4, to: &bytes)
                LittleEndian.append(UInt64(nameBytes.count), width: 2, to: &bytes)
                LittleEndian.append(UInt64(extra), width: 2, to: &bytes)
                if central {
                    for (value, width) in [(0, 2), (0, 2), (0, 2), (0, 4), (offset, 4)] as [(Int, Int)] { LittleEndian.append(UInt64(value), width: width, to: &bytes) }
                }
                return bytes + nameBytes
            }
            out += header(0x0403_4B50, central: false, extra: 4 + padding)
            out += [0x46, 0x42]
            LittleEndian.append(UInt64(padding), width: 2, to: &out)
            out += [UInt8](repeating: 0x5A, count: padding)
            out += data
            central += header(0x0201_4B50, central: true, extra: 0)
        }
        let directoryOffset = out.count
        out += central
        LittleEndian.append(0x0605_4B50, width: 4, to: &out)
        for (value, width) in [(0, 2), (0, 2), (entries.count, 2), (entries.count, 2), (central.count, 4), (directoryOffset, 4), (0, 2)] {
            LittleEndian.append(UInt64(value), width: width, to: &out)
        }
        return out
    }
}
