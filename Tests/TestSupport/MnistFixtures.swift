import Foundation

/// The MNIST fixtures in `Tests/Fixtures/mnist`, their gzipped files unpacked once per test process.
public enum MnistFixtures {
    /// `Tests/Fixtures/mnist`.
    public static let folder = TestSupport.fixtures.appendingPathComponent("mnist")

    /// A folder holding `mnist.csv`: the 5,000 fixture digits.
    public static let dataFolder: URL = {
        let target = try! TestSupport.temporaryFolder()
        try! unpacked("data/mnist.csv.gz").write(to: target.appendingPathComponent("mnist.csv"))
        return target
    }()

    /// Rows 0–99 of torch's seed-1 recording, the 1,800 analysed columns, as text.
    public static let recordedRows: String = String(decoding: unpacked("stage1_seed1_threads1/weights_first100_cols39200-40999.csv.gz"),
                                                    as: UTF8.self)

    /// The contents of a gzipped fixture, by `gzip -dc`.
    public static func unpacked(_ path: String) -> Data {
        let run = try! TestSupport.run("/usr/bin/gzip", ["-dc", folder.appendingPathComponent(path).path], in: folder)
        precondition(run.status == 0, "gzip -dc \(path): \(run.standardError)")
        return run.standardOutput
    }
}
