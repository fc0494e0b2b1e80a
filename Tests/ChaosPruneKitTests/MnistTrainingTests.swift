import ChaosPruneFormats
@testable import ChaosPruneKit
import Foundation
import Testing
import TestSupport

/// The MNIST path against torch 2.15's outputs in `Tests/Fixtures/mnist` (spec mnist.md §9's acceptance rule).
@Suite struct MnistTrainingTests {
    static let fixtures = MnistFixtures.folder

    static func flat(_ name: String) throws -> [Float] {
        let array = try NumpyArrayReader.read(fixtures.appendingPathComponent(name).path)
        return (0..<array.rowCount).flatMap { row in (0..<array.columnCount).map { Float(array.value(row, $0)) } }
    }

    @Test func defaultInitialisationEqualsTheAuthorsCheckpointsBitForBit() throws {
        for seed in 1...3 {
            let native = MnistInitialisation.defaults(seed: UInt32(seed)).parameters
            let expected = try Self.flat("init/model_\(seed)_flat_f32.npy")
            #expect(native.map(\.bitPattern) == expected.map(\.bitPattern), "seed \(seed)")
            let checkpoint = try TorchCheckpoint.read(Self.fixtures.appendingPathComponent("init/model_\(seed).pth").path)
            #expect(try MnistInitialisation.parameters(of: checkpoint, file: "model").map(\.bitPattern) == native.map(\.bitPattern))
        }
        let seedOne = MnistInitialisation.defaults(seed: 1).parameters
        #expect(seedOne[0] == Float("0.018402258")!)
        #expect(seedOne[41_089] == Float("-0.078278534")!)
    }

