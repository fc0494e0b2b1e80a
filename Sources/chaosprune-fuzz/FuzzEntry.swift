import ChaosPruneSystem

#if FUZZING
/// libFuzzer's entry: one input through the target named by `CHAOSPRUNE_FUZZ_TARGET`.
/// Built with `-sanitize=fuzzer,address -DFUZZING` by `.ci/fuzz`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

/// libFuzzer's driver (its command line: corpus folders, `-runs=`, `-max_total_time=`…).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The program's entry: SwiftPM links an executable's `main` to this symbol, so
/// it hands the command line to libFuzzer's driver.
@_cdecl("chaosprune_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, fuzzOneInput)
}
#else
/// Without libFuzzer: `chaosprune-fuzz TARGET FILE...` runs each file through
/// the target once (replays a corpus or a crash input in an ordinary build).
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            StandardStreams.error("usage: chaosprune-fuzz TARGET FILE...\ntargets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n")
            Platform.exitProcess(2)
        }
        for path in arguments.dropFirst() {
            do {
                target.run(try FileContents.read(path))
            } catch {
                StandardStreams.error("chaosprune-fuzz: \(path): \(error.reason)\n")
                Platform.exitProcess(1)
            }
        }
    }
}
#endif
