import ChaosPruneFormats
import ChaosPruneSystem

/// What a run folder holds, found by the original file names: the window_LE
/// file (and its sidecar and log), the accuracies, the Granger min-p and mask,
/// and the stage-4 runs under `retrain/`. Used by the report; every part is optional.
public struct RunFolder: Sendable {
    /// The folder.
    public var path: String
    /// `window_LE_K.csv` (here or in `FT/`), if any.
    public var windowLE: String?
    /// `acc_K.csv` or `acc.csv`, if any.
    public var accuracy: String?
    /// `granger_min_p.csv`, if any.
    public var minimumP: String?
    /// `mask_*.csv`, if any.
    public var mask: String?
    /// `window_LE_K.log`, if any.
    public var log: String?
    /// Stage-4 runs: (variant, epochs file, summary file).
    public var retraining: [(name: String, epochs: String, summary: String)] = []

    /// Entries named like run files that are not regular files (a folder, a
    /// FIFO, a device), left out of the page: (path, what it is).
    public var leftOut: [(path: String, kind: String)] = []
    /// Every regular file of the folder, its `FT/` and each `retrain/` run but
    /// the page itself (`report.html`): all of it is data, which the page
    /// never replaces.
    public var data: [String] = []

    /// Every file found, to read.
    public var files: [String] {
        [windowLE, windowLE.map(WindowSidecar.path(for:)), accuracy, minimumP, mask, log].compactMap { $0 }
            + retraining.flatMap { [$0.epochs, $0.summary] }
    }

    /// Looks through `path` (and its `FT/` and `retrain/` folders).
    public init(_ path: String) throws(StageError) {
        guard case .folder = Platform.kind(of: path) else { throw StageError("\(path): not a folder") }
        self.path = path
        func entries(_ folder: String) -> [String] { (try? Platform.folderEntries(folder))?.sorted() ?? [] }
        // Only regular files are run files: a FIFO or device of a run file's name is never opened (it could block).
        func files(_ folder: String) -> [String] {
            entries(folder).filter { if case .regular = Platform.kind(of: "\(folder)/\($0)") { true } else { false } }
        }
        let runFolders = [path, "\(path)/FT"] + entries("\(path)/retrain").map { "\(path)/retrain/\($0)" }
        for folder in runFolders {
            for name in entries(folder) where !(folder == path && name == "report.html") {
                let kind = Platform.kind(of: "\(folder)/\(name)")
                if case .regular = kind {
                    data.append("\(folder)/\(name)")
                } else if Self.isRunFileName(name) {
                    leftOut.append(("\(folder)/\(name)", kind == .folder ? "a folder" : "not a regular file"))
                }
            }
        }
        for folder in [path, "\(path)/FT"] {
            let names = files(folder)
            if windowLE == nil, let name = names.first(where: { $0.hasPrefix("window_LE") && $0.hasSuffix(".csv") }) {
                windowLE = "\(folder)/\(name)"
                if let logName = names.first(where: { $0.hasPrefix("window_LE") && $0.hasSuffix(".log") }) { log = "\(folder)/\(logName)" }
                if names.contains("granger_min_p.csv") { minimumP = "\(folder)/granger_min_p.csv" }
                if let maskName = names.first(where: { $0.hasPrefix("mask_") && $0.hasSuffix(".csv") }) { mask = "\(folder)/\(maskName)" }
            }
        }
        if let name = files(path).first(where: { $0.hasPrefix("acc") && $0.hasSuffix(".csv") }) { accuracy = "\(path)/\(name)" }
        for variant in entries("\(path)/retrain") {
            let names = files("\(path)/retrain/\(variant)")
            if let epochs = names.first(where: { $0.hasPrefix("epochs_") }), let summary = names.first(where: { $0.hasPrefix("summary_") }) {
                retraining.append((variant, "\(path)/retrain/\(variant)/\(epochs)", "\(path)/retrain/\(variant)/\(summary)"))
            }
        }
        leftOut.sort { $0.path < $1.path }
        let order = ["dense", "FT", "PT", "pruned", "magnitude", "random"]
        retraining.sort { (order.firstIndex(of: $0.name) ?? 99, $0.name) < (order.firstIndex(of: $1.name) ?? 99, $1.name) }
    }

    /// Whether `name` is one the page reads: window_LE files and logs, accuracies, min-p, masks, retraining epochs and summaries.
    static func isRunFileName(_ name: String) -> Bool {
        (name.hasPrefix("window_LE") && (name.hasSuffix(".csv") || name.hasSuffix(".log") || name.hasSuffix(".json")))
            || (name.hasPrefix("acc") && name.hasSuffix(".csv")) || name == "granger_min_p.csv"
            || (name.hasPrefix("mask_") && name.hasSuffix(".csv")) || name.hasPrefix("epochs_") || name.hasPrefix("summary_")
    }
}
