import ChaosPruneFormats

/// The authors' training set-ups: network sizes, learning rate, epochs,
/// benchmark, and which of their two code families trains it.
///
/// Mirrors `Testing.ipynb` (`Helper.py`: cancer2, titanic2, bank_note, iris,
/// iris3f) and the framework notebooks (`CHAOS-main`: diabetes). See the
/// <doc:Training> article.
public struct TrainingRecipe: Sendable, Equatable {
    /// The two code families, which differ in almost everything.
    public enum Family: String, Sendable {
        /// `Helper.py`: sigmoid outputs, squared error, re-zeroing after every update.
        case helper
        /// `CHAOS-main`'s framework: softmax outputs, masks applied before each forward pass.
        case framework
    }

    /// The recipe's name (`bank_note`).
    public var name: String
    /// Which code family trains it.
    public var family: Family
    /// Inputs, hidden units, outputs.
    public var inputs: Int, hidden: Int, outputs: Int
    /// The SGD learning rate.
    public var learningRate: Double
    /// Stage-1 epochs (the notebook's num_iterations; 50 for diabetes).
    public var epochs: Int
    /// The train accuracy the notebook waits for; nil for diabetes.
    public var benchmark: Double?
    /// Stage-4 epochs (num_iterations + 50; 50 for diabetes).
    public var retrainEpochs: Int
    /// How accuracies count a sample correct: rounded for the Helper family, argmax for the framework.
    public var accuracy: AccuracyRule

    /// Creates a recipe (the authors' are in `all`; `--data` makes one for a researcher's own file).
    public init(name: String, family: Family, inputs: Int, hidden: Int, outputs: Int, learningRate: Double, epochs: Int,
                benchmark: Double?, retrainEpochs: Int, accuracy: AccuracyRule? = nil) {
        self.name = name
        self.family = family
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
        self.learningRate = learningRate
        self.epochs = epochs
        self.benchmark = benchmark
        self.retrainEpochs = retrainEpochs
        self.accuracy = accuracy ?? (family == .helper ? .rounded : .argmax)
    }

    /// Weights of W1 and W2 (biases excluded): the columns of the weights CSV.
    public var weightCount: Int { hidden * inputs + outputs * hidden }

    /// The authors' recipes.
    public static let all: [TrainingRecipe] = [
        TrainingRecipe(name: "cancer2", family: .helper, inputs: 9, hidden: 6, outputs: 1, learningRate: 0.01, epochs: 50,
                       benchmark: 0.9, retrainEpochs: 100),
        TrainingRecipe(name: "titanic2", family: .helper, inputs: 6, hidden: 8, outputs: 1, learningRate: 0.1, epochs: 50,
                       benchmark: 0.74, retrainEpochs: 100),
        TrainingRecipe(name: "bank_note", family: .helper, inputs: 4, hidden: 8, outputs: 1, learningRate: 0.5, epochs: 100,
                       benchmark: 0.91, retrainEpochs: 150),
        TrainingRecipe(name: "iris", family: .helper, inputs: 4, hidden: 6, outputs: 3, learningRate: 0.05, epochs: 200,
                       benchmark: 0.95, retrainEpochs: 250),
        TrainingRecipe(name: "iris3f", family: .helper, inputs: 3, hidden: 6, outputs: 3, learningRate: 0.05, epochs: 200,
                       benchmark: 0.95, retrainEpochs: 250),
        TrainingRecipe(name: "diabetes", family: .framework, inputs: 8, hidden: 5, outputs: 2, learningRate: 0.2, epochs: 50,
                       benchmark: nil, retrainEpochs: 50),
    ]

    /// The recipe called `name`, or an error saying which exist (and why `vowel` is not one); `mnist`, the
    /// authors' PyTorch network, is not one of these (see ``MnistRecording``) and is handled before.
    public static func named(_ name: String) throws(StageError) -> TrainingRecipe {
        if let recipe = all.first(where: { $0.name == name }) { return recipe }
        if name == "vowel" {
            throw StageError("recipe vowel is broken in the authors' Helper path (its labels stay 1–6, so accuracy is 0 in every epoch) and is not offered")
        }
        throw StageError("unknown recipe '\(ArgumentText.printable(name))' (one of \(all.map(\.name).joined(separator: ", ")), or mnist)")
    }
}
