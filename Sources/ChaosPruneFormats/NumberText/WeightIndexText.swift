/// The text of one weight index in a mask file: a whole decimal number, as
/// the notebook's `np.savetxt(…, fmt='%d')` and MATLAB write it.
public enum WeightIndexText {
    /// The index `text` holds, or nil.
    public static func parse(_ text: String) -> Int? { Int(text) }

    /// What is wrong with `text`, which `parse` refused: a whole number too
    /// large for any network, or no whole number at all.
    public static func problem(_ text: String) -> String {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        if text.utf8.count - digits.count <= 1, !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) {
            return "index \(ArgumentText.printable(text)) is beyond any network's weights (at most \(Int.max))"
        }
        return "expected a weight index (a whole number), found '\(ArgumentText.printable(text))'"
    }
}
