import ChaosPruneKit
import LyapunovKit

/// `chaosprune merge`: window_LE shards → the file one run would have written.
let mergeCommand = Subcommand(name: "merge", summary: "join window_LE shards from le-window --columns into one file, byte for byte") { arguments in
    let parser = OptionParser([
        .value("output", "o", "FILE", "merged window_LE CSV (required)"),
        .flag("legacy", nil, "shards in the legacy layout (rows = weights): stacked row-wise"),
        .value("total", nil, "N", "number of weights of the whole network: refuse shards that do not reach it"),
    ])
    let help = """
        Usage: chaosprune merge SHARD@A:B ... -o WINDOW_LE.csv [--total N] [--legacy]
        Each SHARD was written by `chaosprune le-window --columns A:B`; name its range after @.
        The merged file is byte-identical to one run over all weights. Gaps, overlaps,
        mismatched widths or window counts are refused.

        \(parser.helpText)

        Example: chaosprune merge le.1.csv@1:20500 le.2.csv@20501:41000 --total 41000 -o window_LE_1.csv

        """
    return CommandRunner.run(parser: parser, help: help, arguments: arguments) { parsed throws(OptionParser.Failure) in
        guard !parsed.positionals.isEmpty else { throw OptionParser.Failure(message: "expected shards as FILE@A:B (see --help)") }
        guard let output = parsed.string("output") else { throw OptionParser.Failure(message: "--output FILE is required") }
        let total = parsed.values["total"] == nil ? nil : try parsed.integer("total", default: 0, in: 1...Int.max)
        return StageRunner.run { () throws(StageFailure) in
            let bytes = try StageFailure.wrap { () throws(CSVError) in
                try ShardMerge.merge(try parsed.positionals.map { (argument: String) throws(CSVError) in try ShardMerge.Shard(argument: argument) },
                                     legacyLayout: parsed.has("legacy"), total: total)
            }
            try StageFailure.wrap { () throws(AtomicFileWriter.Failure) in try AtomicFileWriter.write(bytes, to: output) }
        }
    }
}
