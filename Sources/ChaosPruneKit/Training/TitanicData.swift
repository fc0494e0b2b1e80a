import ChaosPruneFormats

/// The titanic2 recipe's data: Pclass, Sex, SibSp, Parch, Fare, Embarked.
///
/// Mirrors `Testing.ipynb`: Sex male → 1, female → 0; Embarked S → 0, C → 1,
/// Q → 2, an empty one taking the file's most frequent code (ties → smallest);
/// an empty Fare taking the file's most frequent Fare (ties → smallest);
/// training rows reordered by `permutation(891)` (seed 42), test rows in file
/// order with labels from `titanic_testy.csv` joined by position; every
/// sample standardised across its six features.
extension RecipeData {
    static func titanic(folder: String) throws -> TrainingData {
        let train = try titanicRows("\(folder)/titanic_train.csv", labelled: true)
        let test = try titanicRows("\(folder)/titanic_test.csv", labelled: false)
        let labelPath = "\(folder)/titanic_testy.csv"
        let labelRecords = try CSVRecords.read(labelPath).dropFirst()
        guard labelRecords.count == test.inputs.count else {
            throw InputError(file: labelPath, message: "\(labelRecords.count) labels for \(test.inputs.count) test passengers (they are joined by position)")
        }
        let testLabels = try labelRecords.map { record throws -> [Double] in
            guard record.fields.count >= 2 else { throw InputError(file: labelPath, line: record.line, message: "expected PassengerId,Survived") }
            let value = try CSVRecords.number(record.fields[1], file: labelPath, line: record.line, column: 2)
            return [try binaryLabel(value, file: labelPath, line: record.line, column: 2)]
        }
        var generator = MersenneTwister(seed: 42)
        let order = generator.permutation(train.inputs.count)
        return TrainingData(trainInputs: order.map { train.inputs[$0] }, trainTargets: order.map { train.labels[$0] },
                            testInputs: test.inputs, testTargets: testLabels)
    }

    /// One titanic file's scaled features (and labels, for the training file).
    private static func titanicRows(_ path: String, labelled: Bool) throws -> (inputs: [[Double]], labels: [[Double]]) {
        let records = try CSVRecords.read(path)
        guard let header = records.first?.fields else { throw InputError(file: path, message: "no header") }
        func column(_ name: String) throws(InputError) -> Int {
            guard let index = header.firstIndex(of: name) else { throw InputError(file: path, line: 1, message: "no column '\(name)' in the header") }
            return index
        }
        let names = ["Pclass", "Sex", "SibSp", "Parch", "Fare", "Embarked"]
        let columns = try names.map { (name) throws(InputError) in try column(name) }
        let survived = labelled ? try column("Survived") : nil
        let body = Array(records.dropFirst())
        for record in body where record.fields.count != header.count {
            throw InputError(file: path, line: record.line, message: "\(record.fields.count) fields, expected \(header.count) like the header")
        }
        let codes = ["S": 0.0, "C": 1.0, "Q": 2.0]
        let embarked = try body.map { record throws -> Double? in
            let text = record.fields[columns[5]]
            if text.isEmpty { return nil }
            guard let code = codes[text] else { throw InputError(file: path, line: record.line, column: columns[5] + 1, message: "Embarked '\(ArgumentText.printable(text))' is not S, C or Q") }
            return code
        }
        let fares = try body.map { record throws -> Double? in
            record.fields[columns[4]].isEmpty ? nil
                : try CSVRecords.number(record.fields[columns[4]], file: path, line: record.line, column: columns[4] + 1)
        }
        let embarkedFill = mostFrequent(embarked.compactMap { $0 })
        let fareFill = mostFrequent(fares.compactMap { $0 })
        var inputs: [[Double]] = []
        var labels: [[Double]] = []
        for (index, record) in body.enumerated() {
            let sex: Double
            switch record.fields[columns[1]] {
            case "male": sex = 1
            case "female": sex = 0
            default: throw InputError(file: path, line: record.line, column: columns[1] + 1, message: "Sex '\(ArgumentText.printable(record.fields[columns[1]]))' is not male or female")
            }
            var features = [try CSVRecords.number(record.fields[columns[0]], file: path, line: record.line, column: columns[0] + 1), sex]
            for position in [2, 3] {
                features.append(try CSVRecords.number(record.fields[columns[position]], file: path, line: record.line, column: columns[position] + 1))
            }
            guard let fare = fares[index] ?? fareFill, let port = embarked[index] ?? embarkedFill else {
                throw InputError(file: path, line: record.line, message: "an empty Fare or Embarked, and no other row to take the most frequent value from")
            }
            features += [fare, port]
            inputs.append(FeatureScaling.standardise(features, summation: .sequential))
            if let survived {
                let value = try CSVRecords.number(record.fields[survived], file: path, line: record.line, column: survived + 1)
                labels.append([try binaryLabel(value, file: path, line: record.line, column: survived + 1)])
            }
        }
        return (inputs, labels)
    }

    /// The most frequent value (ties → the smallest), nil for none.
    static func mostFrequent(_ values: [Double]) -> Double? {
        var counts: [Double: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
