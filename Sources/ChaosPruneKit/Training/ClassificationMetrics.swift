/// Macro-averaged precision, recall and F1 as scikit-learn's
/// `precision_recall_fscore_support(average='macro')` computes them (1.7.2).
///
/// Over the sorted labels L that occur in the truth or the predictions:
/// P = tp/p (0 when p = 0), R = tp/t (0 when t = 0), F = (2·tp)/(t + p)
/// (0 when t + p = 0, the ≥ 1.3 form), each averaged as numpy's mean: the
/// per-label values summed pairwise (``PairwiseSum``, left to right below
/// eight labels) over |L|.
public struct ClassificationMetrics: Sendable, Equatable {
    /// Macro precision, recall and F1.
    public var precision: Double, recall: Double, f1: Double

    /// The metrics of `pairs` (true class, predicted class).
    public init(_ pairs: [(truth: Int, predicted: Int)]) {
        let labels = Set(pairs.map(\.truth) + pairs.map(\.predicted)).sorted()
        var precisions: [Double] = [], recalls: [Double] = [], scores: [Double] = []
        for label in labels {
            var truePositives = 0, actual = 0, predicted = 0
            for pair in pairs {
                if pair.truth == label { actual += 1 }
                if pair.predicted == label { predicted += 1 }
                if pair.truth == label, pair.predicted == label { truePositives += 1 }
            }
            let tp = Double(truePositives)
            precisions.append(predicted == 0 ? 0 : tp / Double(predicted))
            recalls.append(actual == 0 ? 0 : tp / Double(actual))
            scores.append(actual + predicted == 0 ? 0 : (2.0 * tp) / (1.0 * Double(actual) + Double(predicted)))
        }
        let count = Double(max(labels.count, 1))
        precision = PairwiseSum.sum(precisions[...]) / count
        recall = PairwiseSum.sum(recalls[...]) / count
        f1 = PairwiseSum.sum(scores[...]) / count
    }
}
