import ChaosPruneFormats
import ChaosPruneSystem

/// The text `chaosprune compare` prints for a `TableComparison`.
public enum ComparisonReport {
    /// One summary line, then one line per listed difference.
    public static func text(_ result: TableComparison) -> String {
        var lines: [String] = []
        if !result.sameShape {
            lines.append("shapes differ: A has \(result.shapeA.rows) rows × \(result.shapeA.columns) columns, B \(result.shapeB.rows) × \(result.shapeB.columns)")
        }
        let compared = "\(result.cells) cells\(result.sameShape ? "" : " present in both") compared"
        let maxima = "max absolute difference \(CFormat.format("%.6g", result.maximumAbsolute)), max relative \(CFormat.format("%.6g", result.maximumRelative))"
        let unmeasured = result.differing - result.measured
        switch (result.differing, result.measured) {
        case (0, _):
            lines.append("\(compared): all equal")
        case (_, 0):
            lines.append("\(compared): \(result.differing) differ, none by a finite amount (text, NaN or infinity)")
        case (_, result.differing):
            lines.append("\(compared): \(result.differing) differ; \(maxima)")
        default:
            lines.append("\(compared): \(result.differing) differ; over the \(result.measured) differing by a finite amount \(maxima); \(unmeasured) differ in text, NaN or infinity")
        }
        lines += result.first.map { "  row \($0.row), column \($0.column): \(describe($0.a)) vs \(describe($0.b))" }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ cell: CellTable.Cell) -> String {
        switch cell {
        case let .number(value): return PythonFloatText.repr(value)
        case let .text(text): return "'\(ArgumentText.printable(text))'"
        }
    }
}
