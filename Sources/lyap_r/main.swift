import LyapunovKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let requested = getenv("LYAP_R_ARITHMETIC").map { String(cString: $0) } ?? ""
let arithmetic = ArithmeticMode(rawValue: requested.isEmpty ? "ieee64" : requested)
guard let arithmetic else {
    StandardStreams.error("LYAP_R_ARITHMETIC must be ieee64 or x87, not '\(requested)'\n")
    exit(24)
}
exit(LyapRTool.runTisean(arguments: Array(CommandLine.arguments.dropFirst()), arithmetic: arithmetic))
