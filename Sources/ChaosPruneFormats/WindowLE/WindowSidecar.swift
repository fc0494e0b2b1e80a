import ChaosPruneSystem

/// The metadata that travels with a window_LE file: `window_LE_1.csv.json`
/// beside `window_LE_1.csv`, saying how the file was made.
///
/// `granger` reads it to map windows to accuracy rows (and refuses a
/// `--window`/`--overlap` that contradicts it); `merge` reads the shards'
/// sidecars for their weight ranges. Files without a sidecar (the original
/// pipeline's) keep working as before: every reader treats it as optional.
public struct WindowSidecar: Sendable, Equatable {
    /// The format's name, `chaosprune-window-le`.
    public var format = WindowSidecar.formatName
    /// The tool that wrote the file and its version (`chaosprune` and the version number).
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
    public var layout: WindowLayout
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
    /// The weights file's first and last rows' checksums (nil in sidecars that do not record it).
    public var sourceFingerprint: RecordingFingerprint?
    /// The `le-window --shard K/N` that chose the weights, if one did.
    public var shard: WindowShard?

    /// The format name every sidecar carries.
    public static let formatName = "chaosprune-window-le"

    /// Whether a window_LE file written to `path` gets a sidecar: not on
    /// standard output, an open descriptor's name (`/dev/stdout`,
    /// `/proc/self/fd/1`, even when it leads to a regular file), a device or a FIFO.
    public static func belongsBeside(_ path: String) -> Bool {
        path != "-" && !AtomicFileWriter.namesAStream(path) && Platform.kind(of: path) != .special
    }

    /// The sidecar's path for a window_LE file.
    public static func path(for file: String) -> String { file + ".json" }

    /// A sidecar with every recorded fact given.
    public init(tool: String, script: String, window: Int, overlap: Double, step: Int, dimension: Int, delay: Int, steps: Int,
                radius: Double?, gate: Bool, layout: WindowLayout, arithmetic: String, firstWeight: Int, lastWeight: Int,
                totalWeights: Int, windows: Int, rows: Int, sourceName: String, sourceBytes: Int?,
                sourceFingerprint: RecordingFingerprint?) {
        self.tool = tool
        self.script = script
        self.window = window
        self.overlap = overlap
        self.step = step
        self.dimension = dimension
        self.delay = delay
        self.steps = steps
        self.radius = radius
        self.gate = gate
        self.layout = layout
        self.arithmetic = arithmetic
        self.firstWeight = firstWeight
        self.lastWeight = lastWeight
        self.totalWeights = totalWeights
        self.windows = windows
        self.rows = rows
        self.sourceName = sourceName
        self.sourceBytes = sourceBytes
        self.sourceFingerprint = sourceFingerprint
    }

    /// What the sidecar says that a window_LE file of `rows` rows and
    /// `columns` columns contradicts — its layout's window count and weight
    /// count, and a plan whose step is not W·(1 − o) — or nil when it fits.
    public func contradiction(rows: Int, columns: Int) -> String? {
        let (fileWindows, fileWeights) = layout == .windowsByWeights ? (rows, columns) : (columns, rows)
        let layoutText = layout == .windowsByWeights ? "one row per window" : "one row per weight"
        if fileWindows != windows {
            return "records \(windows) windows (\(layoutText)), but the file holds \(fileWindows)"
        }
        if fileWeights != lastWeight - firstWeight + 1 {
            return "records weights \(firstWeight)…\(lastWeight) (\(lastWeight - firstWeight + 1), \(layoutText)), but the file holds \(fileWeights)"
        }
        guard let recorded = try? plan, recorded.step == step else {
            return "records window \(window), overlap \(PythonFloatText.repr(overlap)) and step \(step), which do not go together"
        }
        return nil
    }

    /// The window plan recorded.
    public var plan: WindowPlan {
        get throws(WindowPlan.Invalid) { try WindowPlan(window: window, overlap: overlap) }
    }

