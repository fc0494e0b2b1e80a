/// Reads a CSV file's rows of cells one at a time, as ``CellTable`` holds
/// them: fields split at commas with blanks trimmed, each a number or text;
/// lines of blanks at the end of the file are dropped, earlier ones are rows
/// of one empty cell.
///
/// Memory: the longest line and the current row; never the file.
public final class CellRowReader {
    /// One row: its cells and their trimmed text.
    public struct Row: Sendable {
        /// The cells.
        public var cells: [CellTable.Cell]
        /// The fields' text, blanks trimmed.
        public var texts: [String]
    }

    /// The file name used in messages.
    public var path: String { lines.path }

    private let lines: LineReader
    private var blankRowsDue = 0
    private var held: Row?
    private static let blank = Row(cells: [.text("")], texts: [""])

    /// Opens `path` (`-` for standard input).
    public init(path: String) throws(InputError) {
        lines = try LineReader(path: path)
    }

    /// The next row, or nil after the last one.
    public func next() throws(InputError) -> Row? {
        if blankRowsDue > 0 {
            blankRowsDue -= 1
            return Self.blank
        }
        if let row = held {
            held = nil
            return row
        }
        var blanks = 0
        while let line = try lines.next() {
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) {
                blanks += 1
                continue
            }
            let texts = try UTF8Text.decode(line, file: lines.path, line: lines.lineNumber).split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingBlanks)
            let row = Row(cells: texts.map { CellTable.cell(Substring($0)) }, texts: texts)
            guard blanks > 0 else { return row }
            blankRowsDue = blanks - 1
            held = row
            return Self.blank
        }
        return nil
    }
}
