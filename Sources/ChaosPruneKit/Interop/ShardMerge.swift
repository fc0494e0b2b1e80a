import LyapunovKit

/// Joins window_LE shards written by `le-window --columns A:B` into the file
/// one run over all weights writes, byte for byte: the shards' row texts are
/// joined as they are (no re-formatting), column-wise for the current layout
/// (rows = windows) or row-wise for the legacy layout (rows = weights).
///
/// Refuses: gaps or overlaps between the shards' weight ranges, a first range
/// not starting at weight 1 (or a last not ending at `total`, when given), a
/// shard whose width does not match its range, shards with different window
/// counts, and mixed line endings.
public enum ShardMerge {
    /// One shard: its file and the weights it holds (1-based, inclusive).
    public struct Shard: Sendable {
        /// The shard's file.
        public var path: String
        /// The weights it holds, 1-based inclusive.
        public var weights: ClosedRange<Int>

        /// Parses `FILE@A:B`.
        public init(argument: String) throws(CSVError) {
            guard let at = argument.lastIndex(of: "@") else {
                throw CSVError(file: argument, message: "expected FILE@A:B, the weights (1-based, inclusive) the shard holds, as given to le-window --columns")
            }
            path = String(argument[..<at])
            let range = argument[argument.index(after: at)...].split(separator: ":", omittingEmptySubsequences: false)
            guard range.count == 2, let low = Int(range[0]), let high = Int(range[1]), low >= 1, high >= low else {
                throw CSVError(file: path, message: "expected @A:B with 1 ≤ A ≤ B after the file name, not '@\(argument[argument.index(after: at)...])'")
            }
            weights = low...high
        }
    }

    /// The merged file's bytes.
    public static func merge(_ shards: [Shard], legacyLayout: Bool, total: Int?) throws(CSVError) -> [UInt8] {
        let ordered = shards.sorted { $0.weights.lowerBound < $1.weights.lowerBound }
        guard let first = ordered.first else { throw CSVError(file: "-", message: "no shards given") }
        var expectedStart = 1
        for shard in ordered {
            if shard.weights.lowerBound > expectedStart {
                throw CSVError(file: shard.path, message: "gap: weights \(expectedStart)…\(shard.weights.lowerBound - 1) are in no shard")
            }
            if shard.weights.lowerBound < expectedStart {
                throw CSVError(file: shard.path, message: "overlap: weights \(shard.weights.lowerBound)…\(expectedStart - 1) are in two shards")
            }
            expectedStart = shard.weights.upperBound + 1
        }
        if let total, expectedStart - 1 != total {
            throw CSVError(file: ordered.last!.path, message: "the shards end at weight \(expectedStart - 1), but --total is \(total)")
        }
        var lineEnding: String?
        var pieces: [[Substring]] = []
        for shard in ordered {
            let lines = try rowTexts(shard.path, lineEnding: &lineEnding)
            let width = shard.weights.count
            if legacyLayout {
                guard lines.count == width else {
                    throw CSVError(file: shard.path, message: "holds \(lines.count) weights (rows), but @\(shard.weights.lowerBound):\(shard.weights.upperBound) says \(width)")
                }
            } else {
                for (index, line) in lines.enumerated() where line.split(separator: ",", omittingEmptySubsequences: false).count != width {
                    throw CSVError(file: shard.path, line: index + 1, message: "holds \(line.split(separator: ",", omittingEmptySubsequences: false).count) weights (columns), but @\(shard.weights.lowerBound):\(shard.weights.upperBound) says \(width)")
                }
            }
            pieces.append(lines)
        }
        let windows = legacyLayout
            ? pieces.map { $0.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).count } ?? 0 }
            : pieces.map(\.count)
        if let mismatch = windows.firstIndex(where: { $0 != windows[0] }) {
            throw CSVError(file: ordered[mismatch].path, message: "has \(windows[mismatch]) windows, but \(first.path) has \(windows[0])")
        }
        let ending = lineEnding ?? "\n"
        let text = legacyLayout
            ? pieces.joined().map { $0 + ending }.joined()
            : (0..<windows[0]).map { row in pieces.map { String($0[row]) }.joined(separator: ",") + ending }.joined()
        return Array(text.utf8)
    }

    /// The row texts of a shard, without line endings; all shards must use the same ending.
    private static func rowTexts(_ path: String, lineEnding: inout String?) throws(CSVError) -> [Substring] {
        let bytes: [UInt8]
        switch StandardStreams.readFile(path) {
        case let .success(contents): bytes = contents
        case let .failure(failure): throw CSVError(file: path, message: "cannot read: \(failure.reason)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let ending = text.contains("\r\n") ? "\r\n" : "\n"
        if let previous = lineEnding, previous != ending {
            throw CSVError(file: path, message: "line endings differ from the other shards (\\r\\n vs \\n)")
        }
        lineEnding = ending
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
