import ChaosPruneFormats
import Foundation
import Testing
import TestSupport

@Suite("PyTorch checkpoints without torch")
struct TorchCheckpointTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("mnist/init")
    static let shapes = [("fc1.weight", [50, 784]), ("fc1.bias", [50]), ("fc2.weight", [30, 50]), ("fc2.bias", [30]),
                         ("fc4.weight", [10, 30]), ("fc4.bias", [10])]

    /// The 41,090 float32 values of `model_K_flat_f32.npy`, as their bits.
    static func flat(_ model: Int) throws -> [UInt32] {
        let array = try NumpyArrayReader.read(folder.appendingPathComponent("model_\(model)_flat_f32.npy").path)
        return (0..<array.rowCount).map { Float(array.value($0, 0)).bitPattern }
    }

    @Test("the authors' checkpoints (archive/ and model_K/ folders, cpu and cuda:0) and torch 2.15's re-save read to the flat float32 copies bit for bit",
          arguments: [("model_1.pth", 1), ("model_2.pth", 2), ("model_3.pth", 3), ("model_1_torch2.15.pth", 1)])
    func readsTheAuthorsFiles(_ file: String, _ model: Int) throws {
        let checkpoint = try TorchCheckpoint.read(Self.folder.appendingPathComponent(file).path)
        #expect(checkpoint.tensors.map(\.name) == Self.shapes.map(\.0))
        #expect(checkpoint.tensors.map(\.shape) == Self.shapes.map(\.1))
        #expect(checkpoint.flatValues.map(\.bitPattern) == (try Self.flat(model)))
    }

    @Test("a written checkpoint reads back to the same tensors, bit for bit, NaN payloads and signed zeros included")
    func writesWhatItReads() throws {
        let original = try TorchCheckpoint.read(Self.folder.appendingPathComponent("model_2.pth").path)
        var edited = original
        edited.tensors[1].values[0] = -0.0
        edited.tensors[1].values[1] = Float(bitPattern: 0x7FC0_1234)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for checkpoint in [original, edited] {
            let path = folder.appendingPathComponent("saved.pth").path
            try checkpoint.write(to: path)
            let back = try TorchCheckpoint.read(path)
            #expect(back.tensors.map(\.name) == checkpoint.tensors.map(\.name) && back.tensors.map(\.shape) == checkpoint.tensors.map(\.shape))
            #expect(back.flatValues.map(\.bitPattern) == checkpoint.flatValues.map(\.bitPattern))
        }
    }

    @Test("damaged or foreign files are refused with the file and what is wrong", arguments: [
        ("a flipped byte in a storage", "fails its CRC-32 check"),
        ("a truncated file", "not a zip archive"),
        ("a numpy file", "not a zip archive"),
        ("a pickle calling os.system", "global 'os.system' is not allowed"),
        ("a pickle with a numpy global", "global 'numpy.dtype' is not allowed"),
        ("a storage shorter than its tensor", "holds 8 bytes, expected 4 × 3"),
        ("a tensor viewing part of its storage", "only whole tensors are read"),
        ("a column-major tensor", "are not row-major"),
        ("a zip without data.pkl", "no FOLDER/data.pkl entry"),
    ])
    func refusesDamage(_ what: String, _ expected: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.pth").path
        let model = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("model_1.pth")))
        let small = TorchCheckpoint(tensors: [.init(name: "w", shape: [3], values: [1, 2, 3])])
        let goodPickle = TorchCheckpointWriter.pickle(small)
        func storage(_ values: [Float]) -> [UInt8] { values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } } }
        func swapped(_ from: String, _ to: String) -> [UInt8] {
            let (old, new) = (Array(from.utf8), Array(to.utf8))
            guard let start = (0...(goodPickle.count - old.count)).first(where: { Array(goodPickle[$0..<($0 + old.count)]) == old }) else { return goodPickle }
            return Array(goodPickle[..<start]) + new + Array(goodPickle[(start + old.count)...])
        }
        let bytes: [UInt8]
        switch what {
        case "a flipped byte in a storage":
            var damaged = model
            damaged[model.count / 2] ^= 1
            bytes = damaged
        case "a truncated file": bytes = Array(model.prefix(model.count - 100))
        case "a numpy file": bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("model_1_flat_f32.npy")))
        case "a pickle calling os.system": bytes = TorchCheckpointWriter.zip([("p/data.pkl", swapped("ccollections\nOrderedDict\n", "cos\nsystem\n")), ("p/data/0", storage([1, 2, 3]))])
        case "a pickle with a numpy global": bytes = TorchCheckpointWriter.zip([("p/data.pkl", swapped("ctorch\nFloatStorage\n", "cnumpy\ndtype\n")), ("p/data/0", storage([1, 2, 3]))])
        case "a storage shorter than its tensor": bytes = TorchCheckpointWriter.zip([("p/data.pkl", goodPickle), ("p/data/0", storage([1, 2]))])
        case "a tensor viewing part of its storage":
            bytes = TorchCheckpointWriter.zip([("p/data.pkl", TorchCheckpointWriter.pickle(TorchCheckpoint(tensors: [.init(name: "w", shape: [2], values: [1, 2])]))),
                                               ("p/data/0", storage([1, 2, 3]))].map { ($0.0, $0.0 == "p/data.pkl" ? Self.withStorageCount(3, $0.1) : $0.1) })
        case "a column-major tensor":
            let square = TorchCheckpoint(tensors: [.init(name: "w", shape: [2, 2], values: [1, 2, 3, 4])])
            bytes = TorchCheckpointWriter.zip([("p/data.pkl", Self.transposedStrides(TorchCheckpointWriter.pickle(square))), ("p/data/0", storage([1, 2, 3, 4]))])
        default: bytes = TorchCheckpointWriter.zip([("p/other.pkl", goodPickle)])
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try TorchCheckpoint.read(path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.description.hasPrefix(path) && error.description.contains(expected)
        }
    }

    @Test("empty tensors of every shape torch makes ((0, 5), (5, 0), (0,), (2, 0, 3)) are read, with no values")
    func emptyTensors() throws {
        let shapes = [[0, 5], [5, 0], [0], [2, 0, 3]]
        let checkpoint = TorchCheckpoint(tensors: shapes.enumerated().map { .init(name: "e\($0.offset)", shape: $0.element, values: []) })
        let read = try TorchCheckpoint.read(TorchCheckpointWriter.bytes(of: checkpoint, folder: "empty"), name: "empty.pth")
        #expect(read.tensors.map(\.shape) == shapes)
        #expect(read.tensors.allSatisfy { $0.values.isEmpty })
    }

    @Test("tensors naming one storage share its values, decoded once, as torch shares the storage")
    func sharedStorage() throws {
        let values = (0..<100_000).map { Float($0) }
        let two = TorchCheckpoint(tensors: [.init(name: "a", shape: [100_000], values: values), .init(name: "b", shape: [100_000], values: values)])
        var pickle = TorchCheckpointWriter.pickle(two)
        let marker = Array("FloatStorage\n".utf8)
        let starts = (0...(pickle.count - marker.count)).filter { Array(pickle[$0..<($0 + marker.count)]) == marker }
        let key = try #require(pickle[starts[1]...].firstIndex(of: UInt8(ascii: "1")))
        pickle[key] = UInt8(ascii: "0")
        let data = values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
        let checkpoint = try TorchCheckpoint.read(TorchCheckpointWriter.zip([("p/data.pkl", pickle), ("p/data/0", data)]), name: "shared.pth")
        #expect(checkpoint.tensors.count == 2)
        #expect(checkpoint.tensors[0].values == values && checkpoint.tensors[1].values == values)
        let first = checkpoint.tensors[0].values.withUnsafeBufferPointer { $0.baseAddress }
        let second = checkpoint.tensors[1].values.withUnsafeBufferPointer { $0.baseAddress }
        #expect(first == second)
    }

    /// The pickle with the storage's value count (the BININT after 'cpu') set to `count`.
    static func withStorageCount(_ count: UInt8, _ pickle: [UInt8]) -> [UInt8] {
        var bytes = pickle
        let cpu = Array("cpu".utf8)
        guard let at = (0..<(bytes.count - 3)).first(where: { Array(bytes[$0..<($0 + 3)]) == cpu }) else { return bytes }
        bytes[at + 4] = count
        return bytes
    }

    /// The pickle with its stride tuple (1, 2) in place of (2, 1).
    static func transposedStrides(_ pickle: [UInt8]) -> [UInt8] {
        let rowMajor: [UInt8] = [0x28, 0x4A, 2, 0, 0, 0, 0x4A, 1, 0, 0, 0, 0x74]
        let columnMajor: [UInt8] = [0x28, 0x4A, 1, 0, 0, 0, 0x4A, 2, 0, 0, 0, 0x74]
        var bytes = pickle
        for start in stride(from: bytes.count - rowMajor.count, through: 0, by: -1) where Array(bytes[start..<(start + rowMajor.count)]) == rowMajor {
            bytes.replaceSubrange(start..<(start + rowMajor.count), with: columnMajor)
            break
        }
        return bytes
    }
}
