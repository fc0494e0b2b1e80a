import ChaosPruneFormats
import ChaosPruneSystem

/// `chaosprune report`: one self-contained HTML page (inline SVG and CSS, no
/// script, no network) showing what a run folder holds — the run's settings,
/// a heat map of window LE, the risk series with the LE of the most and least
/// causal weights, the distribution of minimum p-values, the mask on the
/// network, and the stage-4 accuracies and results table.
///
/// Large runs are aggregated (the heat map bins weights and windows to at
/// most 120 × 200 cells, long series are thinned) and the page says so.
public enum ReportPage {
    /// What to draw.
    public struct Request: Sendable {
        /// The run folder.
        public var folder: String
        /// Layer shapes (rows × columns, W1 first) for the mask picture; nil: from a training summary's recipe.
        public var layers: [(rows: Int, columns: Int)]?
        /// The Granger threshold drawn on the histogram.
        public var alpha = 0.05
        /// The per-step accuracies, when the folder holds none (`pipeline` reads them from elsewhere).
        public var accuracy: String?

        /// Creates a request.
        public init(folder: String, layers: [(rows: Int, columns: Int)]? = nil) {
            self.folder = folder
            self.layers = layers
        }
    }

    /// The figures a page holds, by id (for checks).
    public static let figureIDs = ["fig-heatmap", "fig-risk", "fig-le", "fig-minp", "fig-mask", "fig-test-accuracy", "fig-train-accuracy"]

