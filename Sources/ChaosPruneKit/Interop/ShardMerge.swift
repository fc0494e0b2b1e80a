import ChaosPruneFormats
import ChaosPruneSystem

/// Joins window_LE shards written by `le-window --columns A:B` into the file
/// one run over all weights writes, byte for byte: the shards' row texts are
/// joined as they are (no re-formatting), column-wise for the current layout
/// (rows = windows) or row-wise for the legacy layout (rows = weights).
///
/// Each shard's weight range comes from its sidecar (`FILE.json`, written by
/// `le-window`) or from the argument `FILE@A:B`; when both exist they must
/// agree. With sidecars the layout, the whole network's width and the
/// settings are known too: shards made with different settings are refused,
/// and the merged file gets a sidecar of its own.
///
/// Refuses: a missing shard file; shards whose sidecars name different source
/// recordings (file name, size or fingerprint — the checksums of its first
/// and last rows); gaps or overlaps between the shards' weight ranges, a first range
/// not starting at weight 1 (or a last not ending at the total, when known), a
/// shard whose width does not match its range, shards with different window
/// counts, and mixed line endings.
public enum ShardMerge {
    /// One shard: its file, the weights it holds (1-based, inclusive) and its sidecar.
    public struct Shard: Sendable {
        /// The shard's file.
        public var path: String
        /// The weights it holds, 1-based inclusive.
        public var weights: ClosedRange<Int>
        /// Its sidecar, when it has one.
        public var sidecar: WindowSidecar?

        /// The most weights a shard range may name: 2³¹ − 1, as `convert --weights`.
        public static let mostWeights = MaskFlags.mostWeights

        /// The file and the weights an argument names: `FILE@A:B` (1-based,
        /// inclusive) or `FILE`; nil when the text after the last `@` is two
        /// whole numbers (each an optional sign and digits, of any length)
        /// that break 1 ≤ A ≤ B ≤ ``mostWeights``. (Any other `@` is part of the name.)
        public static func split(argument: String) -> (path: String, weights: ClosedRange<Int>?)? {
            guard let at = argument.lastIndex(of: "@") else { return (argument, nil) }
            let range = argument[argument.index(after: at)...].split(separator: ":", omittingEmptySubsequences: false)
            guard range.count == 2, range.allSatisfy(isWholeNumber) else { return (argument, nil) }
            guard let low = Int(range[0]), let high = Int(range[1]), 1 <= low, low <= high, high <= mostWeights else { return nil }
            return (String(argument[..<at]), low...high)
        }

        private static func isWholeNumber(_ text: Substring) -> Bool {
            let digits = text.first == "+" || text.first == "-" ? text.dropFirst() : text
            return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        }

        /// The shard in `path`, holding the weights `given` or, when nil, those its sidecar records.
        public init(path: String, weights given: ClosedRange<Int>?) throws(InputError) {
            self.path = path
            switch Platform.kind(of: path) {
            case .missing:
                throw InputError(file: path, message: "no such shard: its le-window run did not finish (re-run that task; nothing is merged without it)")
            case .folder:
                throw InputError(file: path, message: "a folder, not a shard file")
            case .regular, .special:
                break
            }
            sidecar = try WindowSidecar.read(for: path)
            if let sidecar {
                let recorded = sidecar.firstWeight...sidecar.lastWeight
                if let given, given != recorded {
                    throw InputError(file: path, message: "@\(given.lowerBound):\(given.upperBound) contradicts its sidecar, which says weights \(recorded.lowerBound):\(recorded.upperBound)")
                }
                weights = recorded
            } else if let given {
                weights = given
            } else {
                throw InputError(file: path, message: "no sidecar (\(WindowSidecar.path(for: path))) says which weights this shard holds; name them as FILE@A:B (1-based, inclusive, as given to le-window --columns)")
            }
        }
    }

