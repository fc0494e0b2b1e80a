import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune merge`: window_LE shards → the file one run would have written.
enum MergeCommand {
    /// The options of `chaosprune merge`, in help order.
    struct Options: OptionGroup {
        let output = Option<String>.text("output", short: "o", valueName: "FILE", help: "Merged window_LE CSV (required).")
        let legacy = Flag("legacy", help: "Shards in the legacy layout (rows = weights), stacked row-wise (read from the sidecars when present).")
        let total = Option<Int>.integer("total", default: nil, in: 1...Int.max, defaultText: "from the sidecars",
                                        help: "Weights of the whole network: refuse shards that do not reach it.")
    }

    static let command = Command(
        name: "merge",
        abstract: "Join window_LE shards from le-window --columns into one file, byte for byte.",
        usage: "SHARD[@A:B] ... -o WINDOW_LE.csv [--total N] [--legacy]",
        discussion: "Each SHARD was written by `chaosprune le-window --columns A:B`. Its weight range comes from its sidecar (SHARD.json); name it as SHARD@A:B when there is none. The merged file is byte-identical to one run over all weights, and gets a sidecar when every shard had one. Gaps, overlaps, mismatched widths, window counts or settings are refused.",
        examples: ["chaosprune merge le.1.csv le.2.csv -o window_LE_1.csv",
                   "chaosprune merge le.1.csv@1:20500 le.2.csv@20501:41000 --total 41000 -o window_LE_1.csv"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let arguments = invocation.arguments
        guard !arguments.positionals.isEmpty else { throw .usage("expected shards as FILE or FILE@A:B (see --help)") }
        let destination = try arguments.value(options.output)
        let width = try arguments.optional(options.total)
        let legacyLayout: Bool? = arguments.isSet(options.legacy) ? true : nil
        var named: [(path: String, weights: ClosedRange<Int>?)] = []
        for argument in arguments.positionals {
            guard let shard = ShardMerge.Shard.split(argument: argument) else {
                throw .usage("\(ArgumentText.printable(argument)): expected FILE@A:B with 1 ≤ A ≤ B ≤ \(ShardMerge.Shard.mostWeights)")
            }
            named.append(shard)
        }
        try DistinctFiles.require(inputs: DistinctFiles.withSidecars(named.map(\.path)),
                                  outputs: [("--output", destination)] + DistinctFiles.sidecar(of: destination, role: "--output"))
        try invocation.stage {
            let shards = try named.map { try ShardMerge.Shard(path: $0.path, weights: $0.weights) }
            let merged = try ShardMerge.merge(shards, legacyLayout: legacyLayout, total: width)
            let writer = try AtomicFileWriter(path: destination)
            try writer.write(merged.bytes)
            let sidecar = WindowSidecar.belongsBeside(destination) ? merged.sidecar : nil
            let sidecarWriter = try sidecar.map { _ in try AtomicFileWriter(path: WindowSidecar.path(for: destination)) }
            if let sidecarWriter, let sidecar { try sidecarWriter.write(sidecar.json) }
            try AtomicFileWriter.commitAll([writer] + [sidecarWriter].compactMap { $0 })
        }
        return 0
    }
}