    /// The page for `request`.
    ///
    /// Every file the page draws from must read whole: a page never leaves out
    /// or blanks a file it found without saying so.
    ///
    /// - Throws: `InputError` (file, line, column) when a file the folder holds
    ///   cannot be read or does not hold what its name promises; `StageError`
    ///   when the layer shapes do not cover window_LE's weights.
    public static func build(_ request: Request) throws -> String {
        let run = try RunFolder(request.folder)
        var sections: [String] = []
        var facts: [(String, String)] = [("folder", request.folder), ("report by", ToolVersion.text)]
        var plan = WindowPlan.standard
        var legacy = false
        if let le = run.windowLE, let sidecar = try WindowSidecar.read(for: le) {
            do {
                plan = try sidecar.plan
            } catch {
                throw InputError(file: WindowSidecar.path(for: le), message: error.message)
            }
            legacy = sidecar.layout == .weightsByWindows
            facts += [("window_LE", le), ("made by", sidecar.tool), ("script", sidecar.script),
                      ("window, overlap, step", "\(sidecar.window), \(LinearScale.label(sidecar.overlap)), \(sidecar.step) rows"),
                      ("lyap_r", "-m\(sidecar.dimension) -d\(sidecar.delay) -s\(sidecar.steps)" + (sidecar.radius.map { " -r\(LinearScale.label($0))" } ?? "")),
                      ("gate", sidecar.gate ? "ischange + range" : "off"), ("arithmetic", sidecar.arithmetic),
                      ("weights", "\(sidecar.firstWeight)…\(sidecar.lastWeight) of \(sidecar.totalWeights)"),
                      ("windows, rows", "\(sidecar.windows) windows from \(sidecar.rows) rows of \(sidecar.sourceName)")]
        } else if let le = run.windowLE {
            facts.append(("window_LE", "\(le) (no sidecar: window \(plan.window), overlap \(LinearScale.label(plan.overlap)) assumed)"))
        }
        if let log = run.log, let last = try TextLines.split(try InputError.contents(of: log), file: log).last {
            facts.append(("script log", String(last)))
        }
        var summaries: [(name: String, json: JSONValue)] = []
        for entry in run.retraining { summaries.append((entry.name, try JSONValue.read(entry.summary))) }
        if let first = summaries.first?.json {
            facts.append(("recipe, trial", "\(first["recipe"]?.string ?? "?"), \(first["trial"]?.integer.map(String.init) ?? "?")"))
            let timings = summaries.map { "\($0.name) \(LinearScale.label($0.json["seconds"]?.number ?? .nan)) s" }.joined(separator: ", ")
            facts.append(("stage-4 time", timings))
        }
        sections.append(section("The run", "<table class=\"facts\">" + facts.map { "<tr><th>\(SVGFigures.escape($0.0))</th><td>\(SVGFigures.escape($0.1))</td></tr>" }.joined() + "</table>"))

        let layers = request.layers ?? summaries.first.flatMap { $0.json["recipe"]?.string }.flatMap { try? TrainingRecipe.named($0) }
            .map { [($0.hidden, $0.inputs), ($0.outputs, $0.hidden)] }
        var le: [[Double]] = []
        if let path = run.windowLE {
            let table = try NumericTable.read(path)
            le = legacy ? table.transposed.rows : table.rows
            if let layers, let weights = le.first?.count {
                let total = layers.reduce(0) { $0 + $1.rows * $1.columns }
                guard total == weights else {
                    let shapes = layers.map { "\($0.rows)x\($0.columns)" }.joined(separator: ",")
                    throw StageError("the layer shapes \(shapes) (\(request.layers == nil ? "the retraining summary's recipe" : "--layers")) hold \(total) weights, but \(path) holds \(weights)")
                }
            }
            var boundaries: [Int] = []
            var start = 0
            for layer in layers ?? [] {
                start += layer.rows * layer.columns
                boundaries.append(start)
            }
            let (svg, binning) = SVGFigures.heatMap(id: "fig-heatmap", matrix: le, layerBoundaries: boundaries)
            let note = binning.rowsPerBin > 1 || binning.columnsPerBin > 1
                ? "Aggregated to fit the page: each cell is the mean of \(binning.rowsPerBin) weight(s) × \(binning.columnsPerBin) window(s); grey cells are static in every window they hold."
                : "Each cell is one weight in one window; grey cells are static windows (LE 0: gated, or a curve too short)."
            sections.append(section("Window LE: \(le.first?.count ?? 0) weights × \(le.count) windows", figure(svg, note + (boundaries.isEmpty ? "" : " White lines separate the layers."))))
        }
        var minimumP: [Double] = []
        if let path = run.minimumP {
            minimumP = try rowsAfterHeader(path, columns: 2).map { $0[1] }
        }
        if let path = request.accuracy ?? run.accuracy, !le.isEmpty {
            let accuracy = try AccuracyFile.read(path)
            if case let .success(risk) = MisclassificationRisk.series(windows: le.count, accuracy: accuracy.rows, layout: .perStep, plan: plan) {
                sections.append(section("Misclassification risk over windows", figure(
                    SVGFigures.lines(id: "fig-risk", series: [("risk = 1 − test accuracy at the window's end", risk)], xLabel: "window", yLabel: "risk"),
                    "The series every weight's LE series is tested against (Granger).")))
                let ranked = minimumP.indices.filter { minimumP[$0].isFinite && $0 < (le.first?.count ?? 0) }.sorted { minimumP[$0] < minimumP[$1] }
                let chosen = Array(ranked.prefix(2)) + Array(ranked.suffix(2).reversed()).filter { !ranked.prefix(2).contains($0) }
                if !chosen.isEmpty {
                    let series = chosen.map { weight in ("weight \(weight) (min p \(LinearScale.label(minimumP[weight])))", le.map { $0[weight] }) }
                    sections.append(section("LE of the most and the least causal weights", figure(
                        SVGFigures.lines(id: "fig-le", series: series, xLabel: "window", yLabel: "largest Lyapunov exponent"),
                        "The same windows as the risk above: the two weights with the smallest minimum p-value (most causal) and the two with the largest.")))
                }
            }
        }
        if !minimumP.isEmpty {
            sections.append(section("Minimum p-values", figure(
                SVGFigures.histogram(id: "fig-minp", values: minimumP, alpha: request.alpha, xLabel: "minimum over lags of the rounded ssr_chi2test p-value"),
                "Weights at or above alpha do not Granger-cause the risk: they are the mask (the notebook's rule).")))
        }
        if let path = run.mask, let layers {
            let total = layers.reduce(0) { $0 + $1.rows * $1.columns }
            let pruned = Set(try MaskFile.read(path, weights: total))
            let named = layers.enumerated().map { ("W\($0.offset + 1)", $0.element.rows, $0.element.columns) }
            let cut = layers.contains { $0.rows > 60 || $0.columns > 60 }
                ? " Layers larger than 60 × 60 show their first 60 rows and columns; the count covers every weight." : ""
            sections.append(section("The mask on the network", figure(SVGFigures.masks(id: "fig-mask", layers: named, pruned: pruned),
                                                                      "Each square is one weight (rows: units of the next layer, columns: inputs); pruned weights in orange." + cut)))
        }
        if !run.retraining.isEmpty {
            var test: [(name: String, values: [Double])] = [], train: [(name: String, values: [Double])] = []
            for entry in run.retraining {
                let rows = try rowsAfterHeader(entry.epochs, columns: 3)
                train.append((entry.name, rows.map { $0[1] }))
                test.append((entry.name, rows.map { $0[2] }))
            }
            sections.append(section("Retraining: test accuracy per epoch", figure(
                SVGFigures.lines(id: "fig-test-accuracy", series: test, xLabel: "epoch", yLabel: "test accuracy"), "Every variant from the same initial weights.")))
            sections.append(section("Retraining: train accuracy per epoch", figure(
                SVGFigures.lines(id: "fig-train-accuracy", series: train, xLabel: "epoch", yLabel: "train accuracy"), "The benchmark epoch is the first reaching the recipe's benchmark.")))
            sections.append(section("Results", resultsTable(summaries)))
        }
        return page(title: "chaosprune report: \(request.folder)", body: sections.joined())
    }

    /// The first `columns` numbers of each row of a CSV file with a header
    /// line (`nan` and `inf` included: the writers print them).
    ///
    /// - Throws: `InputError` at the first short row or field that is not a number.
    static func rowsAfterHeader(_ path: String, columns: Int) throws(InputError) -> [[Double]] {
        var rows: [[Double]] = []
        for record in try CSVRecords.read(path).dropFirst() {
            guard record.fields.count >= columns else {
                throw InputError(file: path, line: record.line, message: "\(record.fields.count) field(s); expected \(columns) or more, like the header")
            }
            var row: [Double] = []
            for (index, field) in record.fields.prefix(columns).enumerated() {
                guard let value = DecimalSyntax.parse(field) else {
                    throw InputError(file: path, line: record.line, column: index + 1, message: "expected a number, found '\(ArgumentText.printable(field))'")
                }
                row.append(value)
            }
            rows.append(row)
        }
        return rows
    }

    static func section(_ title: String, _ body: String) -> String {
        "<section><h2>\(SVGFigures.escape(title))</h2>\(body)</section>"
    }

    static func figure(_ svg: String, _ caption: String) -> String {
        "<figure>\(svg)<figcaption>\(SVGFigures.escape(caption))</figcaption></figure>"
    }

    static func resultsTable(_ summaries: [(name: String, json: JSONValue)]) -> String {
        func cell(_ value: JSONValue?, percent: Bool = false) -> String {
            guard let number = value?.number else { return value?.integer.map(String.init) ?? "never" }
            return percent ? LinearScale.label(number * 100) + " %" : LinearScale.label(number)
        }
        var html = "<table class=\"results\"><tr><th>variant</th><th>pruned</th><th>pruned %</th><th>epoch to benchmark</th><th>train at it</th><th>test at it</th><th>final train</th><th>final test</th><th>macro F1 (test)</th></tr>"
        for (name, json) in summaries {
            let epoch = json["benchmark_epoch"].flatMap { $0.integer.map(String.init) } ?? "never"
            html += "<tr><td>\(SVGFigures.escape(name))</td><td>\(cell(json["pruned"]))</td><td>\(cell(json["pruned_fraction"], percent: true))</td><td>\(epoch)</td><td>\(cell(json["train_acc_at_benchmark"]))</td><td>\(cell(json["test_acc_at_benchmark"]))</td><td>\(cell(json["final_train_acc"]))</td><td>\(cell(json["final_test_acc"]))</td><td>\(cell(json["f1_test"]))</td></tr>"
        }
        return html + "</table>"
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"/><title>\(SVGFigures.escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 820px; margin: 2em auto; color: #222; line-height: 1.4; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; border-bottom: 1px solid #ddd; }
        figure { margin: 0.5em 0; } figcaption { font-size: 0.85em; color: #555; }
        svg.chart { width: 100%; height: auto; background: #fff; }
        table { border-collapse: collapse; font-size: 0.9em; } th, td { border: 1px solid #ddd; padding: 2px 8px; text-align: left; }
        table.results td { text-align: right; } table.results td:first-child { text-align: left; }
        @media print { section { break-inside: avoid; } body { max-width: none; } }
        </style></head>
        <body><h1>\(SVGFigures.escape(title))</h1>
        \(body)
        </body></html>

        """
    }
}
