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
        let weights = setup.recipe.weightCount
        guard count >= 0, count <= weights else { throw StageError("a baseline of \(count) weights, but the network has \(weights)") }
        switch kind {
        case .magnitude:
            let trained = DenseTraining.finalParameters(setup, epochs: setup.recipe.epochs)
            let ranked = (0..<weights).sorted { a, b in
                let (x, y) = (abs(trained.values[trained.offset(ofWeight: a)]), abs(trained.values[trained.offset(ofWeight: b)]))
                return x != y ? x < y : a < b
            }
            return ranked.prefix(count).sorted()
        case .random:
            var generator = MersenneTwister(seed: seed)
            return generator.permutation(weights).prefix(count).sorted()
        }
    }
}
