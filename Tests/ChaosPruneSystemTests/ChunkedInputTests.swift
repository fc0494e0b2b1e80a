import Foundation
import Testing
import TestSupport
import ChaosPruneSystem

@Suite("chunked input")
struct ChunkedInputTests {
    private func file(_ bytes: [UInt8]) throws -> (folder: URL, path: String) {
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("input.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    private func drain(_ input: ChunkedInput) throws -> [UInt8] {
        try input.skipByteOrderMark()
        while !input.endOfFile { try input.fill() }
        return Array(input.buffer[input.start..<input.end])
    }

    @Test("every chunk size gives the file's bytes, a leading BOM skipped once, the terminator after them, consumed bytes counted",
          arguments: [1, 2, 3, 7, 1 << 20])
    func chunkSizes(chunk: Int) throws {
        let text = Array("\u{FEFF}1,2\r\n\u{FEFF}3\n".utf8)
        let (folder, path) = try file(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try ChunkedInput(path: path, chunk: chunk, terminator: 0)
        #expect(try drain(input) == Array(text.dropFirst(3)))
        #expect(input.buffer.last == 0)
        #expect(input.bytesConsumed == 3)
        try input.skipByteOrderMark()
        #expect(input.bytesConsumed == 3, "a second call skips nothing")
        input.start = input.end - 2
        input.compact()
        #expect(input.bytesConsumed == text.count - 2, "bytes dropped by compact() still count as consumed")
    }

    @Test("a small file costs a buffer of its size, not of the chunk", arguments: [0, 1, 5, 100])
    func smallFileSmallBuffer(size: Int) throws {
        let (folder, path) = try file(Array(repeating: 65, count: size))
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try ChunkedInput(path: path, chunk: 1 << 30)
        #expect(try drain(input).count == size)
        #expect(input.buffer.capacity < 4096 + 2 * size)
    }

    @Test("a file shorter than a BOM, or a partial BOM, is kept whole", arguments: ["", "\u{EF}", "\u{EF}\u{BB}", "ab"])
    func shortStarts(start: String) throws {
        let bytes = Array(start.unicodeScalars.map { UInt8($0.value) })
        let (folder, path) = try file(bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try drain(ChunkedInput(path: path, chunk: 2)) == bytes)
    }

    @Test("compact keeps the unconsumed bytes at the front")
    func compact() throws {
        let (folder, path) = try file(Array("abcdef".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try ChunkedInput(path: path, chunk: 4)
        try input.fill()
        input.start = 3
        input.compact()
        #expect(input.start == 0)
        #expect(Array(input.buffer) == Array("d".utf8))
        #expect(try drain(input) == Array("def".utf8))
    }

    @Test("a missing file is a read failure naming the path")
    func missing() {
        #expect(throws: SystemError(operation: .read, path: "/nonexistent-folder/x", code: 2)) {
            try ChunkedInput(path: "/nonexistent-folder/x", chunk: 16)
        }
    }
}
