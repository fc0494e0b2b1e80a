import ChaosPruneFormats
import Foundation
import Testing
import TestSupport

/// `AccuracyFile`: the lines stage 1 and 4 write are what the authors' writers write, and read back exactly.
@Suite("accuracy files")
struct AccuracyFileTests {
    @Test("the Helper line is test then train, repr, CRLF; the framework's one repr per line; epochs with their header")
    func lines() {
        #expect(AccuracyFile.helperLine(test: 0.9, train: 1.0 / 3) == "0.9,0.3333333333333333\r\n")
        #expect(AccuracyFile.frameworkLine(0.1 + 0.2) == "0.30000000000000004\n")
        #expect(AccuracyFile.epochsHeader + AccuracyFile.epochLine(0, train: 0.5, test: 1e-5) == "epoch,train_acc,test_acc\n0,0.5,1e-05\n")
    }

    @Test("written lines read back as the same doubles")
    func roundTrip() throws {
        let values: [(Double, Double)] = [(0.1, 0.2), (1.0 / 3, 2.0 / 3), (0.9124886052871468, 0.8945454545454545), (0, 1)]
        let text = values.map { AccuracyFile.helperLine(test: $0.0, train: $0.1) }.joined()
        let url = try TestSupport.file(named: "acc_1.csv", containing: text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let table = try AccuracyFile.read(url.path)
        #expect(table.rows.map { [$0[0], $0[1]] } == values.map { [$0.0, $0.1] })
    }
}
