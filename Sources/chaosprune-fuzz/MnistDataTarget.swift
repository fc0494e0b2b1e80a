import ChaosPruneKit

/// The MNIST data reader (`train --recipe mnist`'s `mnist.csv`): with the
/// first byte's low bit set the input follows the 785-column header, which
/// alone is near the fuzzer's input size, so the rows get exercised.
enum MnistDataTarget {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let control = input.byte()
        let body = Array(input.bytes)
        let path = ScratchFile.holding(control & 1 != 0 ? Array((MnistData.header + "\n").utf8) + body : body)
        _ = try? MnistData.read(path)
    }
}
