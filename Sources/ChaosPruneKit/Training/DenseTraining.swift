/// Trains the recipe's network with no mask and no recording and returns
/// its final parameters: what the magnitude baseline ranks.
public enum DenseTraining {
    /// The parameters after `epochs` epochs of stage-1 training from the setup's initialisation.
    public static func finalParameters(_ setup: TrainingSetup, epochs: Int) -> NetworkParameters {
        switch setup.recipe.family {
        case .helper: return train(HelperNetwork.self, setup, epochs: epochs)
        case .framework: return train(FrameworkNetwork.self, setup, epochs: epochs)
        }
    }

    private static func train<Network: NetworkArithmetic>(_ network: Network.Type, _ setup: TrainingSetup, epochs: Int) -> NetworkParameters {
        let shape = setup.shape
        let samples = SampleSet(inputs: setup.data.trainInputs, targets: setup.data.trainTargets, shape: shape)
        var result = setup.initial
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: shape.scratchCount)
        defer { scratch.deallocate() }
        result.values.withUnsafeMutableBufferPointer { p in
            for _ in 0..<epochs {
                for sample in 0..<samples.count {
                    samples.step(Network.self, p.baseAddress!, shape, sample: sample, learningRate: setup.recipe.learningRate, scratch: scratch)
                }
            }
        }
        return result
    }
}
