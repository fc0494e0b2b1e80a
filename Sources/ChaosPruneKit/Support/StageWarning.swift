import ChaosPruneFormats

/// Something a stage reproduced or worked around that the user must hear
/// about, returned as data with the stage's result; the command layer prints
/// each once, in the order the stage recorded them.
public enum StageWarning: Sendable, Equatable, CustomStringConvertible {
    /// Trailing windows that would run past the last row were dropped (the MATLAB script stops with an index error there).
    case droppedTrailingWindows(count: Int, rows: Int)
    /// Windows on which TISEAN lyap_r would never terminate, written as 0.
    case windowsWithoutNeighbour(count: Int)
    /// Legacy-script windows whose lyap_r curve had fewer than two rows, written as 0 (MATLAB's interp1 fails there).
    case shortCurvesInLegacyScript(count: Int)
    /// Legacy-script windows constant after `%f`, which took the previous window's exponent.
    case staleCurvesInLegacyScript(cells: [WindowCell])
    /// A shard whose first windows are constant: the curve they would reuse belongs to the weight before the shard.
    case staleCurveBeforeShard(firstWeight: Int)
    /// statsmodels raised for some weights; the notebook gives them p = 0.
    case grangerRaised(weights: Int, of: Int)
    /// No weight qualified and the notebook's `[-0:]` slice selected every weight.
    case selectedEveryWeight(count: Int, alpha: Double)
    /// `--stationarity` differenced one side only: every weight raises and every weight is selected.
    case stationarityLengthsDiffer(leDifferenced: Bool)
    /// Stage 4 holds every weight at zero: a mask from granger's `[-0:]` quirk, or a baseline as large as the network.
    case everyWeightMasked(count: Int, baseline: Bool)
    /// Training overflowed at this SGD step (0: the initial weights): the recording holds `inf`/`nan` from there on.
    case nonFiniteWeights(step: Int)
    /// A run folder's entry named like a file the report reads is not a regular file: the page leaves it out.
    case runFileLeftOut(path: String, kind: String)
    /// The MNIST network's weights became inf or NaN at this recorded step (a NaN in the initial checkpoint, or data infinite as float32).
    case mnistNonFiniteWeights(step: Int)
    /// Stage 1 ended with a train accuracy at or below the most common class's share, or predicting one class for every sample.
    case trainingAtChance(accuracy: Double, chance: Double, oneClass: Bool)
    /// Per-window accuracies cover only the first windows of the LE file; only those were tested.
    case firstWindowsTested(Int, of: Int)
    /// A `--shard K/N` of a recording with fewer than N weights held no weight: nothing was written.
    case emptyShard(WindowShard, totalWeights: Int)
    /// MNIST accuracies divided by batches × 128, as the authors' `get_accuracy`.
    case mnistAccuracyDenominator(train: Int, test: Int)
    /// The authors' MNIST mask code: fc4 entries ignored, index 0 also zeroing fc1[49][783].
    case mnistMaskQuirks(fc4Ignored: Int, fc1Zeroed: Bool)
    /// The authors' MNIST `metrics()`: only the first sample of each batch is scored.
    case mnistFirstSampleMetrics(train: Int, test: Int)

