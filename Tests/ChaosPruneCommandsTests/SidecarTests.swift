import ChaosPruneKit
import Foundation
import Testing
import TestSupport

/// Run metadata travels with window_LE files, and one runner serves `le-window` and `pipeline`.
@Suite("window_LE sidecars and shared stage runners")
struct SidecarTests {
    static let dataset = TestSupport.fixtures.appendingPathComponent("pipeline/iris-s3")

    @Test("le-window writes a sidecar recording the plan, settings, range and source")
    func sidecarContents() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = Self.dataset.appendingPathComponent("weights.csv").path
        let run = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "le.csv", "-w", "200", "--columns", "3:10", "-q"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let data = try Data(contentsOf: folder.appendingPathComponent("le.csv.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["format"] as? String == "chaosprune-window-le")
        #expect(json["window"] as? Int == 200)
        #expect(json["step"] as? Int == 180)
        #expect(json["firstWeight"] as? Int == 3)
        #expect(json["lastWeight"] as? Int == 10)
        #expect(json["totalWeights"] as? Int == 42)
        #expect(json["windows"] as? Int == 26)
        #expect(json["rows"] as? Int == 4801)
        #expect(json["layout"] as? String == "windows-by-weights")
        #expect(json["arithmetic"] as? String == "ieee64")
        #expect(json["sourceName"] as? String == "weights.csv")
        #expect(json["tool"] as? String == ToolVersion.text)
        let stdout = try TestSupport.run("chaosprune", ["le-window", weights, "-o", "-", "-q"], in: folder)
        #expect(stdout.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["le.csv", "le.csv.json"],
                "no sidecar for standard output")
    }

    @Test("granger takes the window plan from the sidecar: a window-200 file gives the mask of granger -w 200; without its sidecar the default window is refused")
    func grangerUsesSidecar() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let weights = Self.dataset.appendingPathComponent("weights.csv").path
        let accuracy = Self.dataset.appendingPathComponent("acc.csv").path
        #expect(try TestSupport.run("chaosprune", ["le-window", weights, "-o", "le.csv", "-w", "200", "-q"], in: folder).status == 0)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("le.csv"), to: folder.appendingPathComponent("bare.csv"))
        let withSidecar = try TestSupport.run("chaosprune", ["granger", "le.csv", accuracy, "-o", "m1.csv", "--maxlag", "5", "--min-p", "p1.csv"], in: folder)
        let explicit = try TestSupport.run("chaosprune", ["granger", "bare.csv", accuracy, "-o", "m2.csv", "--maxlag", "5", "-w", "200", "--min-p", "p2.csv"], in: folder)
        let defaulted = try TestSupport.run("chaosprune", ["granger", "bare.csv", accuracy, "-o", "m3.csv", "--maxlag", "5", "--min-p", "p3.csv"], in: folder)
        #expect(withSidecar.status == 0 && explicit.status == 0)
        let p1 = try Data(contentsOf: folder.appendingPathComponent("p1.csv"))
        #expect(p1 == (try Data(contentsOf: folder.appendingPathComponent("p2.csv"))))
        #expect(defaulted.status == 1, "window 50 over acc.csv's rows makes more windows than the file holds")
        #expect(defaulted.standardError.contains("bare.csv holds 26 window(s), but window 50 with overlap 0.1 over the 4801 rows of"))
        #expect(defaulted.standardError.contains("--window 200 --overlap 0.1 makes 26"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m3.csv").path))
        let agreeing = try TestSupport.run("chaosprune", ["granger", "le.csv", accuracy, "-o", "m4.csv", "--maxlag", "5", "-w", "200"], in: folder)
        #expect(agreeing.status == 0, "an option that agrees with the sidecar is fine")
    }

    @Test("le-window and pipeline run the same stage: the same window_LE, sidecar, log and warnings")
    func oneRunner() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try Data(contentsOf: Self.dataset.appendingPathComponent("weights.csv")).split(separator: 10, omittingEmptySubsequences: false)
        try Data(lines.prefix(992).joined(separator: [10]) + [10]).write(to: folder.appendingPathComponent("w.csv"))
        let accuracyLines = try Data(contentsOf: Self.dataset.appendingPathComponent("acc.csv")).split(separator: 10, omittingEmptySubsequences: false)
        try Data(accuracyLines.prefix(992).joined(separator: [10]) + [10]).write(to: folder.appendingPathComponent("a.csv"))
        let single = try TestSupport.run("chaosprune", ["le-window", "w.csv", "-o", "window_LE_1.csv", "--log", "window_LE_1.log", "-q"], in: folder)
        let pipeline = try TestSupport.run("chaosprune", ["pipeline", "w.csv", "a.csv", "--out", "run", "-q"], in: folder)
        #expect(single.status == 0 && pipeline.status == 0)
        #expect(single.standardError.contains("warning: dropped 1 trailing window(s) that would run past row 992"))
        let pipelineWarnings = pipeline.standardError.replacingOccurrences(of: "chaosprune pipeline:", with: "chaosprune le-window:")
        #expect(pipelineWarnings.hasPrefix(single.standardError), "the pipeline prints stage 2's warnings first")
        for name in ["window_LE_1.csv", "window_LE_1.log"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: folder.appendingPathComponent("run/\(name)")))
        }
        let sidecar = try String(contentsOf: folder.appendingPathComponent("window_LE_1.csv.json"), encoding: .utf8)
        #expect(sidecar == (try String(contentsOf: folder.appendingPathComponent("run/window_LE_1.csv.json"), encoding: .utf8)))
    }
}
