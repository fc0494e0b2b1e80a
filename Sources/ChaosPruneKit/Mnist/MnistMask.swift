/// Which parameters a stage-4 MNIST mask holds at zero. A mask lists
/// indices m into the 1,800 analysed weights (fc2 row-major, then fc4).
///
/// - Intended: m < 1,500 is fc2.weight flat m; otherwise fc4.weight flat m − 1,500.
/// - The authors' (`pipeline2.py`, the default): each value gets +39,200 and
///   the per-layer loop's limits are wrong, so fc2 entries are zeroed as
///   intended, **fc4 entries are ignored**, and **m = 0 also zeroes
///   fc1.weight[49][783]** (flat 39,199).
public struct MnistMask: Sendable, Equatable {
    /// Parameter offsets (state_dict order) held at zero, ascending.
    public var zeroed: [Int]
    /// Listed fc4 indices the authors' code ignores (0 for the intended semantics).
    public var ignoredFC4: Int
    /// Whether fc1.weight[49][783] is zeroed by the authors' index-0 quirk.
    public var zeroesFC1: Bool

    /// The mask of `indices` (each 0 ..< 1,800).
    public init(indices: [Int], intended: Bool) {
        let fc1 = MnistLayout.layers[0], fc2 = MnistLayout.layers[1], fc4 = MnistLayout.layers[2]
        let fc2Count = fc2.inputs * fc2.outputs
        var zeroed = Swift.Set<Int>()
        var ignored = 0
        var zeroesFC1 = false
        for m in Swift.Set(indices) {
            if m < fc2Count {
                zeroed.insert(fc2.weight + m)
            } else if intended {
                zeroed.insert(fc4.weight + m - fc2Count)
            } else {
                ignored += 1
            }
            if !intended, m == 0 {
                zeroed.insert(fc1.weight + fc1.inputs * fc1.outputs - 1)
                zeroesFC1 = true
            }
        }
        self.zeroed = zeroed.sorted()
        ignoredFC4 = ignored
        self.zeroesFC1 = zeroesFC1
    }

    /// `weight *= mask` for the zeroed entries (a negative weight becomes −0.0, as torch's product).
    public func apply(to parameters: inout [Float]) {
        for offset in zeroed { parameters[offset] *= 0 }
    }
}
