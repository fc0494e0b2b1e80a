import ChaosPruneFormats

/// Loads a recipe's data the way the authors' code prepares it: which
/// files, which columns, the seed-42 shuffle or permutation, the split, the
/// scaling, the targets. See the <doc:Training> article.
public enum RecipeData {
    /// The data of `recipe` from the authors' `data/` folder `folder`.
    ///
    /// - Throws: `InputError` for a missing file, a bad number, a column that
    ///   does not fit or a label outside the classes (at its line, before any
    ///   shuffle).
    public static func load(_ recipe: TrainingRecipe, from folder: String) throws -> TrainingData {
        switch recipe.name {
        case "cancer2": return try binary(path: "\(folder)/binary_cancer.csv", columns: 10, features: 0..<9)
        case "bank_note": return try binary(path: "\(folder)/binary_banknote.csv", columns: 5, features: 0..<4)
        case "iris": return try iris(path: "\(folder)/Iris.csv", features: [1, 2, 3, 4])
        case "iris3f": return try iris(path: "\(folder)/Iris.csv", features: [1, 3, 4])
        case "titanic2": return try titanic(folder: folder)
        case "diabetes": return try diabetes(path: "\(folder)/diabetes_run.csv")
        default: throw StageError("no data layout for recipe \(recipe.name)")
        }
    }

    /// `int(0.8·n)` in double, truncated.
    static func trainCount(_ rows: Int) -> Int { Int(0.8 * Double(rows)) }

    /// Numeric rows of `path` with exactly `columns` fields each, the last a 0/1 label.
    static func numericRows(_ path: String, columns: Int, skipFirst: Bool = false) throws(InputError) -> [[Double]] {
        var rows: [[Double]] = []
        for (index, record) in try CSVRecords.read(path).enumerated() where !(skipFirst && index == 0) {
            guard record.fields.count == columns else {
                throw InputError(file: path, line: record.line, message: "\(record.fields.count) fields, expected \(columns)")
            }
            var row: [Double] = []
            for (column, field) in record.fields.enumerated() {
                row.append(try CSVRecords.number(field, file: path, line: record.line, column: column + 1))
            }
            _ = try binaryLabel(row[columns - 1], file: path, line: record.line, column: columns)
            rows.append(row)
        }
        guard !rows.isEmpty else { throw InputError(file: path, message: "no rows") }
        return rows
    }

    /// A 0/1 label, or an error naming its place in the file.
    static func binaryLabel(_ value: Double, file: String, line: Int, column: Int) throws(InputError) -> Double {
        guard value == 0 || value == 1 else {
            throw InputError(file: file, line: line, column: column, message: "label \(PythonFloatText.repr(value)) is outside the classes 0 and 1")
        }
        return value
    }

    /// cancer2 and bank_note: shuffle every row, split 0.8, standardise each sample across its features.
    static func binary(path: String, columns: Int, features: Range<Int>) throws -> TrainingData {
        var rows = try numericRows(path, columns: columns)
        var generator = MersenneTwister(seed: 42)
        generator.shuffle(&rows)
        let split = trainCount(rows.count)
        let inputs = rows.map { FeatureScaling.standardise(Array($0[features]), summation: .sequential) }
        let targets = rows.map { [$0[columns - 1]] }
        return TrainingData(trainInputs: Array(inputs[..<split]), trainTargets: Array(targets[..<split]),
                            testInputs: Array(inputs[split...]), testTargets: Array(targets[split...]))
    }

    /// iris and iris3f: shuffle, first 120 / last 30, each set standardised per feature on itself (pairwise sums), one-hot species.
    static func iris(path: String, features: [Int]) throws -> TrainingData {
        var records = try CSVRecords.read(path)
        guard let header = records.first?.fields, header.count == 6 else { throw InputError(file: path, line: 1, message: "expected the header Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species") }
        records.removeFirst()
        var rows: [(values: [Double], species: String)] = []
        for record in records {
            guard record.fields.count == 6 else { throw InputError(file: path, line: record.line, message: "\(record.fields.count) fields, expected 6") }
            var values: [Double] = []
            for column in features {
                values.append(try CSVRecords.number(record.fields[column], file: path, line: record.line, column: column + 1))
            }
            rows.append((values, record.fields[5]))
        }
        guard rows.count >= 150 else { throw InputError(file: path, message: "\(rows.count) rows; the iris recipe splits 120 / 30") }
        let species = Array(Set(rows.map(\.species))).sorted()
        guard species.count == 3 else { throw StageError("\(path): \(species.count) species, expected 3") }
        var generator = MersenneTwister(seed: 42)
        generator.shuffle(&rows)
        func scaled(_ set: ArraySlice<(values: [Double], species: String)>) -> [[Double]] {
            let columns = (0..<features.count).map { feature in FeatureScaling.standardise(set.map { $0.values[feature] }, summation: .pairwise) }
            return (0..<set.count).map { row in columns.map { $0[row] } }
        }
        let targets = rows.map { row in species.map { $0 == row.species ? 1.0 : 0.0 } }
        return TrainingData(trainInputs: scaled(rows[..<120]), trainTargets: Array(targets[..<120]),
                            testInputs: scaled(rows[120..<150]), testTargets: Array(targets[120..<150]))
    }

    /// diabetes: the first line is lost to a header, shuffle, split 0.8, MinMax per sample, one-hot [outcome 1, outcome 0].
    static func diabetes(path: String) throws -> TrainingData {
        var rows = try numericRows(path, columns: 9, skipFirst: true)
        var generator = MersenneTwister(seed: 42)
        generator.shuffle(&rows)
        let split = trainCount(rows.count)
        let inputs = rows.map { FeatureScaling.minMax(Array($0[0..<8])) }
        let targets = rows.map { $0[8] == 1 ? [1.0, 0.0] : [0.0, 1.0] }
        return TrainingData(trainInputs: Array(inputs[..<split]), trainTargets: Array(targets[..<split]),
                            testInputs: Array(inputs[split...]), testTargets: Array(targets[split...]))
    }
}
