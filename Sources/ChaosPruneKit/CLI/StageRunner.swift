import LyapunovKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stage's failure: one line for stderr, exit status 1.
public struct StageFailure: Error {
    /// The line printed after `chaosprune: error: `.
    public var message: String

    /// Creates a failure.
    public init(message: String) { self.message = message }

    /// Runs `body`, turning its typed error into a stage failure.
    public static func wrap<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T) throws(StageFailure) -> T {
        do { return try body() } catch { throw StageFailure(message: error.description) }
    }
}

/// Runs a stage body: exit 0, or its failure on stderr and exit 1.
public enum StageRunner {
    /// Runs `body` and returns the exit status.
    public static func run(_ body: () throws(StageFailure) -> Void) -> Int32 {
        do {
            try body()
            return 0
        } catch {
            StandardStreams.error("chaosprune: error: \(error.message)\n")
            return 1
        }
    }
}

/// Processor facts.
public enum ProcessorCount {
    /// Cores online.
    public static var online: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// Parses `A:B` (1-based inclusive) column ranges.
public enum ColumnRange {
    /// `A:B` → A…B; `A:` is not accepted (the end must be given).
    public static func parse(_ text: String) throws(OptionParser.Failure) -> ClosedRange<Int> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 1, high >= low else {
            throw OptionParser.Failure(message: "--columns expects A:B with 1 ≤ A ≤ B (1-based, inclusive), not '\(text)'")
        }
        return low...high
    }
}
