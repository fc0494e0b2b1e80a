import ChaosPruneKit
import LyapunovKit

/// `chaosprune lyap-r`: the lyap_r engine with GNU-style options.
let lyapRCommand = Subcommand(name: "lyap-r", summary: "maximal Lyapunov exponent of one series (TISEAN lyap_r, GNU options)") { arguments in
    let parser = OptionParser([
        .value("dim", "m", "N", "embedding dimension [2]"),
        .value("delay", "d", "N", "delay [1]"),
        .value("theiler", "t", "N", "Theiler window [0]"),
        .value("steps", "s", "N", "iterations [10]"),
        .value("radius", "r", "R", "initial epsilon in data units [1e-3 of the data interval]"),
        .value("column", "c", "N", "column to read [1]"),
        .value("skip", "x", "N", "lines to skip at the start [0]"),
        .value("length", "l", "N", "number of values to use [all]"),
        .value("output", "o", "FILE", "output file, - for stdout [DATAFILE.ros, stdin.ros]"),
        .value("arithmetic", nil, "MODE", "ieee64 (x86-64 TISEAN, default) or x87 (original 32-bit build)"),
        .flag("verbose", "v", "print the input messages and one line per epsilon pass on stderr"),
        .flag("version", nil, "print the version and exit"),
    ])
    let help = """
        Usage: chaosprune lyap-r [options] [DATAFILE | -]
        Maximal Lyapunov exponent (Rosenstein et al.), the same numbers as TISEAN 3.0.0 lyap_r.
        Without DATAFILE (or with -) the series is read from standard input.

        \(parser.helpText)

        Example: chaosprune lyap-r --dim 2 --radius 20 --steps 3 window.dat -o -

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        var options = LyapROptions()
        options.parameters.dimension = try parsed.integer("dim", default: 2, in: 1...Int.max)
        options.parameters.delay = try parsed.integer("delay", default: 1)
        options.parameters.theilerWindow = try parsed.integer("theiler", default: 0)
        options.parameters.steps = try parsed.integer("steps", default: 10)
        if parsed.values["radius"] != nil {
            options.parameters.initialEpsilon = .dataUnits(try parsed.real("radius", default: 0))
        }
        options.column = try parsed.integer("column", default: 1, in: 1...Int.max)
        options.skipLines = try parsed.integer("skip", default: 0)
        options.length = parsed.values["length"] == nil ? nil : try parsed.integer("length", default: 0)
        options.outputName = parsed.string("output")
        options.verbosity = parsed.has("verbose") ? 3 : 0
        options.arithmetic = try parsed.arithmetic()
        guard parsed.positionals.count <= 1 else {
            throw OptionParser.Failure(message: "expected at most one data file, got \(parsed.positionals.count)")
        }
        if let file = parsed.positionals.first, file != "-" {
            let path = LyapRTool.splitColumnSuffix(file).path
            guard StandardStreams.fileExists(path) else { throw OptionParser.Failure(message: "\(path): no such file") }
        }
        options.candidates = parsed.positionals
        return LyapRTool.run(options)
    }
}
