import Testing
import ChaosPruneFormats

/// `WindowPlan`: the one place window rows, steps and counts are computed.
@Suite("window plan")
struct WindowPlanTests {
    @Test("step W·(1 − o), windows step·i + 1 … step·i + W, complete windows and dropped ones", arguments: [
        (50, 0.1, 45, 4389, 97, 0), (50, 0.1, 45, 4801, 106, 0), (200, 0.1, 180, 4801, 26, 0), (50, 0.1, 45, 95, 2, 0),
        (50, 0.1, 45, 94, 1, 1), (50, 0.0, 50, 120, 2, 0), (200, 0.1, 180, 199, 0, 1),
    ])
    func counts(_ window: Int, _ overlap: Double, _ step: Int, _ rows: Int, _ windows: Int, _ dropped: Int) throws {
        let plan = try WindowPlan(window: window, overlap: overlap)
        #expect(plan.step == step)
        #expect(plan.windowCount(rows: rows) == windows)
        #expect(plan.droppedWindows(rows: rows) == dropped)
        #expect(plan.windowCount(rows: rows) + plan.droppedWindows(rows: rows) == rows / step)
        if windows > 0 { #expect(plan.firstRow(ofWindow: windows - 1) + window <= rows) }
        #expect(plan.rowsSpanned(byWindows: windows) <= rows)
    }

    @Test("the Granger notebook's accuracy row int(W(1−o)(i+1) + W·o), in double")
    func accuracyRows() throws {
        #expect(WindowPlan.standard.accuracyEndRow(ofWindow: 0) == 50)
        #expect(WindowPlan.standard.accuracyEndRow(ofWindow: 96) == 4370)
        let legacy = try WindowPlan(window: 200, overlap: 0.1)
        #expect(legacy.accuracyEndRow(ofWindow: 0) == 200)
        #expect(legacy.accuracyEndRow(ofWindow: 25) == 4700)
        for index in 0..<500 {
            #expect(WindowPlan.standard.accuracyEndRow(ofWindow: index) == WindowPlan.standard.firstRow(ofWindow: index) + 50)
        }
    }

    @Test("plans that do not exist are refused with the reason", arguments: [
        (1, 0.1, "the window must be at least 2 rows, not 1"),
        (50, 0.13, "window 50 × (1 − overlap 0.13) = 43.5 must be a whole number of rows ≥ 1"),
        (50, 1.0, "the overlap must be a number with 0 ≤ overlap < 1, not 1.0"),
        (50, -0.1, "the overlap must be a number with 0 ≤ overlap < 1, not -0.1"),
        (50, Double.nan, "the overlap must be a number with 0 ≤ overlap < 1, not nan"),
        (2, 0.9, "window 2 × (1 − overlap 0.9) = 0.19999999999999996 must be a whole number of rows ≥ 1"),
    ])
    func refusals(_ window: Int, _ overlap: Double, _ message: String) {
        #expect(throws: WindowPlan.Invalid(message)) { try WindowPlan(window: window, overlap: overlap) }
    }

    @Test("the standard plan is the pipeline's: window 50, overlap 0.1, step 45")
    func standard() throws {
        #expect(WindowPlan.standard == (try WindowPlan(window: 50, overlap: 0.1)))
    }
}
