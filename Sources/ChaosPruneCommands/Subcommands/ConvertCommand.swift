import ChaosPruneFormats
import ChaosPruneKit

/// `chaosprune convert`: between the original pipeline's file formats.
enum ConvertCommand {
    /// The options of `chaosprune convert`, in help order.
    struct Options: OptionGroup {
        let output = Option<String>.text("output", short: "o", valueName: "FILE",
                                         help: "File to write (required); mask-to-layers writes FILE_W1.csv, FILE_W2.csv, …")
        let weights = Option<Int>.integer("weights", default: nil, in: 1...MaskFlags.mostWeights,
                                          help: "Number of weights (mask-to-vector; checks indices elsewhere).")
        let layers = Option<[MaskFlags.Layer]>("layers", valueName: "RxC,…", default: nil, expecting: "shapes like 8x4,1x8 (at most \(MaskFlags.mostWeights) weights in all)",
                                                    help: "Layer shapes, W1 first, each row-major (mask-to-layers, layers-to-mask).",
                                                    convert: { MaskFlags.layers($0) })
        let offset = Option<Int>.integer("offset", default: 0, in: Int.min...Int.max,
                                         help: "Added to indices written, subtracted from indices read (the MNIST script: 39200).")
        let csvwrite = Flag("csvwrite", help: "npy, pth: write %.5g as MATLAB csvwrite (default: round-trip text).")
        let crlf = Flag("crlf", help: "End rows with \\r\\n.")
        let float32 = Flag("float32", help: "to-npy: float32 values (each rounded to the nearest float); default float64, exact.")
    }

    static let command = Command(
        name: "convert",
        abstract: "Convert between the pipeline's formats (layouts, csvwrite text, masks, .npy).",
        usage: "CONVERSION INPUT... -o OUTPUT [options]",
        discussion: """
            Conversions:
              transpose        window_LE current ↔ legacy layout (rows ↔ columns; cell text kept as is)
              csvwrite         any numeric CSV → MATLAB csvwrite text (%.5g)
              roundtrip        any numeric CSV → shortest round-trip text (Python csv.writer)
              mask-to-vector   mask list → 0/1 per weight, one per line (needs --weights)
              vector-to-mask   0/1 vector → mask list
              mask-to-layers   mask list → per-layer 0/1 matrices (needs --layers, e.g. 8x4,1x8)
              layers-to-mask   per-layer 0/1 matrices (one file per layer, W1 first) → mask list
              npy              .npy (float64/float32/int, C or Fortran order, 1-D or 2-D) → CSV; an object array of float arrays (the authors' init files) → one CSV per array, OUTPUT_<i>[_<j>].csv by its numpy index
              to-npy           numeric CSV (a weights recording) → 2-D .npy, float64 (exact) or --float32, streamed; le-window, pipeline and train read and write recordings in either format
              pth              PyTorch state-dict checkpoint (.pth) → one file per tensor, OUTPUT_<name>.csv (rows of the last dimension; float32 shortest text, or %.5g with --csvwrite) or, for an OUTPUT ending in .npy, OUTPUT_<name>.npy (float32); an OUTPUT ending in .pth re-writes the checkpoint with every tensor on the CPU (torch.load needs no map_location)
            Object arrays and checkpoints are read by a restricted pickle reader that interprets only numpy's array opcodes or a state dict's (OrderedDict, _rebuild_tensor_v2, FloatStorage) and never runs anything; any other pickle is refused.
            """,
        examples: ["chaosprune convert mask-to-layers mask.csv --layers 8x4,1x8 -o banknote_mask",
                   "chaosprune convert pth model_1.pth -o model_1.csv"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        guard let conversion = arguments.positionals.first, arguments.positionals.count >= 2 else {
            throw .usage("expected a conversion and an input (see --help)")
        }
        guard let kind = FormatConversion.Kind(rawValue: conversion) else {
            throw .usage("unknown conversion '\(conversion)' (see --help)")
        }
        var request = FormatConversion.Request(inputs: Array(arguments.positionals.dropFirst()), output: try arguments.value(options.output),
                                               weights: try arguments.optional(options.weights), layers: try arguments.optional(options.layers),
                                               offset: try arguments.value(options.offset), csvwrite: arguments.isSet(options.csvwrite),
                                               lineEnding: arguments.isSet(options.crlf) ? "\r\n" : "\n")
        request.float32 = arguments.isSet(options.float32)
        if request.float32, kind != .toNpy { throw .usage("--float32 applies to to-npy only") }
        if let problem = request.problem(for: kind) { throw .usage(problem) }
        try invocation.stage {
            try FormatConversion.run(kind, request) { outputs throws(CommandError) in
                try DistinctFiles.require(inputs: request.inputs, outputs: outputs.map { ("--output", $0) })
            }
        }
        return 0
    }
}
