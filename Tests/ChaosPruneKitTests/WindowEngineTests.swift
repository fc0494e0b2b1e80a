import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem
import Foundation
import LyapunovKit
import SyntheticData
import Testing
import TestSupport

/// The window stage's engines: the lane engine gives the general engine's
/// bits wherever it answers, the job's file is the same whichever engine runs,
/// and the shortcuts it rests on hold at their edges.
@Suite("window engines")
struct WindowEngineTests {
    static let levels = WindowLanes.Level.allCases.filter { $0.rawValue <= WindowLanes.widest.rawValue }

    @Test("the lane engine answers with the general engine's bits on every recording family",
          arguments: RecordingFamily.allCases)
    func laneEngineMatchesGeneralEngine(_ family: RecordingFamily) throws {
        let legacy = WindowSettings.legacy(plan: try WindowPlan(window: 200, overlap: 0.1))
        for level in Self.levels {
            for (settings, windows) in [(WindowSettings.current(plan: .standard), 12), (legacy, 1)] {
                let engine = try #require(LaneWindowEngine(settings: settings, level: level))
                let rows = settings.plan.rowsSpanned(byWindows: windows)
                let values = family.recording(rows: rows, columns: 72, seed: UInt64(level.rawValue * 100 + windows))
                let result = WindowEngineComparison.compare(engine, settings: settings, values: values, rows: rows, columns: 72, threads: 2)
                #expect(result.cells == 72 * windows)
                #expect(result.differences == 0, "\(family) \(level): first difference at \(String(describing: result.firstDifference))")
                #expect(result.answered > 0)
            }
        }
    }

    @Test("every family is checked")
    func familyCount() {
        #expect(RecordingFamily.allCases.count == 8)
    }

    @Test("the lane engine serves only the settings its facts cover")
    func laneEngineScope() throws {
        let standard = WindowSettings.current(plan: .standard)
        #expect(LaneWindowEngine(settings: standard) != nil)
        var x87 = standard
        x87.arithmetic = .x87
        #expect(LaneWindowEngine(settings: x87) == nil)
        var three = standard
        three.parameters.dimension = 3
        #expect(LaneWindowEngine(settings: three) == nil)
        var fraction = standard
        fraction.parameters.initialEpsilon = .defaultFraction
        #expect(LaneWindowEngine(settings: fraction) == nil)
        #expect(LaneWindowEngine(settings: .current(plan: try WindowPlan(window: WindowLanes.mostPoints + 4, overlap: 0.1))) == nil)
    }

    /// Runs the job on `weights` with `engine` and returns the file's bytes.
    private func run(_ weights: String, settings: WindowSettings, engine: WindowEngineChoice) throws -> [UInt8] {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        var options = WindowLEJob.Options(settings: settings, threads: 2)
        options.engine = engine
        let writer = try AtomicFileWriter(path: path)
        _ = try WindowLEJob.run(reader: try NumericCSVReader(path: weights), writer: writer, options: options)
        try writer.commit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("every engine writes the reference's window files", arguments: ["banknote-s1", "iris-s3", "cancer-s4"])
    func everyEngineWritesTheFixtures(_ run: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("pipeline/\(run)")
        let weights = folder.appendingPathComponent("weights.csv").path
        var cases: [(WindowSettings, String)] = [
            (.current(plan: .standard), "window_LE_w50.csv"),
            (.current(plan: try WindowPlan(window: 200, overlap: 0.1)), "window_LE_w200.csv"),
        ]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("legacy_window_LE.csv").path) {
            cases.append((.legacy(plan: try WindowPlan(window: 200, overlap: 0.1)), "legacy_window_LE.csv"))
        }
        for (settings, file) in cases {
            let expected = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            for engine in [WindowEngineChoice.general, .fastest] + Self.levels.map(WindowEngineChoice.lanes) {
                #expect(try self.run(weights, settings: settings, engine: engine) == expected, "\(run) \(file) \(engine)")
            }
        }
    }

    @Test("the gate's certificate agrees with the DP at the edges of its bounds")
    func gateCertificateEdges() {
        var generator = SplitMix64(seed: 7)
        var gate = MeanChangeGate()
        var certified = 0, uncertified = 0
        for trial in 0..<4_000 {
            let n = [2, 3, 50, 64, 200, 1024][trial % 6]
            // A level whose squares sum to just below or above 10⁴, with noise whose cost lands near 0.99.
            let level = (MeanChangeGate.certifiedSquares / Double(n)).squareRoot() * (trial % 2 == 0 ? 0.9995 : 1.0005)
            let spread = (2 * 0.99 / Double(n)).squareRoot() * (0.97 + 0.06 * Double(generator.next() % 1000) / 1000)
            let x = (0..<n).map { index in level + (index % 2 == 0 ? spread : -spread) * 0.5 * (1 + Double(generator.next() % 3) / 100) }
            x.withUnsafeBufferPointer { x in
                if MeanChangeGate.certifiesNoChange(x) {
                    certified += 1
                    let byDP = gate.hasChangePointByDP(x)
                    #expect(!byDP)
                } else {
                    uncertified += 1
                }
                let answer = gate.hasChangePoint(x), byDP = gate.hasChangePointByDP(x)
                #expect(answer == byDP)
            }
        }
        #expect(certified > 500)
        #expect(uncertified > 500)
        // Past the bounds the certificate never answers.
        let long = [Double](repeating: 0, count: MeanChangeGate.certifiedLength + 1)
        #expect(!long.withUnsafeBufferPointer(MeanChangeGate.certifiesNoChange))
        let large = [Double](repeating: 15, count: 50)
        #expect(!large.withUnsafeBufferPointer(MeanChangeGate.certifiesNoChange))
        let changing = [Double](repeating: 0, count: 25) + [Double](repeating: 0.3, count: 25)
        #expect(!changing.withUnsafeBufferPointer(MeanChangeGate.certifiesNoChange))
    }

    @Test("rows 0 and 1 and whether a later row exists give the whole curve's exponent")
    func twoRowExponent() {
        var generator = SplitMix64(seed: 11)
        func value() -> Double {
            let magnitude = [1e-7, 1e-3, 0.5, 3, 40][Int(generator.next() % 5)]
            return ScientificTextQuantiser.quantise((Double(generator.next() >> 11) / Double(1 << 53) - 0.5) * magnitude)
        }
        for trial in 0..<200_000 {
            let y0 = value(), y1 = trial % 97 == 0 ? 0 : value()
            var rows = [DivergenceRow(iteration: 0, value: y0), DivergenceRow(iteration: 1, value: y1)]
            for iteration in 2...3 where generator.next() % 3 != 0 { rows.append(DivergenceRow(iteration: iteration, value: value())) }
            #expect(DivergenceSlopes.exponent(row0: y0, row1: y1, hasLaterRow: rows.count > 2) == DivergenceSlopes.exponent(of: rows))
        }
    }
}

/// The lane kernel's `%f` quantisation against `SixDecimalQuantiser`.
@Suite("window lanes: the six-decimal quantisation")
struct WindowLanesQuantisationTests {
    @Test("every instruction set quantises as SixDecimalQuantiser, and declines only what it must",
          arguments: WindowLanes.Level.allCases.filter { $0.rawValue <= WindowLanes.widest.rawValue })
    func quantisation(_ level: WindowLanes.Level) {
        let values = DecimalBoundaryValues.values(count: 600_000, seed: UInt64(level.rawValue + 1))
        let (declined, differences) = WindowLanes.checkSixDecimals(values, level: level)
        #expect(differences == 0)
        #expect(declined > 1_000)
    }
}
