/// The process's standard streams as byte sinks and a byte source.
///
/// Writes report failure (a full disk, a closed pipe) instead of ignoring it,
/// so a command can exit non-zero when its output was lost.
public enum StandardStreams {
    /// Writes `text` to standard output: the bytes it stands for (``PathBytes``),
    /// so a file name from the command line is printed as it was given.
    public static func output(_ text: String) throws(SystemError) {
        try write(PathBytes.encode(text), to: Platform.standardOutput, name: "-")
    }

    /// Writes `text` to standard error as ``output(_:)`` writes, ignoring failure
    /// (there is nowhere left to report it).
    public static func error(_ text: String) {
        try? write(PathBytes.encode(text), to: Platform.standardError, name: "stderr")
    }

    /// Whether standard error is a terminal (for progress displays).
    public static var errorIsTerminal: Bool { Platform.isTerminal(Platform.standardError) }

    /// Reads standard input to its end.
    public static func readInput() throws(SystemError) -> [UInt8] {
        try FileContents.readAll(descriptor: Platform.standardInput, path: "stdin")
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(SystemError) {
        try Platform.writeAll(descriptor, bytes, path: name)
    }
}
