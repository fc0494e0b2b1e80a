import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport
import ChaosPruneKit

/// The report's SVG builders and the page they make.
@Suite("report")
struct ReportTests {
    @Test("linear scales map the domain onto the range, ticks are round and inside the domain")
    func scales() {
        let scale = LinearScale(domain: 0...10, range: (100, 200))
        #expect(scale(0) == 100 && scale(5) == 150 && scale(10) == 200)
        #expect(scale.ticks(5) == [0, 2, 4, 6, 8, 10])
        #expect(LinearScale(domain: 0.013...0.087, range: (0, 1)).ticks(4) == [0.02, 0.04, 0.06, 0.08])
        let inverted = LinearScale(domain: 0...1, range: (300, 20))
        #expect(inverted(1) == 20)
        #expect(LinearScale(domain: 3...3, range: (0, 1)).domain == 2.5...3.5, "an empty domain is widened")
        #expect(LinearScale(domain: -1e9...1e9, range: (0, 1)).ticks(5).count <= 11)
    }

    @Test("tick labels as people read them", arguments: [
        (0.0, "0"), (0.25, "0.25"), (1.0, "1"), (12_345.0, "12,345"), (-0.5, "−0.5"), (0.000012, "1.2e-05"), (2e6, "2e+06"), (0.9124886, "0.9125"),
    ])
    func labels(_ value: Double, _ text: String) {
        #expect(LinearScale.label(value) == text)
    }

    @Test("binning averages blocks, ignores NaN, and keeps small matrices as they are")
    func binning() {
        let matrix = (0..<10).map { r in (0..<7).map { c in Double(r * 7 + c) } }
        let same = Binning(matrix, maxRows: 20, maxColumns: 20)
        #expect(same.values == matrix && same.rowsPerBin == 1 && same.columnsPerBin == 1)
        let binned = Binning(matrix, maxRows: 5, maxColumns: 4)
        #expect(binned.rowsPerBin == 2 && binned.columnsPerBin == 2)
        #expect(binned.values.count == 5 && binned.values[0].count == 4)
        #expect(binned.values[0][0] == (0 + 1 + 7 + 8) / 4.0)
        #expect(binned.values[0][3] == (6 + 13) / 2.0, "a partial block averages what it holds")
        #expect(Binning([[Double.nan, 1]], maxRows: 1, maxColumns: 1).values == [[1]])
    }

    @Test("viridis runs from dark purple to yellow; NaN is grey")
    func colours() {
        #expect(ColourScale.viridis(0) == "#440154")
        #expect(ColourScale.viridis(1) == "#fde725")
        #expect(ColourScale.viridis(.nan) == "#bbbbbb")
        #expect(ColourScale.viridis(-3) == ColourScale.viridis(0))
    }

    @Test("minimum p-values far outside [0, 1], and ±infinity and NaN, fall in the end bins or none, never a trap", arguments: [
        [1e300, -1e300], [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude], [.infinity, -.infinity, .nan, 0.5],
    ])
    func histogramEdges(_ values: [Double]) {
        let svg = SVGFigures.histogram(id: "h", values: values, alpha: 0.05, xLabel: "p")
        #expect(svg.contains("<svg id=\"h\""))
    }

