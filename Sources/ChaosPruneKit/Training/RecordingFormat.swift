/// How `train` writes the weights recording: the authors' CSV text, or a
/// 2-D `.npy` (steps × weights) streamed as it is recorded — float64 for the
/// numpy recipes (their exact values), float32 for MNIST (the network's own
/// type). `le-window` and `pipeline` read either and write the same bytes.
public enum RecordingFormat: String, Sendable, CaseIterable {
    /// CSV text as the authors' recorder writes it.
    case csv
    /// `.npy`, C order, streamed.
    case npy
}
