import LyapunovKit

/// A one-line progress display on stderr, redrawn at most five times a second,
/// shown only when stderr is a terminal and not silenced.
public final class ProgressMeter {
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?

    /// Creates a meter; it draws only when `quiet` is false and stderr is a terminal.
    public init(quiet: Bool) {
        enabled = !quiet && StandardStreams.errorIsTerminal
        started = clock.now
    }

    /// Seconds since the meter was created.
    public var elapsed: Double {
        (clock.now - started).seconds
    }

    /// Redraws "<label> <done> <unit>, <rate>/s, <percent>%, ETA <s>" (fraction in 0…1 when known).
    public func update(label: String, done: Int, unit: String, fraction: Double?) {
        guard enabled else { return }
        let now = clock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(200) { return }
        lastDrawn = now
        let seconds = max(elapsed, 1e-9)
        var line = "\r\(label) \(done) \(unit), \(Int(Double(done) / seconds))/s"
        if let fraction, fraction > 0 {
            line += ", \(Int(fraction * 100))%, ETA \(Int(seconds * (1 - fraction) / fraction)) s"
        }
        StandardStreams.error(line + "   ")
    }

    /// Clears the line.
    public func finish() {
        guard enabled, lastDrawn != nil else { return }
        StandardStreams.error("\r" + String(repeating: " ", count: 79) + "\r")
    }
}
