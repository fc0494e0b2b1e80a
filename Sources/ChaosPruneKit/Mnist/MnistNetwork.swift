import ChaosPruneSystem

/// One forward pass, backward pass and SGD step of the MNIST network in
/// float32, for batches of up to 128 samples, as torch computes them on the
/// CPU (spec mnist.md §1, §5, §9).
///
/// - Forward: z1 = X·W1ᵀ + b1, a1 = 1/(1+e^(−z1)); a2 likewise from a1·W2ᵀ +
///   b2; y = softmax(a2·W4ᵀ + b4) with the row maximum subtracted and the
///   sum's reciprocal multiplied in. Every matrix product in the order
///   torch's `addmm`/`mm` takes on the CPU the fixtures were made on (MKL):
///   each element starts from its bias (or 0), the depth is taken in blocks
///   of 192, each summed from 0 by fused multiply-adds in order and then added
///   (§9: this matched MKL bit for bit for depths 784, 50 and 128; sequential
///   sums and other blocks do not). The ten-value sums follow torch's vector
///   reduction.
/// - Loss: mean squared error over the B·10 entries; gy = float32(2/(10B))·(y − t).
/// - Backward: g3 = (gy − Σ gy·y)·y; dW4 = g3ᵀ·a2, db4 = Σ g3; g2 =
///   ((g3·W4)·(1 − a2))·a2; dW2 = g2ᵀ·a1; g1 = ((g2·W2)·(1 − a1))·a1;
///   dW1 = g1ᵀ·X; bias gradients summed over the batch in order.
/// - SGD: p ← p + (−lr)·g for all six tensors, from the gradients of the
///   weights before the update.
///
/// The exponential is the C library's in double, rounded to float32 (torch's
/// vectorised one is not correctly rounded: the reason the training matches
/// torch to the tolerance of §9, not bit for bit).
///
/// A workspace is used by one thread at a time.
final class MnistNetwork {
    /// The most samples a batch holds.
    static let capacity = MnistLayout.batchSize
    /// MKL's depth block.
    static let block = 192

    private let buffer: UnsafeMutablePointer<Float>
    private let w1t, w2t, w4t: UnsafeMutablePointer<Float>
    private let x, a1, a2, y, g3, g2, g1, t2, t1: UnsafeMutablePointer<Float>
    private let dW1t, dW2t, dW4t, db1, db2, db4, lanes: UnsafeMutablePointer<Float>

    init() {
        let sizes = [784 * 50, 50 * 30, 30 * 10,
                     Self.capacity * 784, Self.capacity * 50, Self.capacity * 30, Self.capacity * 10, Self.capacity * 10,
                     Self.capacity * 30, Self.capacity * 50, Self.capacity * 30, Self.capacity * 50,
                     784 * 50, 50 * 30, 30 * 10, 50, 30, 10, 16]
        buffer = .allocate(capacity: sizes.reduce(0, +))
        buffer.initialize(repeating: 0, count: sizes.reduce(0, +))
        var pointers: [UnsafeMutablePointer<Float>] = []
        var offset = 0
        for size in sizes {
            pointers.append(buffer + offset)
            offset += size
        }
        (w1t, w2t, w4t) = (pointers[0], pointers[1], pointers[2])
        (x, a1, a2, y, g3, g2, g1, t2, t1) = (pointers[3], pointers[4], pointers[5], pointers[6], pointers[7], pointers[8],
                                              pointers[9], pointers[10], pointers[11])
        (dW1t, dW2t, dW4t, db1, db2, db4) = (pointers[12], pointers[13], pointers[14], pointers[15], pointers[16], pointers[17])
        lanes = pointers[18]
    }

    deinit { buffer.deallocate() }

    private static let fc1 = MnistLayout.layers[0], fc2 = MnistLayout.layers[1], fc4 = MnistLayout.layers[2]

    /// Takes the weights of `parameters` (state_dict order) for the next passes.
    func load(_ parameters: UnsafePointer<Float>) {
        for (layer, target) in [(Self.fc1, w1t), (Self.fc2, w2t), (Self.fc4, w4t)] {
            let weight = parameters + layer.weight
            for o in 0..<layer.outputs {
                for i in 0..<layer.inputs { target[i * layer.outputs + o] = weight[o * layer.inputs + i] }
            }
        }
    }

    /// Copies the pixels of `samples` into the batch.
    func gather(_ data: MnistData, samples: some Collection<Int>) {
        data.pixels.withUnsafeBufferPointer { pixels in
            for (row, sample) in samples.enumerated() {
                (x + row * 784).update(from: pixels.baseAddress! + sample * 784, count: 784)
            }
        }
    }

    /// The forward pass of the gathered batch with the loaded weights.
    func forward(rows: Int, parameters: UnsafePointer<Float>) {
        forward(UnsafePointer(x), rows: rows, parameters: parameters)
    }

    /// The forward pass of `rows` samples of 784 pixels at `pixels` with the loaded weights.
    func forward(_ pixels: UnsafePointer<Float>, rows: Int, parameters: UnsafePointer<Float>) {
        BlockedFMAProduct.multiply(rows: rows, depth: 784, width: 50, block: Self.block, a: pixels, rowStride: 784, depthStride: 1, b: w1t,
                                initial: parameters + Self.fc1.bias, into: a1)
        Self.sigmoid(a1, count: rows * 50)
        BlockedFMAProduct.multiply(rows: rows, depth: 50, width: 30, block: Self.block, a: a1, rowStride: 50, depthStride: 1, b: w2t,
                                initial: parameters + Self.fc2.bias, into: a2)
        Self.sigmoid(a2, count: rows * 30)
        BlockedFMAProduct.multiply(rows: rows, depth: 30, width: 10, block: Self.block, a: a2, rowStride: 30, depthStride: 1, b: w4t,
                                initial: parameters + Self.fc4.bias, into: y)
        for row in 0..<rows { softmax(y + row * 10) }
    }

