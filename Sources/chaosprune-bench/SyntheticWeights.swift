import SyntheticData
import ChaosPruneKit
import Foundation

/// Writes a weights CSV like the original training's: rows = SGD steps,
/// columns = weights, shortest round-trip float text (Python `csv.writer`).
/// Weights random-walk with per-weight step sizes, some nearly frozen, as in
/// a real recording (so the gate, flat windows and lyap_r all get exercised).
enum SyntheticWeights {
    static func write(rows: Int, columns: Int, to path: String, seed: UInt64 = 1) throws {
        var generator = SplitMix64(seed: seed)
        var weights = (0..<columns).map { _ in Double.random(in: -1...1, using: &generator) }
        let scales = (0..<columns).map { _ in [1e-6, 1e-4, 1e-3, 5e-3].randomElement(using: &generator)! }
        guard FileManager.default.fileExists(atPath: path) || FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { throw BenchmarkFailure(message: "cannot write \(path)") }
        try handle.truncate(atOffset: 0)
        var text = ""
        text.reserveCapacity(columns * 22 * 64)
        for row in 0..<rows {
            for column in 0..<columns {
                if row > 0 { weights[column] += scales[column] * Double.random(in: -1...1, using: &generator) }
                if column > 0 { text += "," }
                text += weights[column].description
            }
            text += "\n"
            if row % 64 == 63 || row == rows - 1 {
                try handle.write(contentsOf: Data(text.utf8))
                text.removeAll(keepingCapacity: true)
            }
        }
        try handle.close()
    }
}
