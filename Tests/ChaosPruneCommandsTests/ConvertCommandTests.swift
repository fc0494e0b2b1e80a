import ChaosPruneFormats
import Foundation
import Testing
import TestSupport

/// `chaosprune convert`, each conversion and its refusals.
@Suite("convert")
struct ConvertCommandTests {
    static let fixtures = TestSupport.fixtures

    private func convert(_ arguments: [String], in folder: URL) throws -> TestSupport.Run {
        try TestSupport.run("chaosprune", ["convert"] + arguments, in: folder)
    }

    private func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("inputs that do not fit the conversion are usage errors before anything is read or written", arguments: [
        (["csvwrite", "a.csv", "b.csv"], "csvwrite converts one input file, not 2"),
        (["transpose", "a.csv", "b.csv", "c.csv"], "transpose converts one input file, not 3"),
        (["npy", "x.npy", "y.npy"], "npy converts one input file, not 2"),
        (["mask-to-vector", "a.csv", "b.csv", "--weights", "4"], "mask-to-vector converts one input file, not 2"),
        (["layers-to-mask", "a.csv", "--layers", "2x2,1x2"], "--layers names 2 layer(s), but 1 matrix file(s) were given (one per layer, W1 first)"),
        (["layers-to-mask", "a.csv", "b.csv", "c.csv", "--layers", "2x2,1x2"], "--layers names 2 layer(s), but 3 matrix file(s) were given"),
        (["mask-to-layers", "a.csv"], "mask-to-layers needs --layers RxC,…"),
    ])
    func inputsThatDoNotFit(_ arguments: [String], _ message: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try convert(arguments + ["-o", "out.csv"], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("chaosprune convert: error: \(message)"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an object array's item files are checked against the input (itself or through a link) before anything is written")
    func objectArrayItemsAreOutputs() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let object = Self.fixtures.appendingPathComponent("npy/object.npy")
        try FileManager.default.copyItem(at: object, to: folder.appendingPathComponent("x_0.csv"))
        try FileManager.default.copyItem(at: object, to: folder.appendingPathComponent("o.npy"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("y_1.csv").path, withDestinationPath: "o.npy")
        for (input, output, named) in [("x_0.csv", "x", "x_0.csv"), ("o.npy", "y", "o.npy")] {
            let before = try Data(contentsOf: folder.appendingPathComponent(input))
            let run = try convert(["npy", input, "-o", output], in: folder)
            #expect(run.status == 2)
            #expect(run.standardError.contains("--output names the input '\(named)'"), "\(run.standardError)")
            #expect(try Data(contentsOf: folder.appendingPathComponent(input)) == before)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["o.npy", "x_0.csv", "y_1.csv"])
    }

    @Test("a multi-file conversion writes all its files or none: one item file that cannot be written leaves no other")
    func multiFileAllOrNothing() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x_1.csv"), withIntermediateDirectories: false)
        let run = try convert(["npy", Self.fixtures.appendingPathComponent("npy/object.npy").path, "-o", "x"], in: folder)
        #expect(run.status == 1, "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x_1.csv"])
    }

    @Test("a stream as the stem of several files is refused: -o - or /dev/stdout writes no STEM_… file", arguments: [
        (["npy", "OBJECT", "-o", "-"], 1),
        (["pth", "PTH", "-o", "-"], 2),
        (["pth", "PTH", "-o", "/dev/stdout"], 2),
        (["mask-to-layers", "MASK", "--layers", "1x1,1x1", "-o", "-"], 2),
    ])
    func streamStem(_ arguments: [String], _ status: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1\n".utf8).write(to: folder.appendingPathComponent("mask.csv"))
        let pth = try #require(try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent("pth").path).first { $0.hasSuffix(".pth") })
        let resolved = arguments.map { argument in
            switch argument {
            case "OBJECT": Self.fixtures.appendingPathComponent("npy/object.npy").path
            case "PTH": Self.fixtures.appendingPathComponent("pth/\(pth)").path
            case "MASK": "mask.csv"
            default: argument
            }
        }
        let run = try convert(resolved, in: folder)
        #expect(Int(run.status) == status)
        #expect(run.standardError.contains("is a stream, but \(arguments[0]) writes several files"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mask.csv"])
    }

    @Test("a checkpoint of 1,100 tensors converts under a limit of 64 open files: one file open at a time")
    func manyTensors() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpoint = TorchCheckpoint(tensors: (0..<1_100).map { .init(name: "t\($0)", shape: [2], values: [Float($0), 0.5]) })
        try checkpoint.write(to: folder.appendingPathComponent("many.pth").path)
        let chaosprune = TestSupport.products.appendingPathComponent("chaosprune").path
        let run = try TestSupport.run("/bin/sh", ["-c", "ulimit -n 64 && exec '\(chaosprune)' convert pth many.pth -o out"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1_101)
        #expect(try text(folder, "out_t1099.csv") == "1099.0\n0.5\n")
    }

    @Test("a pickle nested 100,000 levels deep is refused with a message, never a crash", arguments: [0x85, UInt8(ascii: "t")])
    func deepPickle(_ opcode: UInt8) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = Array("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }\n".utf8)
        let nesting = opcode == 0x85 ? [UInt8(ascii: "N")] + [UInt8](repeating: 0x85, count: 100_000)
            : [UInt8](repeating: UInt8(ascii: "("), count: 100_000) + [UInt8](repeating: UInt8(ascii: "t"), count: 100_000)
        let bytes = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + [0x80, 3] + nesting + [UInt8(ascii: ".")]
        try Data(bytes).write(to: folder.appendingPathComponent("deep.npy"))
        let run = try convert(["npy", "deep.npy", "-o", "out"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains("nested more than 64 levels"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["deep.npy"])
    }

    @Test("transpose twice gives the window_LE file back byte for byte; a ragged file is refused")
    func transpose() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = Self.fixtures.appendingPathComponent("pipeline/iris-s3/window_LE_w200.csv")
        #expect(try convert(["transpose", original.path, "-o", "t.csv"], in: folder).status == 0)
        #expect(try convert(["transpose", "t.csv", "-o", "tt.csv"], in: folder).status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("tt.csv")) == Data(contentsOf: original))
        try Data("1,2\n3\n".utf8).write(to: folder.appendingPathComponent("ragged.csv"))
        let ragged = try convert(["transpose", "ragged.csv", "-o", "r.csv"], in: folder)
        #expect(ragged.status == 1 && ragged.standardError.contains("ragged.csv:2: ragged row"))
    }

    @Test("csvwrite gives %.5g; roundtrip gives shortest text; a text cell is an error with its position")
    func numberText() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("0.123456789,1e-7\n-0.0,12345678\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        #expect(try convert(["csvwrite", "a.csv", "-o", "m.csv"], in: folder).status == 0)
        #expect(try text(folder, "m.csv") == "0.12346,1e-07\n-0,1.2346e+07\n")
        #expect(try convert(["roundtrip", "a.csv", "-o", "r.csv", "--crlf"], in: folder).status == 0)
        #expect(try text(folder, "r.csv") == "0.123456789,1e-07\r\n-0.0,12345678.0\r\n")
        try Data("1,x\n".utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let bad = try convert(["csvwrite", "bad.csv", "-o", "b.csv"], in: folder)
        #expect(bad.status == 1 && bad.standardError.contains("bad.csv:1:2: expected a number"))
    }

    @Test("mask ↔ 0/1 vector with the MNIST offset; out-of-range indices and non-0/1 flags are refused")
    func maskVector() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("39203\n39200\n".utf8).write(to: folder.appendingPathComponent("mask.csv"))
        #expect(try convert(["mask-to-vector", "mask.csv", "--weights", "5", "--offset", "39200", "-o", "v.csv"], in: folder).status == 0)
        #expect(try text(folder, "v.csv") == "1\n0\n0\n1\n0\n")
        #expect(try convert(["vector-to-mask", "v.csv", "--offset", "39200", "-o", "m.csv"], in: folder).status == 0)
        #expect(try text(folder, "m.csv") == "39200\n39203\n")
        let outside = try convert(["mask-to-vector", "mask.csv", "--weights", "3", "--offset", "39200", "-o", "x.csv"], in: folder)
        #expect(outside.status == 1 && outside.standardError.contains("mask.csv:1:1: index 39203 is outside the network's 3 weights (39200…39202, counting from 39200)"))
        try Data("0\n2\n".utf8).write(to: folder.appendingPathComponent("flags.csv"))
        let flags = try convert(["vector-to-mask", "flags.csv", "-o", "y.csv"], in: folder)
        #expect(flags.status == 1 && flags.standardError.contains("flags.csv:2:1: expected 0 or 1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.csv").path))
    }

    @Test("mask ↔ per-layer matrices (W1 then W2, row-major) round trip on the banknote mask")
    func maskLayers() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mask = Self.fixtures.appendingPathComponent("pipeline/banknote-s1/mask.csv").path
        #expect(try convert(["mask-to-layers", mask, "--layers", "4x8,8x1", "-o", "layers.csv"], in: folder).status == 0)
        let first = try text(folder, "layers_W1.csv").split(separator: "\n")
        #expect(first.count == 4 && first.allSatisfy { $0.split(separator: ",").count == 8 })
        #expect(try text(folder, "layers_W1.csv").hasPrefix("0,0,1,0,0,0,0,0\n"))
        #expect(try convert(["layers-to-mask", "layers_W1.csv", "layers_W2.csv", "--layers", "4x8,8x1", "-o", "back.csv"], in: folder).status == 0)
        #expect(try TestSupport.run("chaosprune", ["compare", "back.csv", mask, "--as-sets"], in: folder).status == 0)
        let wrong = try convert(["layers-to-mask", "layers_W1.csv", "--layers", "8x4", "-o", "w.csv"], in: folder)
        #expect(wrong.status == 1 && wrong.standardError.contains("expected a 8x4 matrix for layer W1"))
    }

    @Test(".npy in C and Fortran order, float32 and integers, to CSV; object arrays of float arrays to one CSV each; bare pickles refused")
    func numpyFiles() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let npy = Self.fixtures.appendingPathComponent("npy")
        for name in ["c_float64", "fortran_float64"] {
            #expect(try convert(["npy", npy.appendingPathComponent("\(name).npy").path, "-o", "\(name).csv"], in: folder).status == 0)
            #expect(try text(folder, "\(name).csv") == "1.5,-0.25,1e-07\n3.0,0.1,-2.5\n")
        }
        #expect(try convert(["npy", npy.appendingPathComponent("c_float32.npy").path, "-o", "f.csv", "--csvwrite"], in: folder).status == 0)
        #expect(try text(folder, "f.csv") == "1.5,-0.25,1e-07\n3,0.1,-2.5\n")
        #expect(try convert(["npy", npy.appendingPathComponent("vector_int64.npy").path, "-o", "i.csv"], in: folder).status == 0)
        #expect(try text(folder, "i.csv") == "3\n1\n4\n1\n5\n")
        let object = try convert(["npy", npy.appendingPathComponent("object.npy").path, "-o", "o.csv"], in: folder)
        #expect(object.status == 0, "\(object.standardError)")
        #expect(try text(folder, "o_0.csv") == "0.0,0.0\n0.0,0.0\n")
        #expect(try text(folder, "o_1.csv") == "1.0\n1.0\n1.0\n")
        let authors = try convert(["npy", Self.fixtures.appendingPathComponent("training/init/iris.npy").path, "-o", "init"], in: folder)
        #expect(authors.status == 0)
        #expect(try text(folder, "init_0_3.csv").split(separator: "\n").count == 3, "trial 1's b2 of the 4-6-3 iris network")
        let pickle = try convert(["npy", npy.appendingPathComponent("list.pkl").path, "-o", "p.csv"], in: folder)
        #expect(pickle.status == 1 && pickle.standardError.contains("this is a Python pickle"))
    }

    @Test("pth: one CSV per tensor (rows of the last dimension, float32 shortest text) or one float32 .npy, equal to the checkpoint's values; .pth re-writes it on the CPU")
    func checkpointToFiles() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = Self.fixtures.appendingPathComponent("mnist/init/model_3.pth").path
        let names = ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc4.weight", "fc4.bias"]
        #expect(try convert(["pth", model, "-o", "m3.csv"], in: folder).status == 0)
        #expect(try convert(["pth", model, "-o", "m3.npy"], in: folder).status == 0)
        #expect(try convert(["pth", model, "-o", "m3_cpu.pth"], in: folder).status == 0)
        let checkpoint = try TorchCheckpoint.read(model)
        for (name, tensor) in zip(names, checkpoint.tensors) {
            let rows = try text(folder, "m3_\(name).csv").split(separator: "\n")
            #expect(rows.count == tensor.shape[0] && rows[0].split(separator: ",").count == (tensor.shape.count == 2 ? tensor.shape[1] : 1))
            let csvValues = rows.flatMap { $0.split(separator: ",").map { Float(String($0))!.bitPattern } }
            #expect(csvValues == tensor.values.map(\.bitPattern), "\(name).csv")
            let npy = try NumpyArrayReader.read(folder.appendingPathComponent("m3_\(name).npy").path)
            #expect(npy.kind == .float32 && npy.rowCount * npy.columnCount == tensor.values.count)
        }
        let resaved = try TorchCheckpoint.read(folder.appendingPathComponent("m3_cpu.pth").path)
        #expect(resaved.tensors.map(\.name) == names && resaved.flatValues.map(\.bitPattern) == checkpoint.flatValues.map(\.bitPattern))
    }

