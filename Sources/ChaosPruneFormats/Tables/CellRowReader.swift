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
        try nextRow(texts: true)
    }

    /// The next row's cells, or nil after the last one: the same cells as
    /// ``next()`` gives, without the fields' text. A line whose fields are all
    /// decimal numbers is parsed in place (``FastDecimal``, `strtod`'s values),
    /// without building a string per field.
    public func nextCells() throws(InputError) -> [CellTable.Cell]? {
        try nextRow(texts: false)?.cells
    }

    private func nextRow(texts keepTexts: Bool) throws(InputError) -> Row? {
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
            let row: Row
            if !keepTexts, let numbers = Self.numbers(line) {
                row = Row(cells: numbers, texts: [])
            } else {
                let texts = try UTF8Text.decode(line, file: lines.path, line: lines.lineNumber).split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingBlanks)
                row = Row(cells: texts.map { CellTable.cell(Substring($0)) }, texts: keepTexts ? texts : [])
            }
            guard blanks > 0 else { return row }
            blankRowsDue = blanks - 1
            held = row
            return Self.blank
        }
        return nil
    }

    /// The cells of `line` when every field, blanks aside, is a decimal number
    /// ``FastDecimal`` reads whole; nil otherwise (the line then takes the
    /// general way, which decides the same fields alike).
    private static func numbers(_ line: ArraySlice<UInt8>) -> [CellTable.Cell]? {
        line.withUnsafeBufferPointer { bytes -> [CellTable.Cell]? in
            guard let base = bytes.baseAddress else { return nil }
            let end = base + bytes.count
            var cells: [CellTable.Cell] = []
            var fieldStart = base
            while true {
                var fieldEnd = fieldStart
                while fieldEnd < end, fieldEnd.pointee != UInt8(ascii: ",") { fieldEnd += 1 }
                var first = fieldStart
                var last = fieldEnd
                while first < last, first.pointee == 32 || first.pointee == 9 { first += 1 }
                while last > first, (last - 1).pointee == 32 || (last - 1).pointee == 9 { last -= 1 }
                guard let (value, stop) = FastDecimal.parse(first, last), stop == last else { return nil }
                cells.append(.number(value))
                guard fieldEnd < end else { return cells }
                fieldStart = fieldEnd + 1
            }
        }
    }
}
