import ChaosPruneFormats

/// Everything a training run starts from: the recipe, its data, and the
/// initial parameters of one trial.
public struct TrainingSetup: Sendable {
    /// The recipe.
    public var recipe: TrainingRecipe
    /// Scaled samples and targets.
    public var data: TrainingData
    /// W1, b1, W2, b2 of the trial's initialisation.
    public var initial: NetworkParameters

    /// The network's sizes.
    public var shape: NetworkShape { NetworkShape(inputs: recipe.inputs, hidden: recipe.hidden, outputs: recipe.outputs) }

    /// Creates a setup; the data's widths must fit the recipe.
    public init(recipe: TrainingRecipe, data: TrainingData, initial: NetworkParameters) throws(StageError) {
        guard data.trainInputs.allSatisfy({ $0.count == recipe.inputs }), data.testInputs.allSatisfy({ $0.count == recipe.inputs }),
              data.trainTargets.allSatisfy({ $0.count == recipe.outputs }), data.testTargets.allSatisfy({ $0.count == recipe.outputs }) else {
            throw StageError("the data does not fit the \(recipe.inputs)-\(recipe.hidden)-\(recipe.outputs) network of recipe \(recipe.name)")
        }
        guard !data.trainInputs.isEmpty, !data.testInputs.isEmpty else { throw StageError("recipe \(recipe.name): an empty training or test set") }
        guard recipe.family == .helper || recipe.accuracy == .argmax else {
            throw StageError("recipe \(recipe.name) counts argmax accuracy (its framework's softmax rule); the rounded rule is the Helper networks'")
        }
        self.recipe = recipe
        self.data = data
        self.initial = initial
    }

    /// The initialisation of `trial` from an authors' `.npy` file: row trial−1 of a
    /// 10×4 object array (Helper recipes) or the length-4 array itself (diabetes).
    public static func initialisation(_ path: String, trial: Int, recipe: TrainingRecipe) throws -> NetworkParameters {
        let object = try PickledArrayReader.read(path)
        let arrays: [PickledArrayReader.FloatArray]
        switch object.shape.count {
        case 1 where object.shape[0] == 4:
            arrays = object.items
        case 2 where object.shape[1] == 4:
            guard trial >= 1, trial <= object.shape[0] else {
                throw StageError("\(path): trial \(trial) is not in the file, which holds trials 1…\(object.shape[0])")
            }
            arrays = Array(object.items[(4 * (trial - 1))..<(4 * trial)])
        default:
            throw StageError("\(path): an object array of shape \(object.shape); expected (4,) or (trials, 4) of W1, b1, W2, b2")
        }
        return try NetworkParameters(inputs: recipe.inputs, hidden: recipe.hidden, outputs: recipe.outputs, arrays: arrays, name: path)
    }
}