    /// A merged file: its bytes and, when every shard had one, its sidecar.
    public struct Merged: Sendable {
        /// The merged file's bytes.
        public var bytes: [UInt8]
        /// The merged file's sidecar.
        public var sidecar: WindowSidecar?
    }

    /// Merges `shards`; the layout and total come from the sidecars when the arguments leave them out.
    public static func merge(_ shards: [Shard], legacyLayout: Bool?, total: Int?) throws(InputError) -> Merged {
        let sidecars = shards.compactMap(\.sidecar)
        if let first = sidecars.first {
            let firstPath = shards.first { $0.sidecar != nil }?.path ?? shards[0].path
            for (shard, sidecar) in zip(shards, shards.map(\.sidecar)) {
                guard let sidecar else { continue }
                guard sidecar.sourceName == first.sourceName, sidecar.sourceBytes == first.sourceBytes,
                      sidecar.sourceFingerprint == first.sourceFingerprint else {
                    throw InputError(file: shard.path, message: "its sidecar says it was computed from \(source(sidecar)), but \(firstPath)'s from \(source(first)): shards of different recordings are never merged")
                }
                if let own = sidecar.shard, let theirs = first.shard, own.count != theirs.count {
                    let ofFirstRun = shards.filter { $0.sidecar?.shard?.count == theirs.count }
                    let missing = missingShard(ofFirstRun).map { " Besides, \($0)." } ?? ""
                    throw InputError(file: shard.path, message: "its sidecar says shard \(own.text), but \(firstPath)'s says \(theirs.text): it is left from a run with \(own.count) shards, not one of this run's \(theirs.count); remove it and merge again.\(missing)")
                }
                var comparable = sidecar
                comparable.firstWeight = first.firstWeight
                comparable.lastWeight = first.lastWeight
                comparable.shard = first.shard
                guard comparable == first, sidecar.shard?.count == first.shard?.count else {
                    throw InputError(file: shard.path, message: "its sidecar records other settings than \(shards[0].path)'s (window, overlap, layout, arithmetic, lyap_r parameters or source width): shards must come from one le-window setting")
                }
            }
        }
        try requireEveryShard(shards)
        let layoutFromSidecars = sidecars.first.map { $0.layout == .weightsByWindows }
        if let given = legacyLayout, let recorded = layoutFromSidecars, given != recorded {
            throw InputError(file: shards[0].path, message: "--legacy contradicts the sidecars, which record the \(recorded ? "legacy (rows = weights)" : "current (rows = windows)") layout")
        }
        let legacy = legacyLayout ?? layoutFromSidecars ?? false
        let width = total ?? sidecars.first?.totalWeights
        let bytes = try mergeTexts(shards, legacyLayout: legacy, total: width)
        var sidecar: WindowSidecar?
        if sidecars.count == shards.count, var merged = sidecars.first {
            merged.firstWeight = 1
            merged.lastWeight = shards.map(\.weights.upperBound).max() ?? merged.lastWeight
            merged.shard = nil
            sidecar = merged
        }
        return Merged(bytes: bytes, sidecar: sidecar)
    }

    /// When the sidecars record `--shard K/N`: every shard 1…N that holds a
    /// weight of the recording must be given, or the missing one is named.
    private static func requireEveryShard(_ shards: [Shard]) throws(InputError) {
        if let missing = missingShard(shards) {
            throw InputError(file: shards[0].path, message: "\(missing): its task did not finish or its file is gone; re-run it (nothing is merged without it)")
        }
    }

    /// "shard K/N (weights A…B of W) is missing" for the first shard of the
    /// first sidecar's `--shard` run that `shards` lack and that holds a weight, nil when none is.
    private static func missingShard(_ shards: [Shard]) -> String? {
        guard let first = shards.first?.sidecar, let count = first.shard?.count else { return nil }
        let given = Set(shards.compactMap { $0.sidecar?.shard?.index })
        for index in 1...count where !given.contains(index) {
            guard let shard = WindowShard(index: index, count: count) else { continue }
            let columns = shard.columns(of: first.totalWeights)
            guard !columns.isEmpty else { continue }
            return "shard \(shard.text) (weights \(columns.lowerBound + 1)…\(columns.upperBound) of \(first.totalWeights)) is missing"
        }
        return nil
    }

