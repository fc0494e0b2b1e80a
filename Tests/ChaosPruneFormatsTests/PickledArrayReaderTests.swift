import SyntheticData
import Foundation
import Testing
import TestSupport
import ChaosPruneFormats

/// The restricted pickle reader on the authors' files and on hostile ones.
@Suite("restricted pickle reader")
struct PickledArrayReaderTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("training/init")
    static let files = ["bank_note", "cancer2", "iris", "iris3f", "titanic2", "diabetes-1", "diabetes-2", "diabetes-3", "diabetes-4"]

    @Test("every value of every authors' init file equals its plain-text copy", arguments: files)
    func authorsFiles(_ name: String) throws {
        let array = try PickledArrayReader.read(Self.folder.appendingPathComponent("\(name).npy").path)
        let text = try String(contentsOf: Self.folder.appendingPathComponent("plain/\(name).csv"), encoding: .utf8)
        let names = ["W1", "b1", "W2", "b2"]
        var checked = 0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let trial = Int(fields[0])!, position = names.firstIndex(of: fields[1])!, i = Int(fields[2])!, j = Int(fields[3])!
            let item = array.items[(array.shape.count == 2 ? 4 * (trial - 1) : 0) + position]
            let columns = item.shape.count == 2 ? item.shape[1] : 1
            #expect(item.values[i * columns + j] == Double(fields[4])!, "\(line)")
            checked += 1
        }
        #expect(checked == array.items.reduce(0) { $0 + $1.values.count })
        if name == "bank_note" {
            #expect(array.shape == [10, 4])
            #expect(array.items[0].values[0] == 0.0030311657494342223)
            #expect(array.items[3].values[0] == -0.08357621350209089)
        }
    }

    @Test("every truncation of an authors' file is refused with a message, never a crash")
    func truncations() throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent("diabetes-1.npy")))
        for length in 0..<bytes.count {
            #expect(throws: InputError.self) { try PickledArrayReader.read(Array(bytes[..<length]), name: "t.npy") }
        }
    }

    /// The diabetes file with its pickle replaced by `edit(pickle)`.
    static func edited(_ edit: ([UInt8]) -> [UInt8]) throws -> [UInt8] {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("diabetes-1.npy")))
        let start = 10 + Int(bytes[8]) + Int(bytes[9]) << 8
        return Array(bytes[..<start]) + edit(Array(bytes[start...]))
    }

    static func replacing(_ old: String, with new: String) -> ([UInt8]) -> [UInt8] {
        { bytes in
            let needle = Array(old.utf8)
            guard let index = (0...(bytes.count - needle.count)).first(where: { Array(bytes[$0..<($0 + needle.count)]) == needle }) else { return bytes }
            return Array(bytes[..<index]) + Array(new.utf8) + Array(bytes[(index + needle.count)...])
        }
    }

    @Test("hostile pickles are refused, naming the byte", arguments: [
        ("numpy.core.multiarray\n_reconstruct", "os\nsystem\n_reconstr", "global 'os.system' is not allowed"),
        ("numpy\nndarray", "numpy\nndarrax", "global 'numpy.ndarrax' is not allowed"),
        ("X\u{2}\0\0\0O8", "X\u{2}\0\0\0i8", "dtype 'i8' is not allowed"),
        ("X\u{1}\0\0\0<", "X\u{1}\0\0\0>", "big-endian float64 data is not supported"),
    ])
    func hostile(_ old: String, _ new: String, _ message: String) throws {
        let bytes = try Self.edited(Self.replacing(old, with: new))
        #expect(bytes != (try Self.edited { $0 }), "the edit applies")
        do {
            _ = try PickledArrayReader.read(bytes, name: "h.npy")
            Issue.record("accepted a hostile pickle")
        } catch {
            #expect(error.description.hasPrefix("h.npy: byte "), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test("forbidden opcodes, calls and sizes are refused", arguments: [
        ([0x80, 3, UInt8(ascii: "c")] + Array("builtins\neval\n".utf8) + [UInt8(ascii: ".")], "global 'builtins.eval' is not allowed"),
        ([0x80, 3, UInt8(ascii: "I")] + Array("1\n.".utf8), "pickle opcode 0x49 is not allowed"),
        ([0x80, 3, UInt8(ascii: "B"), 0xff, 0xff, 0xff, 0xff], "the pickle ends inside an argument"),
        ([0x80, 3, UInt8(ascii: "h"), 7, UInt8(ascii: ".")], "memo entry 7 was never put"),
        ([0x80, 3, UInt8(ascii: "N"), UInt8(ascii: "N"), UInt8(ascii: "R")], "REDUCE of something that is not an allowed call"),
        ([0x80, 9], "pickle protocol 9"),
        ([0x80, 3, UInt8(ascii: ".")], "the pickle pops an empty stack"),
        ([0x80, 3, UInt8(ascii: "N"), UInt8(ascii: ".")], "the pickle holds no object array"),
    ])
    func forbidden(_ pickle: [UInt8], _ message: String) throws {
        let header = Array("{'descr': '|O', 'fortran_order': False, 'shape': (4,), }\n".utf8)
        let bytes = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + pickle
        #expect { try PickledArrayReader.read(bytes, name: "f.npy") } throws: { error in
            (error as? InputError)?.description.contains(message) == true
        }
    }

    /// Pickles nested 60,000 to 100,000 levels deep (tuples, marks, lists) and a list holding itself.
    static let deepAndCyclic: [([UInt8], String)] = {
        let (mark, tuple, list, appends) = (UInt8(ascii: "("), UInt8(ascii: "t"), UInt8(ascii: "]"), UInt8(ascii: "e"))
        let tuples: [UInt8] = [0x80, 3, UInt8(ascii: "N")] + [UInt8](repeating: 0x85, count: 100_000) + [UInt8(ascii: ".")]
        let marks: [UInt8] = [0x80, 3] + [UInt8](repeating: mark, count: 60_000) + [UInt8](repeating: tuple, count: 60_000)
        var lists: [UInt8] = [0x80, 3]
        for _ in 0..<60_000 { lists += [list, mark] }
        lists += [list] + [UInt8](repeating: appends, count: 60_000)
        let cycle: [UInt8] = [0x80, 3, list, UInt8(ascii: "q"), 0, mark, UInt8(ascii: "h"), 0, appends, UInt8(ascii: ".")]
        return [(tuples, "nested more than 64 levels"), (marks, "nested more than 64 levels"), (lists, "nested more than 64 levels"),
                (cycle, "a shared or cyclic structure is not read")]
    }()

    @Test("pickles nested deeper than 64 levels, or holding a cycle, are refused, never a crash", arguments: deepAndCyclic)
    func deepOrCyclic(_ pickle: [UInt8], _ message: String) throws {
        try forbidden(pickle, message)
    }

    @Test("20,000 random mutations of the authors' files (flips, insertions, deletions) are read or refused, never a crash")
    func mutations() throws {
        var random = SplitMix64(seed: 2026)
        for name in ["diabetes-1", "bank_note"] {
            let original = Array(try Data(contentsOf: Self.folder.appendingPathComponent("\(name).npy")))
            for _ in 0..<10_000 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let position = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
                    case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
                    default: bytes.remove(at: position)
                    }
                }
                if let array = try? PickledArrayReader.read(bytes, name: "m.npy") {
                    #expect(array.items.count == array.shape.reduce(1, *))
                    #expect(array.items.allSatisfy { $0.values.count == $0.shape.reduce(1, *) })
                }
            }
        }
    }

    @Test("a payload that does not match its shape is refused")
    func payloadLength() throws {
        let bytes = try Self.edited { pickle in
            let needle: [UInt8] = [UInt8(ascii: "K"), 5, UInt8(ascii: "K"), 8, 0x86]
            guard let index = (0...(pickle.count - 5)).first(where: { Array(pickle[$0..<($0 + 5)]) == needle }) else { return pickle }
            var copy = pickle
            copy[index + 3] = 9
            return copy
        }
        #expect { try PickledArrayReader.read(bytes, name: "p.npy") } throws: { error in
            (error as? InputError)?.description.contains("a float64 payload of 320 bytes for shape [5, 9], which needs 360") == true
        }
    }
}
