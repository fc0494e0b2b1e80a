/// How a sample counts as correctly classified when accuracies are recorded.
///
/// The authors' Helper networks count a sample correct only when every
/// sigmoid output, rounded (floor(a + ½)), equals its target — for several
/// classes the whole one-hot row must come out, so a sample whose largest
/// output is right but below ½, or with a second output above ½, counts as
/// wrong. Macro F1 and the predicted classes always use the largest output
/// (argmax), so with the rounded rule accuracy and F1 can disagree.
///
/// Edge cases: with one output (binary data) both rules are the same
/// decision, a ≥ ½; the framework recipe (diabetes) counts argmax only.
public enum AccuracyRule: String, Sendable, CaseIterable {
    /// Every rounded output equals its target (the authors' Helper rule).
    case rounded
    /// The largest output is the target's class.
    case argmax
}
