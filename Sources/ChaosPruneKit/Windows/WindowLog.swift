/// The window script's messages, in the script's order (weight-major, as its
/// loops run: for each weight, for each window), with its closing count.
///
/// Mirrors `Weights unvarying at : weight:<m 1-based>, window:<i 0-based>`,
/// `Slope not matching at <i>` and `No. of static windows : <n>`.
public struct WindowLog: Sendable {
    /// One message's cell.
    struct Entry: Comparable {
        var weight: Int
        var window: Int
        var outcome: UInt8

        static func < (a: Entry, b: Entry) -> Bool { (a.weight, a.window) < (b.weight, b.window) }
    }

    var entries: [Entry] = []

    /// Records a cell's outcome if the script prints a message for it.
    mutating func record(weight: Int, window: Int, outcome: WindowOutcome) {
        switch outcome {
        case .gated, .slopesDisagree: entries.append(Entry(weight: weight, window: window, outcome: outcome.rawValue))
        case .computed, .tooFewRows, .noNeighbour, .constant: break
        }
    }

    /// The log text: one message per line, then the static count. When trailing
    /// windows were dropped, a first line says where the original script stops
    /// (as the fixtures' logs record it).
    public func text(staticWindows: Int, droppedWindows: Int = 0) -> String {
        var lines: [String] = droppedWindows > 0 ? ["LAST WINDOW RUNS PAST THE DATA: the original script stops here"] : []
        for entry in entries.sorted() {
            if entry.outcome == WindowOutcome.gated.rawValue {
                lines.append("Weights unvarying at : weight:\(entry.weight), window:\(entry.window)")
            } else {
                lines.append("Slope not matching at \(entry.window)")
            }
        }
        lines.append("No. of static windows : \(staticWindows)")
        return lines.joined(separator: "\n") + "\n"
    }
}
