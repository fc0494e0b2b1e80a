import ChaosPruneFormats

/// The misclassification risk series the notebook tests LE series against.
///
/// Mirrors: per-step accuracies (one row per recorded step, first column the
/// test accuracy as a fraction): for window i, r = `WindowPlan.accuracyEndRow`
/// and risk = 1 − acc[r−1][0];
/// per-window accuracies (one value per line, percent): risk = 1 − acc[i]/100.
public enum MisclassificationRisk {
    /// The two accuracy layouts.
    public enum Layout: String, Sendable, CaseIterable {
        /// One row per training step, aligned with the weights CSV (test, train fractions).
        case perStep = "per-step"
        /// One value per window, in percent.
        case perWindow = "per-window"
    }

    /// The risk for `windows` windows from `accuracy` (rows of numbers), or a message
    /// saying which window needs a row the file does not have.
    public static func series(windows: Int, accuracy: [[Double]], layout: Layout, plan: WindowPlan) -> Result<[Double], MisalignedAccuracy> {
        var risk: [Double] = []
        risk.reserveCapacity(windows)
        for i in 0..<windows {
            switch layout {
            case .perStep:
                let row = plan.accuracyEndRow(ofWindow: i)
                guard row >= 1, row <= accuracy.count else {
                    return .failure(MisalignedAccuracy(window: i, row: row, rows: accuracy.count))
                }
                risk.append(1 - accuracy[row - 1][0])
            case .perWindow:
                guard i < accuracy.count else { return .failure(MisalignedAccuracy(window: i, row: i + 1, rows: accuracy.count)) }
                risk.append(1 - accuracy[i][0] / 100)
            }
        }
        return .success(risk)
    }

    /// Window i needs accuracy row `row`, but the file has `rows` rows.
    public struct MisalignedAccuracy: Error, Equatable {
        /// The 0-based window.
        public var window: Int
        /// The 1-based row it needs.
        public var row: Int
        /// Rows in the accuracy file.
        public var rows: Int

        /// Window `window` needs row `row` of a file of `rows` rows.
        package init(window: Int, row: Int, rows: Int) {
            self.window = window
            self.row = row
            self.rows = rows
        }
    }
}
