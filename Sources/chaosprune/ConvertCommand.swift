import ChaosPruneKit
import LyapunovKit

/// `chaosprune convert`: between the original pipeline's file formats.
let convertCommand = Subcommand(name: "convert", summary: "convert between the pipeline's formats (layouts, csvwrite text, masks, .npy)") { arguments in
    let parser = OptionParser([
        .value("output", "o", "FILE", "file to write (required); mask-to-layers writes FILE_W1.csv, FILE_W2.csv, …"),
        .value("weights", nil, "N", "number of weights (mask-to-vector; checks indices elsewhere)"),
        .value("layers", nil, "RxC,…", "layer shapes, W1 first, each row-major (mask-to-layers, layers-to-mask)"),
        .value("offset", nil, "N", "added to indices written, subtracted from indices read (MNIST script: 39200) [0]"),
        .flag("csvwrite", nil, "npy: write %.5g as MATLAB csvwrite (default: round-trip text)"),
        .flag("crlf", nil, "end rows with \\r\\n"),
    ])
    let help = """
        Usage: chaosprune convert CONVERSION INPUT... -o OUTPUT [options]
        Conversions:
          transpose        window_LE current ↔ legacy layout (rows ↔ columns; cell text kept as is)
          csvwrite         any numeric CSV → MATLAB csvwrite text (%.5g)
          roundtrip        any numeric CSV → shortest round-trip text (Python csv.writer)
          mask-to-vector   mask list → 0/1 per weight, one per line (needs --weights)
          vector-to-mask   0/1 vector → mask list
          mask-to-layers   mask list → per-layer 0/1 matrices (needs --layers, e.g. 8x4,1x8)
          layers-to-mask   per-layer 0/1 matrices (one file per layer, W1 first) → mask list
          npy              .npy (float64/float32/int, C or Fortran order, 1-D or 2-D) → CSV
        Pickled object arrays (numpy allow_pickle data) are refused: chaosprune never unpickles.

        \(parser.helpText)

        Example: chaosprune convert mask-to-layers mask.csv --layers 8x4,1x8 -o banknote_mask

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        guard let conversion = parsed.positionals.first, parsed.positionals.count >= 2 else {
            throw OptionParser.Failure(message: "expected a conversion and an input (see --help)")
        }
        guard let output = parsed.string("output") else { throw OptionParser.Failure(message: "--output FILE is required") }
        let inputs = Array(parsed.positionals.dropFirst())
        let offset = try parsed.integer("offset", default: 0, in: Int.min...Int.max)
        let weights = parsed.values["weights"] == nil ? nil : try parsed.integer("weights", default: 0, in: 1...Int.max)
        let layers = try parsed.string("layers").map { (text: String) throws(OptionParser.Failure) -> [MaskConversion.Layer] in
            guard let layers = MaskConversion.layers(text) else { throw OptionParser.Failure(message: "--layers expects shapes like 8x4,1x8, not '\(text)'") }
            return layers
        }
        let request = FormatConversion.Request(inputs: inputs, output: output, weights: weights, layers: layers, offset: offset,
                                               csvwrite: parsed.has("csvwrite"), lineEnding: parsed.has("crlf") ? "\r\n" : "\n")
        guard let kind = FormatConversion.Kind(rawValue: conversion) else {
            throw OptionParser.Failure(message: "unknown conversion '\(conversion)' (see --help)")
        }
        return StageRunner.run { () throws(StageFailure) in try FormatConversion.run(kind, request) }
    }
}
