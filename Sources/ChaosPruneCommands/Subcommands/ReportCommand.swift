import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// `chaosprune report`: a run folder as one self-contained HTML page.
enum ReportCommand {
    /// The options of `chaosprune report`, in help order.
    struct Options: OptionGroup {
        let output = Option<String>.text("output", short: "o", valueName: "FILE", default: nil, help: "The page to write (default: RUN_DIR/report.html).")
        let layers = Option<[MaskFlags.Layer]>("layers", valueName: "RxC,…", default: nil, defaultText: "from a retraining summary's recipe",
                                                    expecting: "shapes like 8x4,1x8", help: "Layer shapes, W1 first (rows × columns), for the mask picture.",
                                                    convert: { MaskFlags.layers($0) })
        let accuracy = Option<String>.text("acc", valueName: "FILE", help: "The per-step accuracies, when the folder holds none (default: its acc_K.csv).")
        let alpha = Option<Double>.real("alpha", valueName: "P", default: 0.05, expecting: "a number with 0 < P ≤ 1",
                                        help: "The threshold drawn on the p-value histogram.", accept: { $0 > 0 && $0 <= 1 })
    }

    static let command = Command(
        name: "report",
        abstract: "Draw a run folder as one self-contained HTML page (inline SVG, no script, no network).",
        usage: "RUN_DIR [-o report.html] [options]",
        discussion: "Shows what the folder holds: the run's settings (from the window_LE sidecar, the log and the retraining summaries), a heat map of window LE with static windows marked, the misclassification risk with the LE of the most and least causal weights, the distribution of minimum p-values with the alpha line, the mask drawn on each layer, and the retrained variants' accuracies per epoch with the results table. Large runs are aggregated and the page says so. Open it in any browser; it prints as well.",
        examples: ["chaosprune report chaosprune-demo", "chaosprune report run1 -o run1.html --layers 8x4,1x8"],
        options: Options()
    ) { invocation, options throws(CommandError) in
        let folder = try invocation.positionals(1, "one run folder")[0]
        let path = try invocation.arguments.optional(options.output) ?? "\(folder)/report.html"
        let accuracy = try invocation.arguments.optional(options.accuracy)
        let run = try? RunFolder(folder)
        try DistinctFiles.require(inputs: (run?.data ?? []) + [accuracy].compactMap { $0 }, outputs: [("--output", path)])
        var request = ReportPage.Request(folder: folder, layers: try invocation.arguments.optional(options.layers)?.map { ($0.rows, $0.columns) })
        request.alpha = try invocation.arguments.value(options.alpha)
        request.accuracy = accuracy
        try invocation.stage { try AtomicFileWriter.write(Array(try ReportPage.build(request).utf8), to: path) }
        invocation.warn((run?.leftOut ?? []).map { StageWarning.runFileLeftOut(path: $0.path, kind: $0.kind) })
        return 0
    }
}
