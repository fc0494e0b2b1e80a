import ChaosPruneFormats
import Foundation
import Testing
import TestSupport
import ChaosPruneKit
import LyapunovKit
import ChaosPruneSystem

/// The window stage's output does not depend on threads, batching or column splits.
@Suite("le-window determinism")
struct WindowDeterminismTests {
    static let weights = TestSupport.fixtures.appendingPathComponent("pipeline/banknote-s1/weights.csv").path

    /// Runs the job in-process into a file and returns its text.
    private func run(threads: Int, columns: ClosedRange<Int>? = nil, budget: Int = 256 << 20,
                     settings: WindowSettings = .current(plan: .standard)) throws -> String {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        var options = WindowLEJob.Options(settings: settings, threads: threads)
        options.columns = columns
        options.memoryBudget = budget
        let writer = try AtomicFileWriter(path: path)
        _ = try WindowLEJob.run(reader: try NumericCSVReader(path: Self.weights), writer: writer, options: options)
        try writer.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("1, 2 and 3 threads and tiny batches give the same file")
    func threadsAndBatches() throws {
        let reference = try run(threads: 1)
        #expect(try run(threads: 2) == reference)
        #expect(try run(threads: 3, budget: 1) == reference)
    }

    @Test("column shards joined column-wise equal one run", arguments: [[1...13, 14...40], [1...1, 2...39, 40...40]])
    func columnSplits(_ shards: [ClosedRange<Int>]) throws {
        let whole = try run(threads: 2)
        let parts = try shards.map { try run(threads: 2, columns: $0).split(separator: "\n") }
        let joined = (0..<parts[0].count).map { row in parts.map { String($0[row]) }.joined(separator: ",") + "\n" }.joined()
        #expect(joined == whole)
    }

    @Test("legacy layout shards stack row-wise into one run")
    func legacyShards() throws {
        let whole = try run(threads: 2, settings: .legacy(plan: try WindowPlan(window: 200, overlap: 0.1)))
        let top = try run(threads: 1, columns: 1...20, settings: .legacy(plan: try WindowPlan(window: 200, overlap: 0.1)))
        let bottom = try run(threads: 2, columns: 21...40, settings: .legacy(plan: try WindowPlan(window: 200, overlap: 0.1)))
        #expect(top + bottom == whole)
    }
}
