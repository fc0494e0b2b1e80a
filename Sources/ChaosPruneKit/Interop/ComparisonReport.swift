import ChaosPruneSystem

/// The text `chaosprune compare` prints for a `TableComparison`.
public enum ComparisonReport {
    /// One summary line, then one line per listed difference.
    public static func text(_ result: TableComparison) -> String {
        var lines: [String] = []
        if !result.sameShape {
            lines.append("shapes differ: A has \(result.shapeA.rows) rows × \(result.shapeA.columns) columns, B \(result.shapeB.rows) × \(result.shapeB.columns)")
        }
        if result.differing == 0 {
            lines.append("\(result.cells) cells compared: all equal")
        } else {
            lines.append("\(result.cells) cells compared: \(result.differing) differ; max absolute difference \(CFormat.format("%.6g", result.maximumAbsolute)), max relative \(CFormat.format("%.6g", result.maximumRelative))")
            for difference in result.first {
                lines.append("  row \(difference.row), column \(difference.column): \(describe(difference.a)) vs \(describe(difference.b))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ cell: CellTable.Cell) -> String {
        switch cell {
        case let .number(value): return PythonFloatText.repr(value)
        case let .text(text): return "'\(ArgumentText.printable(text))'"
        }
    }
}
