import Foundation
import Testing
import TestSupport

/// Progress goes to stderr only when it is a terminal, and never with --quiet.
@Suite("progress display")
struct ProgressDisplayTests {
    static let weights = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3/weights.csv").path

    @Test("stderr not a terminal: no progress line, only the closing summary; --quiet: nothing")
    func quietWithoutTerminal() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try TestSupport.run("chaosprune", ["le-window", Self.weights, "-o", "out.csv"], in: folder)
        #expect(plain.status == 0)
        #expect(!plain.standardError.contains("\r"))
        #expect(plain.standardError.hasPrefix("le-window: 42 weights × 106 windows"))
        let quiet = try TestSupport.run("chaosprune", ["le-window", Self.weights, "-o", "out.csv", "--quiet"], in: folder)
        #expect(quiet.standardError.isEmpty)
    }

    @Test("stderr a terminal (a pseudo-terminal from util-linux script): windows, rate, percent and ETA are shown",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnTerminal() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = TestSupport.products.appendingPathComponent("chaosprune").path
        let run = try TestSupport.run("/usr/bin/script", ["-qfec", "\(binary) le-window \(Self.weights) -o out.csv", "/dev/null"], in: folder)
        let screen = String(decoding: run.standardOutput, as: UTF8.self)
        #expect(run.status == 0)
        #expect(screen.contains("\rle-window: 106 windows"))
        #expect(screen.contains("ETA"))
    }
}