    /// The source a sidecar names, for messages: name, size and fingerprint.
    private static func source(_ sidecar: WindowSidecar) -> String {
        let size = sidecar.sourceBytes.map { "\($0) bytes" } ?? "size not recorded"
        return "\(sidecar.sourceName) (\(size), \(sidecar.sourceFingerprint?.text ?? "no fingerprint recorded"))"
    }

    /// The merged file's bytes.
    static func mergeTexts(_ shards: [Shard], legacyLayout: Bool, total: Int?) throws(InputError) -> [UInt8] {
        let ordered = shards.sorted { $0.weights.lowerBound < $1.weights.lowerBound }
        guard let first = ordered.first else { throw InputError(file: "-", message: "no shards given") }
        var expectedStart = 1
        for shard in ordered {
            if shard.weights.lowerBound > expectedStart {
                throw InputError(file: shard.path, message: "gap: weights \(expectedStart)…\(shard.weights.lowerBound - 1) are in no shard (a shard missing, or its task failed)")
            }
            if shard.weights.lowerBound < expectedStart {
                throw InputError(file: shard.path, message: "overlap: weights \(shard.weights.lowerBound)…\(expectedStart - 1) are in two shards")
            }
            expectedStart = shard.weights.upperBound + 1
        }
        if let total, expectedStart - 1 != total {
            throw InputError(file: ordered.last!.path, message: "the shards end at weight \(expectedStart - 1), but the network has \(total) weights (a shard missing, or its task failed)")
        }
        var lineEnding: String?
        var pieces: [[Substring]] = []
        for shard in ordered {
            let lines = try rowTexts(shard.path, lineEnding: &lineEnding)
            let width = shard.weights.count
            if legacyLayout {
                guard lines.count == width else {
                    throw InputError(file: shard.path, message: "holds \(lines.count) weights (rows), but @\(shard.weights.lowerBound):\(shard.weights.upperBound) says \(width)")
                }
            } else {
                for (index, line) in lines.enumerated() where line.split(separator: ",", omittingEmptySubsequences: false).count != width {
                    throw InputError(file: shard.path, line: index + 1, message: "holds \(line.split(separator: ",", omittingEmptySubsequences: false).count) weights (columns), but @\(shard.weights.lowerBound):\(shard.weights.upperBound) says \(width)")
                }
            }
            pieces.append(lines)
        }
        let windows = legacyLayout
            ? pieces.map { $0.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).count } ?? 0 }
            : pieces.map(\.count)
        if let mismatch = windows.firstIndex(where: { $0 != windows[0] }) {
            throw InputError(file: ordered[mismatch].path, message: "has \(windows[mismatch]) windows, but \(first.path) has \(windows[0])")
        }
        let ending = lineEnding ?? "\n"
        let text = legacyLayout
            ? pieces.joined().map { $0 + ending }.joined()
            : (0..<windows[0]).map { row in pieces.map { String($0[row]) }.joined(separator: ",") + ending }.joined()
        return Array(text.utf8)
    }

    /// The row texts of a shard, without line endings; all shards must use the same ending.
    private static func rowTexts(_ path: String, lineEnding: inout String?) throws(InputError) -> [Substring] {
        let bytes = try InputError.contents(of: path)
        let ending = TextLines.usesCRLF(bytes) ? "\r\n" : "\n"
        if let previous = lineEnding, previous != ending {
            throw InputError(file: path, message: "line endings differ from the other shards (\\r\\n vs \\n)")
        }
        lineEnding = ending
        let lines = try TextLines.split(bytes, file: path)
        guard !lines.isEmpty else { throw InputError(file: path, message: "an empty shard: expected the rows le-window writes") }
        return lines.map { Substring($0) }
    }
}
