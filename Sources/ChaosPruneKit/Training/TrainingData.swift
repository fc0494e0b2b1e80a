/// The samples of one recipe: training and test inputs (already scaled),
/// targets as the network's output vector, and the class labels the metrics use.
public struct TrainingData: Sendable {
    /// Training inputs, one row per sample, in training order.
    public var trainInputs: [[Double]]
    /// Training targets (length O).
    public var trainTargets: [[Double]]
    /// Test inputs.
    public var testInputs: [[Double]]
    /// Test targets.
    public var testTargets: [[Double]]

    /// Creates the data.
    public init(trainInputs: [[Double]], trainTargets: [[Double]], testInputs: [[Double]], testTargets: [[Double]]) {
        self.trainInputs = trainInputs
        self.trainTargets = trainTargets
        self.testInputs = testInputs
        self.testTargets = testTargets
    }
}
