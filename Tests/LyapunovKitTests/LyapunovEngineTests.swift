import Foundation
import Testing
import TestSupport
import LyapunovKit

@Suite("Lyapunov engine")
struct LyapunovEngineTests {
    private func henon(_ count: Int) -> [Double] {
        var x = 0.1, y = 0.0
        var values: [Double] = []
        for _ in 0..<count {
            (x, y) = (1 - 1.4 * x * x + y, 0.3 * x)
            values.append(x)
        }
        return values
    }

    @Test("no data is refused as the reference does")
    func noData() {
        #expect(throws: LyapunovError.noData) { try LyapunovEngine.divergence(of: [], parameters: .init()) }
    }

    @Test("a constant series is refused (reference exit 11)")
    func constant() {
        #expect(throws: LyapunovError.constantSeries(minimum: 2, maximum: 2)) {
            try LyapunovEngine.divergence(of: [2, 2, 2, 2], parameters: .init())
        }
    }

    @Test("NaN and infinity are refused with their position")
    func nonFinite() {
        #expect(throws: LyapunovError.nonFiniteValue(index: 2, value: .infinity)) {
            try LyapunovEngine.divergence(of: [1, 2, .infinity, 3], parameters: .init())
        }
    }

    @Test("N < (m-1)d + s is refused; N = (m-1)d + s gives no rows")
    func shortSeries() throws {
        let parameters = LyapunovParameters(dimension: 2, delay: 1, steps: 3)
        #expect(throws: LyapunovError.seriesTooShort(length: 3, required: 4)) {
            try LyapunovEngine.divergence(of: [0, 1, 2], parameters: parameters)
        }
        #expect(try LyapunovEngine.divergence(of: [0, 1, 2, 3], parameters: parameters).isEmpty)
    }

    @Test("a point with no neighbour at any epsilon ends with an error, not a loop")
    func noNeighbour() {
        let parameters = LyapunovParameters(dimension: 2, delay: 1, steps: 10)
        #expect {
            try LyapunovEngine.divergence(of: (0..<12).map(Double.init), parameters: parameters)
        } throws: { error in
            guard case let .noNeighbour(point, epsilon) = error as? LyapunovError else { return false }
            return point == 0 && epsilon * epsilon > 2
        }
    }

    @Test("an epsilon that cannot grow (-r0) ends with an error")
    func zeroEpsilon() {
        let parameters = LyapunovParameters(initialEpsilon: .dataUnits(0))
        #expect(throws: LyapunovError.noNeighbour(referencePoint: 0, epsilon: 0)) {
            try LyapunovEngine.divergence(of: henon(200), parameters: parameters)
        }
    }

    @Test("a Theiler window wider than the series gives no rows")
    func theilerTooWide() throws {
        #expect(try LyapunovEngine.divergence(of: henon(100), parameters: .init(theilerWindow: 500)).isEmpty)
    }

    @Test("in-process rows print exactly as the corpus's henon_default")
    func inProcessMatchesExecutableOutput() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("lyap_r")
        let input = try Data(contentsOf: folder.appendingPathComponent("inputs/henon_2k.dat"))
        let values = SeriesReader().read(Array(input)).values
        let rows = try LyapunovEngine.divergence(of: values, parameters: LyapunovParameters())
        let expected = try Data(contentsOf: folder.appendingPathComponent("expected/henon_default.out"))
        #expect(Data(DivergenceFormat.bytes(of: rows)) == expected)
    }

    @Test("concurrent calls with separate workspaces agree with a serial call")
    func concurrentCallsAgree() async throws {
        let series = henon(600)
        let serial = try LyapunovEngine.divergence(of: series, parameters: .pipeline)
        let results = await withTaskGroup(of: [DivergenceRow]?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let workspace = LyapunovWorkspace()
                    var last: [DivergenceRow]?
                    for _ in 0..<3 { last = try? LyapunovEngine.divergence(of: series, parameters: .pipeline, workspace: workspace) }
                    return last
                }
            }
            var all: [[DivergenceRow]?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 == serial })
    }

    @Test("a reused workspace gives the same rows as a fresh one")
    func workspaceReuse() throws {
        let workspace = LyapunovWorkspace()
        let long = try LyapunovEngine.divergence(of: henon(500), parameters: .init(steps: 20), workspace: workspace)
        let short = try LyapunovEngine.divergence(of: henon(60), parameters: .pipeline, workspace: workspace)
        #expect(short == (try LyapunovEngine.divergence(of: henon(60), parameters: .pipeline)))
        #expect(long == (try LyapunovEngine.divergence(of: henon(500), parameters: .init(steps: 20))))
    }

    @Test("box cells wrap at 256 and out-of-range products go to cell 0, as C's int conversion on x86")
    func boxCells() {
        #expect(boxCell(0.5, reciprocalEpsilon: 1000) == UInt8(500 & 255))
        #expect(boxCell(1, reciprocalEpsilon: 1e12) == 0)
        #expect(boxCell(.nan, reciprocalEpsilon: 1) == 0)
        #expect(boxCell(0.3, reciprocalEpsilon: -10) == UInt8(truncatingIfNeeded: -3))
    }
}
