import ChaosPruneFormats
import ChaosPruneKit
import ChaosPruneSystem

/// A one-line progress display on stderr, redrawn at most five times a second,
/// shown only when stderr is a terminal and not silenced with `--quiet`.
final class ProgressMeter: @unchecked Sendable {
    private let console: Console
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?

    /// Creates a meter that draws only when `quiet` is false and stderr is a terminal.
    init(console: Console, quiet: Bool) {
        self.console = console
        enabled = !quiet && console.errorIsTerminal
        started = clock.now
    }

    /// Seconds since the meter was created.
    var elapsed: Double { (clock.now - started).seconds }

    /// Redraws "<label> <done> <unit>, <rate>/s, <percent>%, ETA <s>" (fraction in 0…1 when known).
    func update(label: String, done: Int, unit: String, fraction: Double?) {
        guard enabled else { return }
        let now = clock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(200) { return }
        lastDrawn = now
        let seconds = max(elapsed, 1e-9)
        var line = "\r\(label) \(done) \(unit), \(Int(Double(done) / seconds))/s"
        if let fraction, fraction > 0 {
            line += ", \(Int(fraction * 100))%, ETA \(Int(seconds * (1 - fraction) / fraction)) s"
        }
        console.error(line + "   ")
    }

    /// The window stage's progress callback.
    func windowProgress() -> (Int, any RecordingReader) -> Void {
        { windows, reader in
            self.update(label: "le-window:", done: windows, unit: "windows",
                        fraction: reader.totalBytes.map { Double(reader.bytesConsumed) / Double(max($0, 1)) })
        }
    }

    /// Clears the line.
    func finish() {
        guard enabled, lastDrawn != nil else { return }
        console.error("\r" + String(repeating: " ", count: 79) + "\r")
    }
}
