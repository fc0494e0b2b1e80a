/// Whether a trained network learned anything: its final train accuracy
/// against what always answering the training set's most common class
/// scores, and whether it predicts one class for every sample.
///
/// Edge cases: a set whose samples all share one class has chance 1, so
/// any accuracy is "at chance"; the recipes' data never are.
enum ChanceLevel {
    /// The warning for a network ending at `accuracy` with the final training-set `labels`, or nil when it beats chance with two or more predicted classes.
    static func warning(labels: [(truth: Int, predicted: Int)], accuracy: Double) -> StageWarning? {
        guard !labels.isEmpty else { return nil }
        var counts: [Int: Int] = [:]
        for pair in labels { counts[pair.truth, default: 0] += 1 }
        let chance = Double(counts.values.max() ?? 0) / Double(labels.count)
        let predicted = Set(labels.map(\.predicted))
        guard accuracy <= chance || predicted.count == 1 else { return nil }
        return .trainingAtChance(accuracy: accuracy, chance: chance, oneClass: predicted.count == 1)
    }
}