    @Test("a demo run's page: well-formed, self-contained, every figure present")
    func page() throws {
        let (folder, page) = try Self.pipelineRun()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try ReportPage.build(page)
        for forbidden in ["http:", "https:", "//", "<script", "src=", "@import", "url("] { #expect(!html.contains(forbidden), "\(forbidden)") }
        let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(parser.parse(), "the page is well-formed: \(String(describing: parser.parserError))")
        for id in ["fig-heatmap", "fig-risk", "fig-le", "fig-minp", "fig-mask"] { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(!html.contains("fig-test-accuracy"), "no stage-4 figures without retraining files")
    }

    /// One damaged file of a run folder and the start of the error it must give.
    static let damagedFiles: [(file: String, bytes: [UInt8], error: String)] = [
        ("granger_min_p.csv", Array("weight,min_p_rounded\n0,0.5\n1,abc\n".utf8), "granger_min_p.csv:3:2: expected a number, found 'abc'"),
        ("granger_min_p.csv", Array("weight,min_p_rounded\n0\n".utf8), "granger_min_p.csv:2: 1 field(s); expected 2 or more"),
        ("granger_min_p.csv", Array("weight,min_p_rounded\n0,0x1p3\n".utf8), "granger_min_p.csv:2:2: expected a number, found '0x1p3'"),
        ("mask_weights_init.csv", Array("3\n42\n".utf8), "mask_weights_init.csv:2:1: index 42 is outside the network's 42 weights"),
        ("mask_weights_init.csv", Array("3\nseven\n".utf8), "mask_weights_init.csv:2:1: expected a weight index"),
        ("retrain/dense/summary_1.json", Array("{\"recipe\": ".utf8), "summary_1.json: invalid JSON at byte 11"),
        ("retrain/dense/epochs_1.csv", Array("epoch,train_acc,test_acc\n0,0.5,x\n".utf8), "epochs_1.csv:2:3: expected a number, found 'x'"),
        ("retrain/dense/epochs_1.csv", Array("epoch,train_acc,test_acc\n0,0.5\n".utf8), "epochs_1.csv:2: 2 field(s); expected 3 or more"),
        ("window_LE_1.log", [0x4E, 0x6F, 0xFF, 0x0A], "window_LE_1.log:1:1: byte 0xFF is not UTF-8 text"),
        ("window_LE_1.csv.json", Array("{".utf8), "window_LE_1.csv.json: invalid JSON at byte 1"),
    ]

    @Test("a file of the run folder that does not read whole stops the page with its place, never a blank or missing figure",
          arguments: damagedFiles)
    func damagedFile(_ damage: (file: String, bytes: [UInt8], error: String)) throws {
        let (folder, request) = try Self.runFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(damage.bytes).write(to: URL(fileURLWithPath: request.folder).appendingPathComponent(damage.file))
        let error = #expect(throws: (any Error).self) { try ReportPage.build(request) }
        #expect(error.map { "\($0)".contains(damage.error) } == true, "\(String(describing: error))")
    }

    @Test("layer shapes that do not cover window_LE's weights are an error naming both counts, from --layers or from the recipe")
    func layersMustCoverTheWeights() throws {
        let (folder, request) = try Self.runFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var shapes = request
        shapes.layers = [(2, 2)]
        #expect(throws: StageError("the layer shapes 2x2 (--layers) hold 4 weights, but \(request.folder)/window_LE_1.csv holds 42")) { try ReportPage.build(shapes) }
        var recipe = request
        recipe.layers = nil
        let summary = URL(fileURLWithPath: request.folder).appendingPathComponent("retrain/dense/summary_1.json")
        try Data("{\"recipe\": \"cancer2\"}".utf8).write(to: summary)
        #expect(throws: StageError.self) { try ReportPage.build(recipe) }
        try Data("{\"recipe\": \"iris\"}".utf8).write(to: summary)
        #expect(try ReportPage.build(recipe).contains("id=\"fig-mask\""))
    }

    /// A pipeline run of the iris fixture: (temporary folder, page request with its layers and accuracies).
    static func pipelineRun() throws -> (URL, ReportPage.Request) {
        let folder = try TestSupport.temporaryFolder()
        let fixture = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3")
        let run = folder.appendingPathComponent("run")
        var pipeline = PipelineRun.Request(weights: fixture.appendingPathComponent("weights.csv").path,
                                           accuracy: fixture.appendingPathComponent("acc.csv").path, folder: run.path,
                                           windows: WindowLEJob.Options(settings: .current(plan: .standard), threads: 2), granger: GrangerJob.Options())
        pipeline.dataName = "weights"
        _ = try PipelineRun.run(pipeline)
        var request = ReportPage.Request(folder: run.path, layers: [(6, 4), (3, 6)])
        request.accuracy = fixture.appendingPathComponent("acc.csv").path
        return (folder, request)
    }

    /// `pipelineRun()` with one stage-4 variant beside it.
    static func runFolder() throws -> (URL, ReportPage.Request) {
        let (folder, request) = try pipelineRun()
        let run = URL(fileURLWithPath: request.folder)
        let dense = run.appendingPathComponent("retrain/dense")
        try FileManager.default.createDirectory(at: dense, withIntermediateDirectories: true)
        try Data("epoch,train_acc,test_acc\n0,0.5,0.25\n1,0.75,0.5\n".utf8).write(to: dense.appendingPathComponent("epochs_1.csv"))
        try Data("{\"recipe\": \"iris\", \"trial\": 1, \"seconds\": 0.5}".utf8).write(to: dense.appendingPathComponent("summary_1.json"))
        #expect(try ReportPage.build(request).contains("id=\"fig-test-accuracy\""), "the undamaged folder draws")
        return (folder, request)
    }
}