    /// One line for stderr (the command layer adds its prefix).
    public var description: String {
        switch self {
        case let .droppedTrailingWindows(count, rows):
            return "dropped \(count) trailing window(s) that would run past row \(rows) (the MATLAB script stops with an index error there)"
        case let .windowsWithoutNeighbour(count):
            return "\(count) window(s) on which TISEAN lyap_r would never terminate (a point with no neighbour at any radius); written as 0"
        case let .shortCurvesInLegacyScript(count):
            return "\(count) window(s) whose lyap_r curve had fewer than two rows (MATLAB's interp1 fails there); written as 0"
        case let .staleCurvesInLegacyScript(cells):
            let named = cells.prefix(8).map { "weight \($0.weight) window \($0.window)" }.joined(separator: ", ") + (cells.count > 8 ? ", …" : "")
            return "\(cells.count) window(s) constant after %f (lyap_r exits 11 and leaves its output file as it was): as the authors' window_LE.m, each took the previous window's exponent: \(named); --fix-stale writes 0 instead"
        case let .staleCurveBeforeShard(firstWeight):
            return "weight \(firstWeight) starts with windows constant after %f: in one run over all weights they would take the exponent of the weight before it, which this shard does not hold; written as 0 (merged shards differ from one run here)"
        case let .grangerRaised(weights, total):
            return "statsmodels raises for \(weights) of \(total) weights; as in the notebook they get p = 0 (causal, kept)"
        case let .selectedEveryWeight(count, alpha):
            return "no weight has p ≥ \(PythonFloatText.repr(alpha)); as the notebook's [-0:] slice does, ALL \(count) weights are selected (use --fix-empty for an empty mask)"
        case let .stationarityLengthsDiffer(leDifferenced):
            return "--stationarity differenced \(leDifferenced ? "the LE series but not the risk series" : "the risk series but not the LE series"); as in the notebook the lengths differ, every weight raises and every weight is selected"
        case let .everyWeightMasked(count, baseline):
            return (baseline ? "the baseline prunes every one of the \(count) weights" : "the mask holds every one of the \(count) weights (granger's [-0:] quirk selects all when none qualifies)")
                + "; the network is retrained with no weights"
        case let .nonFiniteWeights(step):
            return "the weights are inf or nan from SGD step \(step) on (an overflowing exp, computed literally as numpy does); le-window refuses such a recording: try a smaller --learning-rate or scaled features"
        case let .runFileLeftOut(path, kind):
            return "\(ArgumentText.printable(path)) is \(kind), not a file: the page leaves out what it would show"
        case let .mnistNonFiniteWeights(step):
            return "the weights are inf or nan from recorded step \(step) on (a NaN or inf in the initial checkpoint, or a value in the data that is infinite as float32, such as 1e39); le-window refuses such a recording"
        case let .trainingAtChance(accuracy, chance, oneClass):
            return "training ends at train accuracy \(PythonFloatText.repr(accuracy))"
                + (accuracy <= chance ? ", at or below chance (\(PythonFloatText.repr(chance)), always answering the most common class)" : "")
                + (oneClass ? (accuracy <= chance ? " and" : ",") + " predicting one class for every training sample" : "")
                + ": the network has not learned, and the windows, Granger mask and retraining of such a run mean little. Likely causes: features on very different scales (--scaling per-sample standardises each sample across its features; per-feature scales each feature), a --learning-rate too large or too small, too few --epochs, or --accuracy rounded with several classes (every rounded output must equal the one-hot target)"
        case let .firstWindowsTested(tested, windows):
            return "the accuracy file holds \(tested) per-window values for \(windows) windows: only the first \(tested) windows are tested (the authors' le[:\(tested)])"
        case let .emptyShard(shard, total):
            return "shard \(shard.index)/\(shard.count) holds no weight of the recording's \(total): nothing written (merge needs no file for it)"
        case let .mnistAccuracyDenominator(train, test):
            let round = { (count: Int) in MnistLayout.batches(count) * MnistLayout.batchSize }
            return "accuracies are 100·correct/(batches·128) as the authors' get_accuracy computes them: \(train) train samples count as \(round(train)), \(test) test samples as \(round(test)); --true-accuracy divides by the sample counts"
        case let .mnistMaskQuirks(fc4Ignored, fc1Zeroed):
            return "as the authors' pipeline2.py masks, \(fc4Ignored) fc4 index(es) of the mask(s) are ignored (fc4 is never masked)"
                + (fc1Zeroed ? " and index 0 also zeroes fc1.weight[49][783]" : "") + "; --intended-mask prunes exactly the listed weights"
        case let .mnistFirstSampleMetrics(train, test):
            return "precision, recall and F1 score only the first sample of each batch (\(train) train and \(test) test samples) as the authors' metrics() does; --true-metrics scores every sample"
        }
    }
}
