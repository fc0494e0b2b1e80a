import SyntheticData
import Testing
import LyapunovKit

/// Threads change how a pass is scheduled, never the bits of the result.
@Suite("parallel passes")
struct ParallelPassTests {
    @Test("2 and 3 threads give the rows of one thread, over several blocks of reference points",
          arguments: [ArithmeticMode.ieee64, .x87])
    func threadsKeepBits(arithmetic: ArithmeticMode) throws {
        var random = SplitMix64(seed: 20_261_125)
        for trial in 0..<4 {
            let length = RosensteinDivergence<IEEE64Arithmetic>.blockSize * 2 + Int.random(in: 100...3000, using: &random)
            let levels = [50.0, 1e9][trial % 2]
            var value = 0.3
            let series: [Double] = (0..<length).map { _ in
                value = 3.9 * value * (1 - value)
                return (value * levels).rounded() / levels
            }
            let parameters = LyapunovParameters(
                dimension: Int.random(in: 1...4, using: &random), delay: Int.random(in: 1...3, using: &random),
                theilerWindow: Int.random(in: 0...5, using: &random), steps: Int.random(in: 0...12, using: &random))
            let serial = try LyapunovEngine.divergence(of: series, parameters: parameters, arithmetic: arithmetic, threads: 1)
            for threads in [2, 3] {
                let parallel = try LyapunovEngine.divergence(of: series, parameters: parameters, arithmetic: arithmetic, threads: threads)
                #expect(parallel.map(\.value.bitPattern) == serial.map(\.value.bitPattern), "\(parameters), \(threads) threads")
                #expect(parallel.map(\.iteration) == serial.map(\.iteration))
            }
        }
    }

    @Test("a point with no neighbour fails the same way on several threads")
    func noNeighbourAlike() {
        let length = RosensteinDivergence<IEEE64Arithmetic>.blockSize + 500
        let series = (0..<length).map { $0 == length / 2 ? 1.0 : 0.0 }
        let parameters = LyapunovParameters(dimension: 1, delay: 1, theilerWindow: 0, steps: 1)
        let serial = Result { try LyapunovEngine.divergence(of: series, parameters: parameters, threads: 1) }
        let parallel = Result { try LyapunovEngine.divergence(of: series, parameters: parameters, threads: 2) }
        #expect(String(describing: serial) == String(describing: parallel))
    }
}