    /// The predicted class of each row of the last forward pass: the first maximum of y.
    func prediction(row: Int) -> Int {
        let output = y + row * 10
        var best = 0
        for j in 1..<10 where output[j] > output[best] { best = j }
        return best
    }

    /// One SGD step on the gathered batch of `labels`: forward, backward, update of `parameters` in place.
    func step(labels: some Collection<UInt8>, parameters: UnsafeMutablePointer<Float>, learningRate: Float) {
        let rows = labels.count
        load(parameters)
        forward(rows: rows, parameters: parameters)
        let scale = Float(2 / Double(10 * rows))
        for (row, label) in labels.enumerated() {
            let output = y + row * 10, gradient = g3 + row * 10
            for j in 0..<10 { gradient[j] = scale * (output[j] - (j == Int(label) ? 1 : 0)) }
            for j in 0..<10 { lanes[j] = gradient[j] * output[j] }
            let dot = Self.sum10(lanes)
            for j in 0..<10 { gradient[j] = (gradient[j] - dot) * output[j] }
        }
        BlockedFMAProduct.multiply(rows: 30, depth: rows, width: 10, block: Self.block, a: a2, rowStride: 1, depthStride: 30, b: g3,
                                initial: nil, into: dW4t)
        Self.columnSums(g3, rows: rows, width: 10, into: db4)
        BlockedFMAProduct.multiply(rows: rows, depth: 10, width: 30, block: Self.block, a: g3, rowStride: 10, depthStride: 1,
                                b: parameters + Self.fc4.weight, initial: nil, into: t2)
        Self.sigmoidBackward(t2, output: a2, into: g2, count: rows * 30)
        BlockedFMAProduct.multiply(rows: 50, depth: rows, width: 30, block: Self.block, a: a1, rowStride: 1, depthStride: 50, b: g2,
                                initial: nil, into: dW2t)
        Self.columnSums(g2, rows: rows, width: 30, into: db2)
        BlockedFMAProduct.multiply(rows: rows, depth: 30, width: 50, block: Self.block, a: g2, rowStride: 30, depthStride: 1,
                                b: parameters + Self.fc2.weight, initial: nil, into: t1)
        Self.sigmoidBackward(t1, output: a1, into: g1, count: rows * 50)
        BlockedFMAProduct.multiply(rows: 784, depth: rows, width: 50, block: Self.block, a: x, rowStride: 1, depthStride: 784, b: g1,
                                initial: nil, into: dW1t)
        Self.columnSums(g1, rows: rows, width: 50, into: db1)
        let rate = -learningRate
        for (layer, gradient, bias) in [(Self.fc1, dW1t, db1), (Self.fc2, dW2t, db2), (Self.fc4, dW4t, db4)] {
            let weight = parameters + layer.weight
            for o in 0..<layer.outputs {
                for i in 0..<layer.inputs { weight[o * layer.inputs + i] += rate * gradient[i * layer.outputs + o] }
                parameters[layer.bias + o] += rate * bias[o]
            }
        }
    }

    /// a ← 1/(1 + e^(−a)) in place.
    private static func sigmoid(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count { values[index] = 1 / (1 + Float(CMath.exp(Double(-values[index])))) }
    }

    /// g = (t·(1 − a))·a, torch's sigmoid backward.
    private static func sigmoidBackward(_ t: UnsafePointer<Float>, output a: UnsafePointer<Float>, into g: UnsafeMutablePointer<Float>,
                                        count: Int) {
        for index in 0..<count { g[index] = (t[index] * (1 - a[index])) * a[index] }
    }

    /// Softmax of ten values in place: maximum subtracted, exponentials, their
    /// sum's reciprocal multiplied in.
    private func softmax(_ row: UnsafeMutablePointer<Float>) {
        var maximum = row[0]
        for j in 1..<10 where row[j] > maximum { maximum = row[j] }
        for j in 0..<10 { lanes[j] = Float(CMath.exp(Double(row[j] - maximum))) }
        let reciprocal = 1 / Self.sum10(lanes)
        for j in 0..<10 { row[j] = lanes[j] * reciprocal }
    }

    /// The sum of ten values in the order of torch's vector `reduce_all`:
    /// lanes i and i+8, then i and i+4, i and i+2, and the last two lanes.
    static func sum10(_ v: UnsafePointer<Float>) -> Float {
        let lane0 = ((v[0] + v[8]) + v[4]) + (v[2] + v[6])
        let lane1 = ((v[1] + v[9]) + v[5]) + (v[3] + v[7])
        return lane0 + lane1
    }

    /// Column sums of a rows × width matrix, rows in order.
    private static func columnSums(_ values: UnsafePointer<Float>, rows: Int, width: Int, into sums: UnsafeMutablePointer<Float>) {
        sums.update(repeating: 0, count: width)
        for row in 0..<rows {
            for j in 0..<width { sums[j] += values[row * width + j] }
        }
    }
}