    /// The JSON text: one member per line, in a fixed order.
    public var json: [UInt8] {
        let members: [(String, JSONValue)] = [
            ("format", .string(format)), ("tool", .string(tool)), ("script", .string(script)),
            ("window", .integer(window)), ("overlap", .number(overlap)), ("step", .integer(step)),
            ("dimension", .integer(dimension)), ("delay", .integer(delay)), ("steps", .integer(steps)),
            ("radius", radius.map(JSONValue.number) ?? .null), ("gate", .bool(gate)), ("layout", .string(layout.rawValue)),
            ("arithmetic", .string(arithmetic)), ("firstWeight", .integer(firstWeight)),
            ("lastWeight", .integer(lastWeight)), ("totalWeights", .integer(totalWeights)),
            ("windows", .integer(windows)), ("rows", .integer(rows)), ("sourceName", .string(sourceName)),
            ("sourceBytes", sourceBytes.map(JSONValue.integer) ?? .null),
            ("sourceFingerprint", sourceFingerprint.map { .string($0.text) } ?? .null),
            ("shard", shard.map { .string($0.text) } ?? .null),
        ]
        return Array((JSONValue.object(members).text() + "\n").utf8)
    }

    /// The sidecar a JSON document describes, or nil when it is not one.
    init?(_ document: JSONValue) {
        guard document["format"]?.string == Self.formatName,
              let tool = document["tool"]?.string, let script = document["script"]?.string,
              let window = document["window"]?.integer, let overlap = document["overlap"]?.number, let step = document["step"]?.integer,
              let dimension = document["dimension"]?.integer, let delay = document["delay"]?.integer, let steps = document["steps"]?.integer,
              let gate = document["gate"]?.bool, let layout = document["layout"]?.string.flatMap(WindowLayout.init(rawValue:)),
              let arithmetic = document["arithmetic"]?.string, let firstWeight = document["firstWeight"]?.integer,
              let lastWeight = document["lastWeight"]?.integer, let totalWeights = document["totalWeights"]?.integer,
              let windows = document["windows"]?.integer, let rows = document["rows"]?.integer,
              let sourceName = document["sourceName"]?.string,
              document["sourceFingerprint"]?.string.map({ RecordingFingerprint(text: $0) != nil }) ?? true,
              document["shard"]?.string.map({ WindowShard(text: $0) != nil }) ?? true,
              firstWeight >= 1, lastWeight >= firstWeight, totalWeights >= lastWeight else { return nil }
        self.init(tool: tool, script: script, window: window, overlap: overlap, step: step, dimension: dimension, delay: delay,
                  steps: steps, radius: document["radius"]?.number, gate: gate, layout: layout, arithmetic: arithmetic,
                  firstWeight: firstWeight, lastWeight: lastWeight, totalWeights: totalWeights, windows: windows, rows: rows,
                  sourceName: sourceName, sourceBytes: document["sourceBytes"]?.integer,
                  sourceFingerprint: document["sourceFingerprint"]?.string.flatMap(RecordingFingerprint.init(text:)))
        shard = document["shard"]?.string.flatMap(WindowShard.init(text:))
    }

    /// The sidecar of `file`, nil when there is none.
    ///
    /// - Throws: `InputError` naming the sidecar when it exists but cannot be read or is not a window_LE sidecar.
    public static func read(for file: String) throws(InputError) -> WindowSidecar? {
        let sidecar = path(for: file)
        guard file != "-", FileContents.exists(sidecar) else { return nil }
        guard case .regular = Platform.kind(of: sidecar) else {
            throw InputError(file: sidecar, message: "not a regular file (a FIFO or device is never read as a sidecar); delete it to use \(file) without metadata")
        }
        let document: JSONValue
        do {
            document = try JSONValue.read(sidecar)
        } catch {
            throw InputError(file: sidecar, message: "\(error.message); delete it to use \(file) without metadata")
        }
        guard let decoded = WindowSidecar(document) else {
            throw InputError(file: sidecar, message: "not a window_LE sidecar (expected the JSON chaosprune le-window writes); delete it to use \(file) without metadata")
        }
        return decoded
    }
}
