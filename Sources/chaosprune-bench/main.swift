import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    Usage: chaosprune-bench lyap [--repeats N]
    Run in release mode: swift run -c release chaosprune-bench lyap

    """
var repeats = 7
if let index = arguments.firstIndex(of: "--repeats"), index + 1 < arguments.count, let n = Int(arguments[index + 1]), n > 0 {
    repeats = n
}
do {
    switch arguments.first {
    case "lyap": try LyapBenchmark.run(repeats: repeats)
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("chaosprune-bench: \(error)\n".utf8))
    exit(1)
}
