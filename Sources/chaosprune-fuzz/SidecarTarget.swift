import ChaosPruneFormats
import ChaosPruneKit

/// The JSON reader behind the window sidecars, and the sidecar's own checks.
enum SidecarTarget {
    static func run(_ bytes: [UInt8]) {
        _ = try? JSONValue.parse(bytes, file: "-")
        _ = ScratchFile.holding(bytes, suffix: ".json")
        _ = try? WindowSidecar.read(for: ScratchFile.path)
    }
}
