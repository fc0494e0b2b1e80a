/// The two baselines the paper compares LEGCNet with, which the authors'
/// repository has no code for, defined here:
///
/// - **magnitude**: the N weights of W1 and W2 with the smallest |w| in the
///   dense network at the end of its stage-1 training (the recipe's epochs
///   from the same initialisation), ties by ascending index;
/// - **random**: N weights drawn uniformly without replacement: the first N
///   of numpy's `permutation(weights)` after `seed(s)`.
///
/// Both are then retrained from the same initial weights as every other run.
public enum BaselineMask {
    /// The two kinds.
    public enum Kind: String, Sendable, CaseIterable {
        /// The smallest trained magnitudes.
        case magnitude
        /// A uniform sample.
        case random
    }

    /// The 0-based indices (ascending) of the baseline mask of `count` weights.
    public static func indices(_ kind: Kind, count: Int, setup: TrainingSetup, seed: UInt32) throws(StageError) -> [Int] {
        try indices(kind, count: count, weights: setup.recipe.weightCount, seed: seed) { trainedWeights(setup) }
    }

    /// The weights (W1 then W2) after dense stage-1 training: the recipe's epochs from the setup's initialisation.
    public static func trainedWeights(_ setup: TrainingSetup) -> [Double] {
        let trained = DenseTraining.finalParameters(setup, epochs: setup.recipe.epochs)
        return (0..<setup.recipe.weightCount).map { trained.values[trained.offset(ofWeight: $0)] }
    }

    /// The 0-based indices (ascending) of the baseline mask of `count` of
    /// `weights` weights; `trained` gives the weights after dense stage-1
    /// training, called for the magnitude baseline only.
    public static func indices(_ kind: Kind, count: Int, weights: Int, seed: UInt32,
                               trained: () -> [Double]) throws(StageError) -> [Int] {
        guard count >= 0, count <= weights else { throw StageError("a baseline of \(count) weights, but the network has \(weights)") }
        switch kind {
        case .magnitude:
            let values = trained()
            let ranked = (0..<weights).sorted { a, b in
                let (x, y) = (abs(values[a]), abs(values[b]))
                return x != y ? x < y : a < b
            }
            return ranked.prefix(count).sorted()
        case .random:
            var generator = MersenneTwister(seed: seed)
            return generator.permutation(weights).prefix(count).sorted()
        }
    }
}
