/// The accuracy of the authors' `get_accuracy`: 100·correct / (batches·128)
/// — batches × 128, not the sample count, in the committed
/// `torch_custom.py` — or the true percentage.
///
/// Mirrors Python's `100 * correct / total`: the integer product first, one
/// division in double.
public enum MnistAccuracy {
    /// The percentage of `correct` out of `samples` samples in `batches` batches.
    public static func percent(correct: Int, samples: Int, trueDenominator: Bool) -> Double {
        Double(100 * correct) / Double(trueDenominator ? samples : MnistLayout.batches(samples) * MnistLayout.batchSize)
    }

    /// The 0-based SGD steps after whose update the stage-1 script appends a
    /// line to both window-accuracy files: 50, 95, …, 1130, one per LE window
    /// of 50 rows with stride 45 (window i covers rows 45i … 45i+49).
    public static let windowEndSteps = (0..<25).map { 45 * ($0 + 1) + 5 }
}
