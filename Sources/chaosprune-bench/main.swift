import ChaosPruneFormats
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    Usage: chaosprune-bench lyap [--repeats N] [--reference TISEAN-lyap_r]
           chaosprune-bench le-window [--rows N] [--columns N] [--repeats N] [--folder DIR]
           chaosprune-bench granger [--weights N] [--windows N] [--repeats N] [--folder DIR]
           chaosprune-bench report [--weights N] [--windows N] [--folder DIR]
           chaosprune-bench tables [--rows N] [--columns N] [--repeats N] [--folder DIR]
           chaosprune-bench mnist [--rows N] [--epochs N] [--repeats N] [--torch PYTHON] [--folder DIR]
           chaosprune-bench window-check [--windows N]   (lane engine against the general engine; default 10,000,000)
           chaosprune-bench parse-check [--count N]
           chaosprune-bench float32-check [--from E] [--to E] [--random N]   (biased exponents; default 88 … 152)
           chaosprune-bench powers-of-five > Sources/ChaosPruneFormats/NumberText/PowersOfFive.swift
    Run in release mode: swift run -c release chaosprune-bench lyap
    le-window defaults: 19150 rows × 2050 weights (1/20 of the MNIST network), files in /tmp
    granger defaults: 41000 weights × 425 windows (the MNIST network); run from the repository root
    tables defaults: 4801 rows × 420 weights (~40 MB), 5 runs each
    mnist defaults: 42000 digits, 50 epochs, 3 runs each; --torch: a python with torch, pandas, numpy
    to compare with statsmodels through notebooks-port/granger_notebook.py

    """
func option(_ name: String, default fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let n = Int(arguments[index + 1]), n > 0 else { return fallback }
    return n
}
let folder = arguments.firstIndex(of: "--folder").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? "/tmp"
do {
    switch arguments.first {
    case "lyap":
        let reference = arguments.firstIndex(of: "--reference").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        try LyapBenchmark.run(repeats: option("--repeats", default: 7), reference: reference)
    case "le-window":
        try WindowBenchmark.run(rows: option("--rows", default: 19_150), columns: option("--columns", default: 2_050),
                                repeats: option("--repeats", default: 3), folder: folder)
    case "granger":
        try GrangerBenchmark.run(weights: option("--weights", default: 41_000), windows: option("--windows", default: 425),
                                 repeats: option("--repeats", default: 3), folder: folder)
    case "window-check": try WindowCheck.run(windows: option("--windows", default: 10_000_000))
    case "parse-check": try ParseCheck.run(count: option("--count", default: 20_000_000))
    case "float32-check":
        let low = UInt32(option("--from", default: 88)), high = UInt32(max(option("--to", default: 152), Int(low)))
        Float32Check.run(binades: low...high, random: option("--random", default: 50_000_000))
    case "powers-of-five": print(PowersOfFiveGenerator.source(), terminator: "")
    case "tables":
        try TableBenchmark.run(rows: option("--rows", default: 4_801), columns: option("--columns", default: 420),
                               repeats: option("--repeats", default: 5), folder: folder)
    case "mnist":
        let torch = arguments.firstIndex(of: "--torch").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        try MnistBenchmark.run(rows: option("--rows", default: 42_000), epochs: option("--epochs", default: 50),
                               repeats: option("--repeats", default: 3), torch: torch, folder: folder)
    case "report":
        try ReportBenchmark.run(weights: option("--weights", default: 41_000), windows: option("--windows", default: 425), folder: folder)
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("chaosprune-bench: \(error)\n".utf8))
    exit(1)
}
