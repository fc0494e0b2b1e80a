import Foundation
import Testing
import TestSupport
import ChaosPruneSystem

@Suite("staging folder")
struct StagingFolderTests {
    /// The paths the interrupt handler would remove now.
    static func registered() -> Set<String> {
        InterruptCleanup.lock.withLock { _ in
            Set((0..<InterruptCleanup.capacity).compactMap { InterruptCleanup.slots[$0].map { String(cString: $0) } })
        }
    }

    @Test("the folder and every file it may stage are left to the interrupt handler until commit, which moves the committed files and removes the run's others")
    func commitMovesAndForgets() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("run").path
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try Data("earlier run\n".utf8).write(to: URL(fileURLWithPath: target + "/c.csv"))
        try Data("the user's\n".utf8).write(to: URL(fileURLWithPath: target + "/notes.txt"))
        let staging = try StagingFolder(for: target, files: ["a.csv", "b.csv", "c.csv"])
        let handled: Set = [staging.path, staging.file("a.csv"), staging.file("b.csv"), staging.file("c.csv")]
        #expect(Self.registered().isSuperset(of: handled))
        try Data("a\n".utf8).write(to: URL(fileURLWithPath: staging.file("a.csv")))
        try Data("b\n".utf8).write(to: URL(fileURLWithPath: staging.file("b.csv")))
        try staging.commit(["a.csv"])
        #expect(Self.registered().isDisjoint(with: handled))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["a.csv", "notes.txt"],
                "the committed file lands, the earlier run's c.csv goes, other files stay")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run"], "the staging folder is gone")
    }

    @Test("discard removes what was staged and the folder, leaves the output folder as it was, and forgets them")
    func discardRemovesAndForgets() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("previous\n".utf8).write(to: target.appendingPathComponent("a.csv"))
        let staging = try StagingFolder(for: target.path + "/", files: ["a.csv"])
        #expect(staging.path.hasPrefix("\(folder.path)/.run.\(Platform.processIdentifier).") && staging.path.hasSuffix(".staging"), "beside the output folder")
        try Data("new\n".utf8).write(to: URL(fileURLWithPath: staging.file("a.csv")))
        staging.discard()
        #expect(!Self.registered().contains(staging.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run"])
        #expect(try String(contentsOf: target.appendingPathComponent("a.csv"), encoding: .utf8) == "previous\n")
    }
}