    @Test func generatorOutputsAndTrainingPermutationsAreTorchs() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("rng_seed1.json"))) as! [String: Any]
        var generator = TorchGenerator(seed: 1)
        #expect((0..<5).map { _ in Int(generator.next32()) } == json["mt19937_seed1_first5_u32"] as! [Int])
        var (_, constructed) = MnistInitialisation.defaults(seed: 1)
        let data = try MnistData.load(from: MnistFixtures.dataFolder.path)
        let epochZero = constructed.loaderPass(shuffled: data.trainCount)
        #expect(epochZero == json["epoch0_permutation_seed1_n3500"] as? [Int])
        // The fixture's epoch-1 list is drawn with no evaluation pass after epoch 0 (its note says otherwise):
        // it follows from the next training pass alone. The stage-1 schedule's own order, evaluation passes
        // included, is pinned by the recording rows of epochs 1–3 below.
        let epochOne = json["epoch1_permutation_seed1_n3500_first50"] as! [Int]
        var trainer = MnistTrainer(data: data, parameters: [], generator: constructed, threads: 1)
        let order = trainer.nextTrainingOrder()
        #expect(Array(order.prefix(epochOne.count)) == epochOne)
    }

    @Test func theFixtureDataSplitsSeventyThirty() throws {
        let data = try MnistData.load(from: MnistFixtures.dataFolder.path)
        #expect(data.count == 5_000)
        #expect(data.trainCount == 3_500)
        #expect(data.pixels.count == 5_000 * 784)
        #expect(data.pixels.allSatisfy { $0 >= 0 && $0 <= 255 && $0 == $0.rounded() })
    }

    @Test func recordingRowZeroIsExactAndRowsOneToNinetyNineWithinOneMillionth() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try MnistData.load(from: MnistFixtures.dataFolder.path)
        let initial = MnistInitialisation.defaults(seed: 1).parameters
        var request = MnistRecording.Request(data: data, initial: initial, seed: 1, epochs: 4, trial: 1, folder: folder.path)
        request.threads = 2
        _ = try MnistRecording.run(request)
        let ours = try String(contentsOf: folder.appendingPathComponent("weights1.csv"), encoding: .utf8).split(separator: "\n")
        let torch = MnistFixtures.recordedRows.split(separator: "\n")
        #expect(torch.count == 100)
        #expect(ours[0] == torch[0], "row 0 is the initial state, byte for byte")
        var worst = 0.0
        for row in 1..<100 {
            for (a, b) in zip(ours[row].split(separator: ","), torch[row].split(separator: ",")) {
                worst = max(worst, abs(Double(a)! - Double(b)!))
            }
        }
        #expect(worst <= 1e-6, "max |Δw| over rows 1–99: \(worst)")
        print("max |Δw| rows 1–99: \(worst)")
        let epochs = try String(contentsOf: folder.appendingPathComponent("epochs_1.csv"), encoding: .utf8)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("stage1_seed1_threads1/epochs.csv"), encoding: .utf8)
        #expect(epochs.split(separator: "\n").prefix(5) == expected.split(separator: "\n").prefix(5))
    }

    /// The acceptance rule for accuracies: per value |Δ| ≤ 3 points, mean |Δ| ≤ 1, the last within 3.
    static func withinRule(_ ours: [Double], _ torch: [Double]) -> (maximum: Double, mean: Double, last: Double) {
        let differences = zip(ours, torch).map { abs($0 - $1) }
        return (differences.max() ?? 0, differences.reduce(0, +) / Double(max(differences.count, 1)), differences.last ?? 0)
    }

    static func column(_ text: String, _ index: Int, skipHeader: Bool) -> [Double] {
        text.split(whereSeparator: \.isNewline).dropFirst(skipHeader ? 1 : 0).map { Double($0.split(separator: ",")[index])! }
    }

    @Test func fiftyEpochsOfStageOneFollowTorchsAccuraciesByTheAcceptanceRule() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try MnistData.load(from: MnistFixtures.dataFolder.path)
        var request = MnistRecording.Request(data: data, initial: MnistInitialisation.defaults(seed: 1).parameters, seed: 1, epochs: 50,
                                             trial: 1, folder: folder.path)
        request.threads = 2
        let result = try MnistRecording.run(request)
        #expect(result.steps == 1_400)
        let expected = Self.fixtures.appendingPathComponent("stage1_seed1_threads1")
        let ours = try String(contentsOf: folder.appendingPathComponent("epochs_1.csv"), encoding: .utf8)
        let torch = try String(contentsOf: expected.appendingPathComponent("epochs.csv"), encoding: .utf8)
        #expect(ours.split(separator: "\n").prefix(6) == torch.split(separator: "\n").prefix(6), "epochs 0–4 identical")
        for index in [1, 2] {
            let rule = Self.withinRule(Self.column(ours, index, skipHeader: true), Self.column(torch, index, skipHeader: true))
            #expect(rule.maximum <= 3 && rule.mean <= 1 && rule.last <= 3, "epochs column \(index): \(rule)")
        }
        for name in ["train_accuracies1.csv", "test_accuracies1.csv"] {
            let mine = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let theirs = try String(contentsOf: expected.appendingPathComponent(name), encoding: .utf8)
            #expect(mine.hasSuffix("\r\n") && mine.split(separator: "\r\n").count == 25)
            // Measured: the first window that differs is window 1 of the train file (one sample, 0.028 points);
            // torch's vectorised exp is not correctly rounded (spec §9), so boundary samples can flip.
            let rule = Self.withinRule(Self.column(mine, 0, skipHeader: false), Self.column(theirs, 0, skipHeader: false))
            #expect(rule.maximum <= 3 && rule.mean <= 1 && rule.last <= 3, "\(name): \(rule)")
            #expect(mine.split(separator: "\r\n").first == theirs.split(separator: "\r\n").first, "window 0 identical")
        }
    }

    @Test func stageFourWithTheAuthorsMaskFollowsTorchsRun() throws {
        let expected = Self.fixtures.appendingPathComponent("stage4_seed1_mask1_20ep")
        let data = try MnistData.load(from: MnistFixtures.dataFolder.path)
        let initial = try MnistInitialisation.parameters(of: try TorchCheckpoint.read(Self.fixtures.appendingPathComponent("init/model_1.pth").path),
                                                         file: "model_1.pth")
        let indices = try MaskFile.readSet(Self.fixtures.appendingPathComponent("masks/mask_mnist_1.csv").path, weights: 1_800)
        let mask = MnistMask(indices: indices, intended: false)
        var masked = initial
        mask.apply(to: &masked)
        let weights = (0..<MnistLayout.weightCount).map { masked[MnistLayout.parameterOffset(ofWeight: $0)] }
        #expect(weights.map(\.bitPattern) == (try Self.flat("stage4_seed1_mask1_20ep/first_step_recorded_f32.npy")).map(\.bitPattern),
                "the weights of step 0's forward pass, −0.0 included")

        var request = MnistRetraining.Request(data: data, initial: initial, seed: 1, mask: mask, epochs: 20)
        request.threads = 2
        let result = MnistRetraining.run(request)
        let torch = try String(contentsOf: expected.appendingPathComponent("epochs.csv"), encoding: .utf8)
        let ours = String(decoding: RetrainingReport.epochs(result.report), as: UTF8.self)
        #expect(ours.split(separator: "\n").prefix(6) == torch.split(separator: "\n").prefix(6), "epochs 0–4 identical")
        for index in [1, 2] {
            let rule = Self.withinRule(Self.column(ours, index, skipHeader: true), Self.column(torch, index, skipHeader: true))
            #expect(rule.maximum <= 3 && rule.mean <= 1 && rule.last <= 3, "epochs column \(index): \(rule)")
        }
        #expect(result.report.benchmarkEpoch == nil)
        // metrics.txt: Test (0.11190476190476191, 0.42857142857142855, 0.1761904761904762, None). The train tuple
        // (0.36444444444444446, 0.5, 0.346031746031746) scores 28 first samples of torch's epoch-19 weights, to which
        // ours differ by up to 1.8e-3 after 560 steps: measured P 0.2633, R 0.4667, F 0.2942 (one of 28 predictions differs).
        let test = result.report.testMetrics
        #expect([test.precision, test.recall, test.f1] == [0.11190476190476191, 0.42857142857142855, 0.1761904761904762])
        #expect(result.warnings.contains(.mnistMaskQuirks(fc4Ignored: 6, fc1Zeroed: true)))
        let final = try Self.flat("stage4_seed1_mask1_20ep/final_state_f32.npy")
        let worst = zip(result.parameters, final).map { abs(Double($0) - Double($1)) }.max() ?? 0
        #expect(worst < 0.01, "final state after 560 steps: max |Δ| \(worst)")
        #expect(mask.zeroed.allSatisfy { result.parameters[$0] == 0 })
    }

    @Test func theAuthorsMaskCodeIgnoresFC4AndIndexZeroAlsoZeroesFC1() throws {
        let ignored = [1: 6, 2: 12, 3: 6, 4: 3, 5: 39, 12: 10, 22: 15, 32: 20, 42: 26, 52: 8]
        let listed = [1: 293, 2: 247, 3: 138, 4: 148, 5: 313, 12: 117, 22: 34, 32: 133, 42: 120, 52: 34]
        for (file, count) in ignored {
            let indices = try MaskFile.readSet(Self.fixtures.appendingPathComponent("masks/mask_mnist_\(file).csv").path, weights: 1_800)
            #expect(indices.count == listed[file])
            let faithful = MnistMask(indices: indices, intended: false)
            #expect(faithful.ignoredFC4 == count, "mask \(file)")
            #expect(faithful.zeroesFC1 == indices.contains(0), "mask \(file)")
            #expect(faithful.zeroesFC1 == [1, 42, 5].contains(file))
            #expect(faithful.zeroed.contains(39_199) == indices.contains(0))
            #expect(faithful.zeroed.count == indices.count - count + (indices.contains(0) ? 1 : 0))
            let intended = MnistMask(indices: indices, intended: true)
            #expect(intended.ignoredFC4 == 0 && !intended.zeroesFC1)
            #expect(intended.zeroed == indices.map { $0 < 1_500 ? 39_250 + $0 : 40_780 + $0 - 1_500 }.sorted())
        }
    }
}
