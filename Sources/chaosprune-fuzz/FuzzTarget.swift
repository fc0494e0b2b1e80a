import ChaosPruneSystem

/// The fuzz targets: one per reader and parser of untrusted input. Each takes
/// arbitrary bytes and must return (a value or a domain error) without
/// trapping, hanging or reading out of bounds.
enum FuzzTarget: String, CaseIterable {
    case csv, series, tisean, options, npy, mask, pickle, sidecar, pth, mnist

    /// The target named by `CHAOSPRUNE_FUZZ_TARGET` (libFuzzer builds).
    static let selected: FuzzTarget = {
        guard let name = Platform.environment("CHAOSPRUNE_FUZZ_TARGET"), let target = FuzzTarget(rawValue: name) else {
            StandardStreams.error("set CHAOSPRUNE_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n")
            Platform.exitProcess(2)
        }
        return target
    }()

    /// Runs one input.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: CSVReaderTarget.run(bytes)
        case .series: SeriesReaderTarget.run(bytes)
        case .tisean: TiseanCommandLineTarget.run(bytes)
        case .options: OptionLayerTarget.run(bytes)
        case .npy: NumpyArrayTarget.run(bytes)
        case .mask: MaskFileTarget.run(bytes)
        case .pickle: PickleTarget.run(bytes)
        case .sidecar: SidecarTarget.run(bytes)
        case .pth: TorchCheckpointTarget.run(bytes)
        case .mnist: MnistDataTarget.run(bytes)
        }
    }
}
