import ChaosPruneSystem
import Foundation
import LyapunovKit

/// The metadata that travels with a window_LE file: `window_LE_1.csv.json`
/// beside `window_LE_1.csv`, saying how the file was made.
///
/// `granger` reads it to map windows to accuracy rows (and refuses a
/// `--window`/`--overlap` that contradicts it); `merge` reads the shards'
/// sidecars for their weight ranges. Files without a sidecar (the original
/// pipeline's) keep working as before: every reader treats it as optional.
public struct WindowSidecar: Codable, Sendable, Equatable {
    /// The format's name, `chaosprune-window-le`.
    public var format = WindowSidecar.formatName
    /// The tool that wrote the file, `chaosprune 0.2.0`.
    public var tool: String
    /// `LE_window.m` or `window_LE.m`.
    public var script: String
    /// Rows per window.
    public var window: Int
    /// Window overlap.
    public var overlap: Double
    /// Rows between window starts.
    public var step: Int
    /// lyap_r's `-m`, `-d`, `-s` and `-r` (data units).
    public var dimension: Int, delay: Int, steps: Int, radius: Double?
    /// Whether the `ischange`/range gate ran.
    public var gate: Bool
    /// `windows-by-weights` (rows = windows) or `weights-by-windows`.
    public var layout: WindowSettings.Layout
    /// `ieee64` or `x87`.
    public var arithmetic: String
    /// The first and last weight (1-based, inclusive) the file holds.
    public var firstWeight: Int, lastWeight: Int
    /// Weights in the source file.
    public var totalWeights: Int
    /// Windows in the file.
    public var windows: Int
    /// Rows of the source file.
    public var rows: Int
    /// The weights file's name (without its folder) and size in bytes.
    public var sourceName: String, sourceBytes: Int?

    /// The format name every sidecar carries.
    public static let formatName = "chaosprune-window-le"

    /// Whether a window_LE file written to `path` gets a sidecar: not on
    /// standard output nor on a device or FIFO.
    public static func belongsBeside(_ path: String) -> Bool {
        path != "-" && Platform.kind(of: path) != .special
    }

    /// The sidecar's path for a window_LE file.
    public static func path(for file: String) -> String { file + ".json" }

    /// The sidecar of a finished window stage.
    public init(settings: WindowSettings, summary: WindowLEJob.Summary, sourcePath: String, sourceBytes: Int?) {
        tool = ToolVersion.text
        script = settings.scriptName
        window = settings.plan.window
        overlap = settings.plan.overlap
        step = settings.plan.step
        dimension = settings.parameters.dimension
        delay = settings.parameters.delay
        steps = settings.parameters.steps
        if case let .dataUnits(value) = settings.parameters.initialEpsilon { radius = value } else { radius = nil }
        gate = settings.gate
        layout = settings.layout
        arithmetic = settings.arithmetic.rawValue
        firstWeight = summary.firstWeight
        lastWeight = summary.firstWeight + summary.weights - 1
        totalWeights = summary.totalWeights
        windows = summary.windows
        rows = summary.rows
        sourceName = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
        self.sourceBytes = sourceBytes
    }

    /// The window plan recorded.
    public var plan: WindowPlan {
        get throws(StageError) { try WindowPlan(window: window, overlap: overlap) }
    }

    /// The JSON text (keys sorted, one per line).
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [10]
    }

    /// The sidecar of `file`, nil when there is none.
    ///
    /// - Throws: `CSVError` naming the sidecar when it exists but cannot be read or is not a window_LE sidecar.
    public static func read(for file: String) throws(CSVError) -> WindowSidecar? {
        let sidecar = path(for: file)
        guard file != "-", FileContents.exists(sidecar) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileContents.read(sidecar)
        } catch {
            throw CSVError(file: sidecar, message: "cannot read: \(error.reason)")
        }
        guard let decoded = try? JSONDecoder().decode(WindowSidecar.self, from: Data(bytes)), decoded.format == formatName else {
            throw CSVError(file: sidecar, message: "not a window_LE sidecar (expected the JSON chaosprune le-window writes); delete it to use \(file) without metadata")
        }
        return decoded
    }
}
