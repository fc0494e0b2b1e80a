import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem
import Foundation
import LyapunovKit
import SyntheticData

/// `chaosprune-bench window-check`: the lane engine against the general
/// engine, cell by cell, on at least `windows` windows of every recording
/// family, at every instruction set this processor has, with the current
/// script's settings (window 50) and the legacy script's (window 200, -s20,
/// no gate); then the kernel's `%f` quantisation against `SixDecimalQuantiser`
/// on as many values at decimal boundaries. Exits 1 on any difference.
enum WindowCheck {
    static func run(windows: Int) throws {
        let threads = ProcessorCount.online
        let started = Date()
        let levels = WindowLanes.Level.allCases.filter { $0.rawValue <= WindowLanes.widest.rawValue }
        // The current script's settings take 95 % of the cells; the legacy script's 200-point windows the rest.
        let settings: [(String, WindowSettings, Double)] = [
            ("current", .current(plan: .standard), 0.95),
            ("legacy", .legacy(plan: try WindowPlan(window: 200, overlap: 0.1)), 0.05),
        ]
        let families = RecordingFamily.allCases
        let columns = 256
        var total = WindowEngineComparison()
        print("family          settings  lanes      cells   answered   declined  differences")
        var seed: UInt64 = 1
        for family in families {
            for (name, setting, share) in settings {
                for level in levels {
                    guard let engine = LaneWindowEngine(settings: setting, level: level) else { continue }
                    let cells = Double(windows) * share / Double(families.count * levels.count)
                    let rows = setting.plan.rowsSpanned(byWindows: max(1, Int((cells / Double(columns)).rounded(.up))))
                    let values = family.recording(rows: rows, columns: columns, seed: seed)
                    seed += 1
                    let result = WindowEngineComparison.compare(engine, settings: setting, values: values, rows: rows, columns: columns, threads: threads)
                    print(family.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0) + name.padding(toLength: 9, withPad: " ", startingAt: 0)
                          + String(format: " %5d %10d %10d %10d %12d", WindowLanes.lanes(at: level), result.cells, result.answered, result.declined, result.differences))
                    if let (column, window) = result.firstDifference {
                        print("  first difference: column \(column + 1), window \(window), seed \(seed - 1)")
                    }
                    total.cells += result.cells
                    total.answered += result.answered
                    total.declined += result.declined
                    total.differences += result.differences
                }
            }
        }
        for level in levels {
            let values = DecimalBoundaryValues.values(count: windows, seed: UInt64(100 + level.rawValue))
            let (declined, differences) = WindowLanes.checkSixDecimals(values, level: level)
            print("the kernel's %f, \(WindowLanes.lanes(at: level)) lanes: \(values.count) values at decimal boundaries, \(declined) declined, \(differences) differences")
            total.differences += differences
        }
        print(String(format: "total: %d cells, %d answered by the lanes, %d declined, %d differences (%.0f s)",
                     total.cells, total.answered, total.declined, total.differences, Date().timeIntervalSince(started)))
        if total.differences > 0 { throw BenchmarkFailure(message: "\(total.differences) cells differ") }
    }
}
