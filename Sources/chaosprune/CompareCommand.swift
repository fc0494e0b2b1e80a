import ChaosPruneKit
import LyapunovKit

/// `chaosprune compare A B`: cell-by-cell comparison of two CSV files.
let compareCommand = Subcommand(name: "compare", summary: "compare two CSV files cell by cell (exit 0 equal, 1 different, 2 error)") { arguments in
    let parser = OptionParser([
        .value("atol", nil, "X", "absolute tolerance [0]"),
        .value("rtol", nil, "X", "relative tolerance, |a−b| ≤ atol + rtol·|b| as numpy.isclose [0]"),
        .flag("transpose-b", nil, "compare A with B transposed (current vs legacy window_LE layout)"),
        .flag("as-sets", nil, "compare the integers of two mask files as sets"),
        .value("show", nil, "N", "differing cells to list [10]"),
    ])
    let help = """
        Usage: chaosprune compare A.csv B.csv [options]
        Compares two CSV files of the pipeline (window_LE, masks, p-value tables, any numeric CSV)
        cell by cell: numbers as numbers (exactly, or within --atol/--rtol), other cells as text.
        Exit status: 0 equal, 1 different, 2 error.

        \(parser.helpText)

        Example: chaosprune compare window_LE_1.csv old/window_LE_1.csv --atol 1e-4

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        guard parsed.positionals.count == 2 else { throw OptionParser.Failure(message: "expected two files (see --help)") }
        let atol = try parsed.real("atol", default: 0)
        let rtol = try parsed.real("rtol", default: 0)
        let show = try parsed.integer("show", default: 10)
        let a: CellTable
        var b: CellTable
        do throws(CSVError) {
            a = try CellTable.read(parsed.positionals[0])
            b = try CellTable.read(parsed.positionals[1])
        } catch {
            StandardStreams.error("chaosprune: error: \(error.description)\n")
            return 2
        }
        if parsed.has("as-sets") {
            let result = MaskSetComparison(a, b)
            if result.equal {
                print("equal as sets")
                return 0
            }
            print("different as sets: \(result.onlyInA.count) only in A \(result.onlyInA.prefix(show)), \(result.onlyInB.count) only in B \(result.onlyInB.prefix(show))")
            return 1
        }
        if parsed.has("transpose-b") { b = b.transposed }
        let result = TableComparison(a, b, absoluteTolerance: atol, relativeTolerance: rtol, keep: show)
        print(ComparisonReport.text(result))
        return result.equal ? 0 : 1
    }
}
