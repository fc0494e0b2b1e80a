import ChaosPruneKit
import ChaosPruneSystem
import LyapunovKit

/// `chaosprune lyap-r`: the lyap_r engine with GNU-style options.
enum LyapRCommand {
    /// TISEAN's defaults, the options' defaults.
    static let tisean = LyapunovParameters()

    /// The options of `chaosprune lyap-r`, in help order.
    struct Options: OptionGroup {
        let dimension = Option<Int>.integer("dim", short: "m", default: LyapRCommand.tisean.dimension, in: 1...Int.max, help: "Embedding dimension.")
        let delay = Option<Int>.integer("delay", short: "d", default: LyapRCommand.tisean.delay, in: 0...Int.max, help: "Delay.")
        let theiler = Option<Int>.integer("theiler", short: "t", default: LyapRCommand.tisean.theilerWindow, in: 0...Int.max,
                                          help: "Theiler window: pairs closer in time are not neighbours.")
        let steps = Option<Int>.integer("steps", short: "s", default: LyapRCommand.tisean.steps, in: 0...Int.max, help: "Iterations.")
        let radius = Option<Double>.real("radius", short: "r", valueName: "R", default: nil, expecting: "a finite number",
                                         defaultText: "1e-3 of the data interval", help: "Initial epsilon in data units.")
        let column = Option<Int>.integer("column", short: "c", default: 1, in: 1...Int.max, help: "Column to read.")
        let skip = Option<Int>.integer("skip", short: "x", default: 0, in: 0...Int.max, help: "Lines to skip at the start.")
        let length = Option<Int>.integer("length", short: "l", default: nil, in: 0...Int.max, defaultText: "all",
                                         help: "Number of values to use.")
        let output = Option<String>.text("output", short: "o", valueName: "FILE",
                                         help: "Output file, - for stdout (default: DATAFILE.ros, or stdin.ros).")
        let arithmetic = ArithmeticOption()
        let verbose = Flag("verbose", short: "v", help: "Print the input messages and one line per epsilon pass on stderr.")
    }

    static let command = Command(
        name: "lyap-r",
        abstract: "Maximal Lyapunov exponent of one series (TISEAN lyap_r, GNU options).",
        usage: "[options] [DATAFILE | -]",
        discussion: "Rosenstein et al.'s divergence curve, the same numbers as TISEAN 3.0.0 lyap_r. Without DATAFILE (or with -) the series is read from standard input. Unlike the drop-in lyap_r, a missing DATAFILE is an error, not a fall-back to standard input. Exit statuses are lyap_r's (see the README).",
        examples: ["chaosprune lyap-r --dim 2 --radius 20 --steps 3 window.dat -o -"],
        options: Options()
    ) { invocation, declared throws(CommandError) in
        let arguments = invocation.arguments
        var options = LyapROptions()
        options.parameters.dimension = try arguments.value(declared.dimension)
        options.parameters.delay = try arguments.value(declared.delay)
        options.parameters.theilerWindow = try arguments.value(declared.theiler)
        options.parameters.steps = try arguments.value(declared.steps)
        if let value = try arguments.optional(declared.radius) { options.parameters.initialEpsilon = .dataUnits(value) }
        options.column = try arguments.value(declared.column)
        options.skipLines = try arguments.value(declared.skip)
        options.length = try arguments.optional(declared.length)
        options.outputName = try arguments.optional(declared.output)
        options.verbosity = arguments.isSet(declared.verbose) ? 3 : 0
        options.arithmetic = try declared.arithmetic.mode(arguments)
        guard arguments.positionals.count <= 1 else {
            throw .usage("expected at most one data file, got \(arguments.positionals.count)")
        }
        if let file = arguments.positionals.first, file != "-" {
            let path = LyapRProgram.splitColumnSuffix(file).path
            guard FileContents.exists(path) else { throw .usage("\(path): no such file") }
            try arguments.requireDistinctOutputs([declared.output], inputs: [path])
        }
        options.candidates = arguments.positionals
        return LyapRProgram.run(options, console: invocation.console, errorPrefix: "\(invocation.program): error: ")
    }
}
