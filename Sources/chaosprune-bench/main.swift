import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    Usage: chaosprune-bench lyap [--repeats N]
           chaosprune-bench le-window [--rows N] [--columns N] [--repeats N] [--folder DIR]
    Run in release mode: swift run -c release chaosprune-bench lyap
    le-window defaults: 19150 rows × 2050 weights (1/20 of the MNIST network), files in /tmp

    """
func option(_ name: String, default fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let n = Int(arguments[index + 1]), n > 0 else { return fallback }
    return n
}
let folder = arguments.firstIndex(of: "--folder").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? "/tmp"
do {
    switch arguments.first {
    case "lyap": try LyapBenchmark.run(repeats: option("--repeats", default: 7))
    case "le-window":
        try WindowBenchmark.run(rows: option("--rows", default: 19_150), columns: option("--columns", default: 2_050),
                                repeats: option("--repeats", default: 3), folder: folder)
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("chaosprune-bench: \(error)\n".utf8))
    exit(1)
}
