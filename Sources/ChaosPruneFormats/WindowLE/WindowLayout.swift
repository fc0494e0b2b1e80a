/// The two layouts of a window_LE file.
public enum WindowLayout: String, Sendable {
    /// One row per window, one column per weight (`LE_window.m`).
    case windowsByWeights = "windows-by-weights"
    /// One row per weight, one column per window (`window_LE.m`).
    case weightsByWindows = "weights-by-windows"
}
