import ChaosPruneFormats
import ChaosPruneSystem

/// The text of a `lyap_r` output file.
///
/// Mirrors TISEAN's `"%d %e\n"` per row, through the C library's `%e`.
public enum DivergenceFormat {
    /// The bytes of the output file holding `rows`.
    public static func bytes(of rows: [DivergenceRow]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(rows.count * 18)
        for row in rows {
            output.append(contentsOf: String(row.iteration).utf8)
            output.append(UInt8(ascii: " "))
            CFormat.append("%e", row.value, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }
}
