import Foundation
import Testing
import TestSupport

/// `chaosprune granger` against the statsmodels notebook's fixtures.
@Suite("granger against the statsmodels fixtures")
struct GrangerFixtureTests {
    static let folders = ["banknote-s1", "cancer-s4", "iris-s3", "granger_allcausal", "granger_flatrisk", "granger_short", "granger_staticcols"]
    static let root = TestSupport.fixtures.appendingPathComponent("pipeline")

    /// `weight,lag,test` → (statistic, pvalue text).
    static func table(_ url: URL) throws -> [String: (String, String)] {
        var rows: [String: (String, String)] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            rows["\(fields[0]),\(fields[1]),\(fields[2])"] = (fields[3], fields[4])
        }
        return rows
    }

    /// The same rows, exceptions with the same message, every p-value within 1e-10.
    static func expectSamePValues(_ expectedFile: URL, _ actualFile: URL) throws {
        let expected = try table(expectedFile)
        let actual = try table(actualFile)
        #expect(expected.count == actual.count)
        #expect(Set(expected.keys) == Set(actual.keys))
        var worst = 0.0
        for (key, value) in expected {
            guard let mine = actual[key] else { continue }
            if key.hasSuffix(",exception") {
                #expect(mine.1 == value.1)
            } else {
                worst = worseOf(worst, abs((Double(mine.1) ?? .nan) - (Double(value.1) ?? .nan)))
            }
        }
        #expect(worst <= 1e-10, "worst absolute p-value difference \(worst)")
    }

    /// The larger of two differences, NaN if either is NaN (so a NaN p-value fails the check).
    static func worseOf(_ a: Double, _ b: Double) -> Double {
        a.isNaN || b.isNaN ? .nan : max(a, b)
    }

    @Test("every p-value within 1e-10, the same exceptions, min_p byte-identical, the mask equal in order", arguments: folders)
    func matchesNotebook(_ folder: String) throws {
        let work = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = Self.root.appendingPathComponent(folder)
        let run = try TestSupport.run("chaosprune", ["granger", input.appendingPathComponent("window_LE_w50.csv").path,
                                                     input.appendingPathComponent("acc.csv").path, "-o", "mask.csv",
                                                     "--pvalues", "p.csv", "--min-p", "minp.csv", "-q"], in: work)
        #expect(run.status == 0, "\(run.standardError)")
        try Self.expectSamePValues(input.appendingPathComponent("granger_pvalues.csv"), work.appendingPathComponent("p.csv"))
        #expect(try Data(contentsOf: work.appendingPathComponent("minp.csv")) == Data(contentsOf: input.appendingPathComponent("granger_min_p.csv")))
        #expect(try Data(contentsOf: work.appendingPathComponent("mask.csv")) == Data(contentsOf: input.appendingPathComponent("mask.csv")))
    }

    @Test("--stationarity: ADF p-values and every test p-value within 1e-10, exceptions equal, mask and min_p byte-identical",
          arguments: ["banknote-s1", "cancer-s4", "iris-s3"])
    func stationarityPath(_ folder: String) throws {
        let work = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = Self.root.appendingPathComponent(folder)
        let run = try TestSupport.run("chaosprune", ["granger", input.appendingPathComponent("window_LE_w50.csv").path,
                                                     input.appendingPathComponent("acc.csv").path, "-o", "mask.csv", "--stationarity",
                                                     "--adf", "adf.csv", "--pvalues", "p.csv", "--min-p", "minp.csv"], in: work)
        #expect(run.status == 0, "\(run.standardError)")
        try Self.expectSamePValues(input.appendingPathComponent("stationarity_granger_pvalues.csv"), work.appendingPathComponent("p.csv"))
        let adfExpected = try String(contentsOf: input.appendingPathComponent("adf.csv"), encoding: .utf8).split(separator: "\n")
        let adfActual = try String(contentsOf: work.appendingPathComponent("adf.csv"), encoding: .utf8).split(separator: "\n")
        try #require(adfExpected.count == adfActual.count)
        for (a, b) in zip(adfExpected.dropFirst(), adfActual.dropFirst()) {
            let (x, y) = (a.split(separator: ","), b.split(separator: ","))
            try #require(x.count == 3 && y.count == 3)
            #expect(x[0] == y[0] && x[1] == y[1])
            #expect(abs((Double(x[2]) ?? .nan) - (Double(y[2]) ?? .nan)) <= 1e-10)
        }
        #expect(try Data(contentsOf: work.appendingPathComponent("minp.csv")) == Data(contentsOf: input.appendingPathComponent("stationarity_granger_min_p.csv")))
        #expect(try Data(contentsOf: work.appendingPathComponent("mask.csv")) == Data(contentsOf: input.appendingPathComponent("stationarity_mask.csv")))
        if folder != "banknote-s1" {
            #expect(run.standardError.contains("the lengths differ, every weight raises and every weight is selected"))
        }
    }

    @Test("the legacy layout (one row per weight) gives the same files as the current layout of the same numbers")
    func legacyLayoutSameFiles() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = Self.root.appendingPathComponent("iris-s3")
        let le = fixture.appendingPathComponent("window_LE_w50.csv").path, accuracy = fixture.appendingPathComponent("acc.csv").path
        #expect(try TestSupport.run("chaosprune", ["convert", "transpose", le, "-o", "legacy.csv"], in: folder).status == 0)
        for (name, input, extra) in [("current", le, [String]()), ("legacy", "legacy.csv", ["--legacy-layout"])] {
            let run = try TestSupport.run("chaosprune", ["granger", input, accuracy, "-o", "\(name)_mask.csv", "--pvalues", "\(name)_p.csv",
                                                         "--min-p", "\(name)_min.csv", "-q"] + extra, in: folder)
            #expect(run.status == 0, "\(run.standardError)")
        }
        for suffix in ["mask.csv", "p.csv", "min.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("current_\(suffix)")) == Data(contentsOf: folder.appendingPathComponent("legacy_\(suffix)")))
        }
    }
}
