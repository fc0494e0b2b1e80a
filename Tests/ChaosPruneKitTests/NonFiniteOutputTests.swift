import ChaosPruneKit
import Testing

/// A network whose outputs are NaN is scored as the authors' code scores it, never trapped on.
@Suite("non-finite network outputs")
struct NonFiniteOutputTests {
    @Test("argmax as numpy's: the first maximum, and the first NaN when there is one", arguments: [
        ([0.5, 0.9, 0.9], 1), ([Double.nan, 0.9, 0.1], 0), ([0.5, .nan, .nan], 1), ([0.5, 0.9, .nan], 2),
        ([-Double.infinity, .infinity, 0], 1), ([2, 1], 0),
    ] as [([Double], Int)])
    func argmaxOfNumpy(values: [Double], index: Int) {
        #expect(values.withUnsafeBufferPointer { argmax($0.baseAddress!, values.count) } == index)
    }

    @Test("a single output predicts floor(a + 0.5), and 'no class' (−1) when it is not finite", arguments: [
        (0.49, 0), (0.5, 1), (0.0, 0), (1.0, 1), (Double.nan, -1), (Double.infinity, -1), (-Double.infinity, -1), (1e300, -1),
    ])
    func roundedLabels(output: Double, label: Int) {
        #expect(roundedLabel(output) == label)
    }
}
