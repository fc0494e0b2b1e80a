import Foundation
import Testing
import TestSupport

/// `chaosprune pipeline` and `chaosprune demo`, end to end.
@Suite("pipeline and demo")
struct PipelineCommandTests {
    static let pipeline = TestSupport.fixtures.appendingPathComponent("pipeline")

    @Test("pipeline on a fixture recording writes the original files, each byte-identical to the reference's",
          arguments: [("iris-s3", false, 106), ("banknote-s1", true, 97)])
    func endToEnd(_ dataset: String, _ x87: Bool, _ windows: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.pipeline.appendingPathComponent(dataset)
        let run = try TestSupport.run("chaosprune", ["pipeline", input.appendingPathComponent("weights.csv").path,
                                                     input.appendingPathComponent("acc.csv").path, "--out", "run",
                                                     "--data", "set", "--init", "seed"] + (x87 ? ["--arithmetic", "x87"] : []), in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let out = folder.appendingPathComponent("run")
        let expectedWindows = input.appendingPathComponent(x87 ? "window_LE_w50.x87.csv" : "window_LE_w50.csv")
        #expect(try Data(contentsOf: out.appendingPathComponent("window_LE_1.csv")) == Data(contentsOf: expectedWindows))
        #expect(try Data(contentsOf: out.appendingPathComponent("window_LE_1.log")) == Data(contentsOf: input.appendingPathComponent("window_LE_w50.log")))
        if !x87 {
            #expect(try Data(contentsOf: out.appendingPathComponent("granger_min_p.csv")) == Data(contentsOf: input.appendingPathComponent("granger_min_p.csv")))
            #expect(try Data(contentsOf: out.appendingPathComponent("mask_set_seed.csv")) == Data(contentsOf: input.appendingPathComponent("mask.csv")))
            try GrangerFixtureTests.expectSamePValues(input.appendingPathComponent("granger_pvalues.csv"), out.appendingPathComponent("granger_pvalues.csv"))
        }
        let summary = String(decoding: run.standardOutput, as: UTF8.self)
        #expect(summary.contains("\nwindows          \(windows)\n"))
        #expect(summary.contains("mask_set_seed.csv"))
    }

    @Test("demo trains the authors' iris network from its embedded inputs, runs the pipeline and retrains with the mask")
    func demo() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run("chaosprune", ["demo", "--out", "demo"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("demo").path).sorted()
        #expect(files == ["acc_1.csv", "data", "granger_min_p.csv", "granger_pvalues.csv", "init", "mask_iris_init.csv", "pure_1.csv",
                          "report.html", "retrain", "window_LE_1.csv", "window_LE_1.csv.json", "window_LE_1.log"])
        let training = TestSupport.fixtures.appendingPathComponent("training")
        #expect(try Data(contentsOf: folder.appendingPathComponent("demo/data/Iris.csv")) == Data(contentsOf: training.appendingPathComponent("data/Iris.csv")))
        #expect(try Data(contentsOf: folder.appendingPathComponent("demo/init/iris.npy")) == Data(contentsOf: training.appendingPathComponent("init/iris.npy")))
        let recording = try Data(contentsOf: folder.appendingPathComponent("demo/acc_1.csv")).split(separator: 10)
        let reference = try Data(contentsOf: training.appendingPathComponent("iris/stage1/acc_1.first2000.csv")).split(separator: 10)
        #expect(recording.count == 2401)
        #expect(Array(recording.prefix(2000)) == Array(reference), "the demo records the authors' network, as train does")
        let output = String(decoding: run.standardOutput, as: UTF8.self)
        #expect(output.contains("weights          42\n"))
        #expect(output.contains("retrain dense    0 of 42 weights pruned: reaches 0.95 train accuracy at epoch 162;"))
        #expect(output.contains("retrain pruned   "))
        #expect(output.hasSuffix("report           demo/report.html (open it in a browser)\n"))
    }

    @Test("a failed pipeline names the file, creates no folder and leaves no staging folder")
    func badWeights() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("1,2\n3\n".utf8).write(to: folder.appendingPathComponent("w.csv"))
        try Data("0.5,0.5\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        let run = try TestSupport.run("chaosprune", ["pipeline", "w.csv", "a.csv", "--out", "run"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError == "chaosprune pipeline: error: w.csv:2: ragged row: 1 fields, expected 2 like the first row\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.csv", "w.csv"])
    }

    @Test("a failed re-run leaves the earlier run's files as they were")
    func failedRerunKeepsEarlierRun() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.pipeline.appendingPathComponent("iris-s3")
        let weights = input.appendingPathComponent("weights.csv").path
        let first = try TestSupport.run("chaosprune", ["pipeline", weights, input.appendingPathComponent("acc.csv").path, "--out", "run", "-q"], in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        let run = folder.appendingPathComponent("run")
        let before = try FileManager.default.contentsOfDirectory(atPath: run.path).sorted()
        let contents = try before.map { try Data(contentsOf: run.appendingPathComponent($0)) }
        try Data("0.5,0.5\n".utf8).write(to: folder.appendingPathComponent("short.csv"))
        let second = try TestSupport.run("chaosprune", ["pipeline", weights, "short.csv", "--out", "run", "-q"], in: folder)
        #expect(second.status == 1)
        #expect(second.standardError.hasPrefix("chaosprune pipeline: error: run/window_LE_1.csv holds 106 window(s), but window 50 with overlap 0.1 over the 1 rows of short.csv makes 0"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.path).sorted() == before)
        #expect(try before.map { try Data(contentsOf: run.appendingPathComponent($0)) } == contents)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["run", "short.csv"])
    }

    @Test("a re-run whose target became a folder moves nothing: the earlier run's set stays whole", arguments: [
        "granger_pvalues.csv", "mask_weights_init.csv", "window_LE_1.log",
    ])
    func targetBecameAFolder(_ name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.pipeline.appendingPathComponent("iris-s3")
        let arguments = ["pipeline", input.appendingPathComponent("weights.csv").path, input.appendingPathComponent("acc.csv").path, "--out", "run", "-q"]
        #expect(try TestSupport.run("chaosprune", arguments, in: folder).status == 0)
        let run = folder.appendingPathComponent("run")
        try FileManager.default.removeItem(at: run.appendingPathComponent(name))
        try FileManager.default.createDirectory(at: run.appendingPathComponent(name), withIntermediateDirectories: true)
        let before = try FileManager.default.contentsOfDirectory(atPath: run.path).sorted()
        let contents = try before.filter { $0 != name }.map { try Data(contentsOf: run.appendingPathComponent($0)) }
        let second = try TestSupport.run("chaosprune", arguments + ["--window", "40"], in: folder)
        #expect(second.status == 1)
        #expect(second.standardError.contains("run/\(name): Is a directory"), "\(second.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.path).sorted() == before)
        #expect(try before.filter { $0 != name }.map { try Data(contentsOf: run.appendingPathComponent($0)) } == contents)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run"])
    }

    @Test("a re-run replaces the earlier run's set of files: adf.csv of a --stationarity run goes when the next run has none")
    func rerunReplacesTheSet() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.pipeline.appendingPathComponent("iris-s3")
        let arguments = ["pipeline", input.appendingPathComponent("weights.csv").path, input.appendingPathComponent("acc.csv").path, "--out", "run", "-q"]
        #expect(try TestSupport.run("chaosprune", arguments + ["--stationarity"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run/adf.csv").path))
        #expect(try TestSupport.run("chaosprune", arguments, in: folder).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("run").path).sorted()
                == ["granger_min_p.csv", "granger_pvalues.csv", "mask_weights_init.csv", "window_LE_1.csv", "window_LE_1.csv.json", "window_LE_1.log"])
    }
}
