import Foundation
import Testing
import TestSupport
import ChaosPruneSystem

@Suite("atomic file writer")
struct AtomicFileWriterTests {
    @Test("commit replaces the target whole; abandon leaves it and no temporary file")
    func commitAndAbandon() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        try AtomicFileWriter.write(Array("first\n".utf8), to: path)
        let writer = try AtomicFileWriter(path: path)
        try writer.write(Array("second\n".utf8))
        writer.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test("an unwritable folder is a failure naming the path")
    func unwritable() {
        #expect(throws: SystemError(operation: .write, path: "/nonexistent-folder/out.csv", code: 2)) {
            try AtomicFileWriter(path: "/nonexistent-folder/out.csv")
        }
    }
}
