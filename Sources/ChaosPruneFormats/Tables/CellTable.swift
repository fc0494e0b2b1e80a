import ChaosPruneSystem

/// Any of the pipeline's CSV files as a grid of cells, each a number (parsed
/// exactly by `strtod`, decimal only: ``DecimalSyntax``) or text — for comparing and converting files whose
/// layout is not known in advance (window_LE, masks, p-value tables with a header).
///
/// Accepts `\n`/`\r\n`, a UTF-8 BOM and a missing final newline; trailing blank lines are ignored.
public struct CellTable: Sendable {
    /// One cell.
    public enum Cell: Sendable, Equatable {
        /// A number, parsed exactly.
        case number(Double)
        /// Anything else, as written.
        case text(String)
    }

    /// Rows of cells (rows may differ in length).
    public var rows: [[Cell]]
    /// The fields' original text, blanks trimmed, in the same shape.
    public var texts: [[String]]

    /// Reads `path` (`-` for standard input).
    public static func read(_ path: String) throws(InputError) -> CellTable {
        let reader = try CellRowReader(path: path)
        var table = CellTable(rows: [], texts: [])
        while let row = try reader.next() {
            table.rows.append(row.cells)
            table.texts.append(row.texts)
        }
        return table
    }

    /// A number when the whole field (blanks aside) is one, else the text.
    static func cell(_ field: Substring) -> Cell {
        let trimmed = field.trimmingBlanks
        guard !trimmed.isEmpty else { return .text("") }
        return DecimalSyntax.parse(trimmed).map(Cell.number) ?? .text(trimmed)
    }

    /// The table with rows and columns swapped (ragged rows padded with empty text).
    public var transposed: CellTable {
        CellTable(rows: Self.transpose(rows, padding: .text("")), texts: Self.transpose(texts, padding: ""))
    }

    /// `rows` with rows and columns swapped, ragged rows padded with `padding`.
    public static func transpose<Element>(_ rows: [[Element]], padding: Element) -> [[Element]] {
        let width = rows.map(\.count).max() ?? 0
        return (0..<width).map { column in rows.map { column < $0.count ? $0[column] : padding } }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
