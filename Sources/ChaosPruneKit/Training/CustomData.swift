import ChaosPruneFormats

/// A researcher's own data for the Helper network: a plain numeric CSV (no
/// header), one sample per row, one column holding the class.
///
/// Classes: with labels 0 and 1 only, one sigmoid output trained towards the
/// label (as the authors' binary recipes); otherwise one output per distinct
/// label (sorted), trained towards a one-hot row (as their iris recipe).
/// Rows are shuffled with numpy's `seed(seed)` shuffle, the first
/// int(split·N) train, and each set scaled as chosen.
///
/// Edge cases: at most ``maximumClasses`` distinct labels (a column of row
/// numbers or measurements named as the label column is refused before the
/// one-hot targets are built).
public enum CustomData {
    /// The most distinct labels a file may hold.
    public static let maximumClasses = 1_000

    /// How the features are scaled.
    public enum Scaling: String, Sendable, CaseIterable {
        /// Each sample standardised across its features (the authors' binary recipes).
        case perSample = "per-sample"
        /// Each feature standardised across one set's rows, each set on itself (the authors' iris recipe).
        case perFeature = "per-feature"
        /// Each sample scaled to [0, 1] across its features (the authors' diabetes recipe).
        case minMax = "min-max"
        /// As read.
        case none
    }

    /// The data of `path` with the class in `labelColumn` (1-based; nil: the last), and its class count.
    public static func load(_ path: String, labelColumn: Int?, scaling: Scaling, split: Double, seed: UInt32) throws -> (TrainingData, outputs: Int) {
        let records = try CSVRecords.read(path)
        guard let width = records.first?.fields.count, width >= 2 else {
            throw InputError(file: path, message: "expected at least two numeric columns: features and a label")
        }
        let label = (labelColumn ?? width) - 1
        guard (0..<width).contains(label) else { throw InputError(file: path, line: 1, message: "--label-column \(label + 1): the file has \(width) columns") }
        var rows: [[Double]] = []
        for record in records {
            guard record.fields.count == width else {
                throw InputError(file: path, line: record.line, message: "\(record.fields.count) fields, expected \(width) like the first row")
            }
            var row: [Double] = []
            for (column, field) in record.fields.enumerated() {
                row.append(try CSVRecords.number(field, file: path, line: record.line, column: column + 1))
            }
            guard row[label].rounded() == row[label] else {
                throw InputError(file: path, line: record.line, column: label + 1, message: "a label must be a whole number, not \(PythonFloatText.repr(row[label]))")
            }
            rows.append(row)
        }
        let classes = Array(Set(rows.map { $0[label] })).sorted()
        guard classes.count >= 2 else { throw StageError("\(path): every row has label \(PythonFloatText.repr(classes.first ?? 0)); a classifier needs two classes") }
        guard classes.count <= maximumClasses else {
            throw StageError("\(path): column \(label + 1) holds \(classes.count) distinct labels; a classifier here has at most \(maximumClasses) classes (is --label-column right?)")
        }
        let binary = classes == [0, 1]
        var generator = MersenneTwister(seed: seed)
        generator.shuffle(&rows)
        let trainCount = Int(split * Double(rows.count))
        guard trainCount >= 1, trainCount < rows.count else { throw StageError("--split \(PythonFloatText.repr(split)) leaves an empty training or test set of \(rows.count) rows") }
        let features = rows.map { row in row.enumerated().filter { $0.offset != label }.map(\.element) }
        let targets = rows.map { row in binary ? [row[label]] : classes.map { $0 == row[label] ? 1.0 : 0.0 } }
        func scaled(_ set: ArraySlice<[Double]>) -> [[Double]] {
            switch scaling {
            case .perSample: return set.map { FeatureScaling.standardise($0, summation: .sequential) }
            case .minMax: return set.map(FeatureScaling.minMax)
            case .none: return Array(set)
            case .perFeature:
                let columns = (0..<(width - 1)).map { column in FeatureScaling.standardise(set.map { $0[column] }, summation: .pairwise) }
                return (0..<set.count).map { row in columns.map { $0[row] } }
            }
        }
        let data = TrainingData(trainInputs: scaled(features[..<trainCount]), trainTargets: Array(targets[..<trainCount]),
                                testInputs: scaled(features[trainCount...]), testTargets: Array(targets[trainCount...]))
        return (data, binary ? 1 : classes.count)
    }
}
