import ChaosPruneFormats
import ChaosPruneKit

/// `chaosprune compare A B`: cell-by-cell comparison of two CSV files.
enum CompareCommand {
    /// The options of `chaosprune compare`, in help order.
    struct Options: OptionGroup {
        let absolute = Option<Double>.real("atol", default: 0, expecting: "a finite number ≥ 0", help: "Absolute tolerance.",
                                           accept: { $0 >= 0 })
        let relative = Option<Double>.real("rtol", default: 0, expecting: "a finite number ≥ 0",
                                           help: "Relative tolerance: |a − b| ≤ atol + rtol·|b|, as numpy.isclose.", accept: { $0 >= 0 })
        let transposeB = Flag("transpose-b", help: "Compare A with B transposed (current vs legacy window_LE layout).")
        let asSets = Flag("as-sets", help: "Compare the integers of two mask files as sets.")
        let show = Option<Int>.integer("show", default: 10, in: 0...1_000_000, help: "Differing cells to list.")
    }

    static let command = Command(
        name: "compare",
        abstract: "Compare two CSV files cell by cell (exit 0 equal, 1 different, 2 trouble, as cmp).",
        usage: "A.csv B.csv [options]",
        discussion: "Compares two CSV files of the pipeline (window_LE, masks, p-value tables, any numeric CSV) cell by cell: numbers as numbers (exactly, or within --atol/--rtol), other cells as text. Exit status, as cmp's: 0 equal, 1 different, 2 trouble (a usage error, a file that cannot be read or is damaged, standard output that cannot be written), with an error message on stderr.",
        examples: ["chaosprune compare window_LE_1.csv old/window_LE_1.csv --atol 1e-4", "chaosprune compare mask.csv old_mask.csv --as-sets"],
        options: Options(),
        failureStatus: .trouble
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        let files = try invocation.positionals(2, "two files")
        let atol = try arguments.value(options.absolute)
        let rtol = try arguments.value(options.relative)
        let limit = try arguments.value(options.show)
        if arguments.isSet(options.asSets) {
            let result = try invocation.stage { try MaskSetComparison(files[0], files[1]) }
            if result.equal {
                invocation.console.output("equal as sets\n")
                return .success
            }
            invocation.console.output("different as sets: \(result.onlyInA.count) only in A \(result.onlyInA.prefix(limit)), \(result.onlyInB.count) only in B \(result.onlyInB.prefix(limit))\n")
            return .different
        }
        let result = try invocation.stage {
            try TableComparison.files(files[0], files[1], transposeB: arguments.isSet(options.transposeB),
                                      absoluteTolerance: atol, relativeTolerance: rtol, keep: limit)
        }
        invocation.console.output(ComparisonReport.text(result) + "\n")
        return result.equal ? .success : .different
    }
}