    @Test("pth: a damaged checkpoint is a failed run naming the file, and nothing is written")
    func damagedCheckpoint() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("mnist/init/model_1.pth")))
        bytes[100_000] ^= 0xFF
        try Data(bytes).write(to: folder.appendingPathComponent("bad.pth"))
        let run = try convert(["pth", "bad.pth", "-o", "out.csv"], in: folder)
        #expect(run.status == 1 && run.standardError.contains("bad.pth: zip entry 'archive/data/0' fails its CRC-32 check"), "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.pth"])
    }

    @Test("pth: an output naming the input, or two tensors whose files would be one, is a usage error once the checkpoint is read, and nothing is written")
    func checkpointOutputsApart() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TorchCheckpoint(tensors: [.init(name: "a/b", shape: [1], values: [1]), .init(name: "a_b", shape: [1], values: [2])])
            .write(to: folder.appendingPathComponent("clash.pth").path)
        let clash = try convert(["pth", "clash.pth", "-o", "c.csv"], in: folder)
        #expect(clash.status == 2 && clash.standardError.contains("name the same file, 'c_a_b.csv'"), "\(clash.standardError)")
        let before = try Data(contentsOf: folder.appendingPathComponent("clash.pth"))
        let onto = try convert(["pth", "clash.pth", "-o", "./clash.pth"], in: folder)
        #expect(onto.status == 2 && onto.standardError.contains("names the input"), "\(onto.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("clash.pth")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["clash.pth"])
    }
}
