import Foundation
import Testing
import TestSupport

/// Training whose outputs overflow to NaN finishes and records what the authors' loop records.
@Suite("training that overflows")
struct NonFiniteTrainingTests {
    @Test("retrain with outputs that become NaN exits 0 and records accuracy 0, never a trap", arguments: [
        ["--recipe", "cancer2", "--learning-rate", "1e6", "--epochs", "2"],
        ["--recipe", "iris", "--learning-rate", "1e9", "--epochs", "2"],
        ["--data", "huge.csv", "--scaling", "none", "--hidden", "2", "--epochs", "1"],
    ])
    func retrainRecordsNaN(_ options: [String]) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (0..<5).map { row in "\(1e5 * Double(row + 1)),\(-3e5 * Double(row)),\(row % 2)" }
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("huge.csv"))
        var arguments = ["retrain", "--trial", "1", "-o", "r", "-q"] + options
        if let recipe = options.firstIndex(of: "--recipe").map({ options[$0 + 1] }) {
            arguments += ["--data-dir", TrainingFixtureTests.root.appendingPathComponent("data").path, "--init", TrainingFixtureTests.initFile(recipe)]
        }
        let run = try TestSupport.run("chaosprune", arguments, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let epochs = try String(contentsOf: folder.appendingPathComponent("r/epochs_1.csv"), encoding: .utf8)
        #expect(epochs.hasPrefix("epoch,train_acc,test_acc\n0,"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("r/summary_1.json").path))
    }
}
