import ChaosPruneCommands

/// TISEAN's command-line scanner as `lyap_r` reads it (NUL-separated tokens).
enum TiseanCommandLineTarget {
    static func run(_ bytes: [UInt8]) {
        let arguments = FuzzInput(bytes).tokens
        _ = TiseanCommandLine.asksForHelp(arguments)
        _ = try? TiseanCommandLine.parse(arguments)
        for token in arguments {
            _ = TiseanCommandLine.parseUnsigned(token)
            _ = TiseanCommandLine.parseFloat(token)
        }
    }
}
