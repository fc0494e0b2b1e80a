/// The toolkit's version: printed by every `--version` and recorded in every
/// window_LE sidecar.
public enum ToolVersion {
    /// The version number.
    public static let number = "0.2.0"
    /// "chaosprune 0.2.0".
    public static let text = "chaosprune \(number)"
}
