import ChaosPruneSystem

/// The mask file: the weights to prune, one whole-number index per line, as
/// the Granger notebook writes it with pandas `to_csv(header=False,
/// index=False)` — the one reader and writer of every command that takes or
/// gives a mask (`retrain`, `experiment`, `report`, `demo`, `convert`,
/// `compare --as-sets`).
///
/// The rules, the same everywhere:
/// - an optional UTF-8 byte order mark; lines end in `\n` or `\r\n`, the last
///   line's ending is optional;
/// - spaces and tabs around an index are ignored;
/// - an empty file masks nothing; blank lines may end the file, but a blank
///   line before an index is refused (a hole in a list is a damaged list);
/// - an index is a whole decimal number; `offset` is subtracted from it (0
///   for the notebook's 0-based lists, 1 for the framework's 1-based ones,
///   39,200 for the MNIST script's absolute positions) and the result must
///   name one of `weights` weights, when that count is known.
///
/// Edge cases: errors name the file, the line and the field (column 1, or 2
/// for a second value on the line); a repeated index is kept, in file order
/// (callers that treat the mask as a set drop repeats).
public enum MaskFile {
    /// The indices of the mask file `path` (`-` for standard input), less
    /// `offset`, in file order.
    public static func read(_ path: String, offset: Int = 0, weights: Int?) throws(InputError) -> [Int] {
        try parse(try InputError.contents(of: path), file: path, offset: offset, weights: weights)
    }

    /// The distinct indices of the mask file `path`, less `offset`, ascending.
    public static func readSet(_ path: String, offset: Int = 0, weights: Int?) throws(InputError) -> [Int] {
        Set(try read(path, offset: offset, weights: weights)).sorted()
    }

    /// The indices the bytes of a mask file hold, less `offset`, in file order.
    public static func parse(_ bytes: [UInt8], file: String, offset: Int = 0, weights: Int?) throws(InputError) -> [Int] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        var indices: [Int] = []
        var blankLine: Int?
        for (number, line) in body.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let field = line.drop(while: isBlank).reversed().drop(while: { isBlank($0) || $0 == 13 }).reversed()
            if field.isEmpty {
                if blankLine == nil { blankLine = number + 1 }
                continue
            }
            if let blankLine {
                throw InputError(file: file, line: blankLine, column: 1,
                                 message: "a blank line inside the mask; expected one weight index per line (blank lines may only end the file)")
            }
            let text = try UTF8Text.decode(field, file: file, line: number + 1, column: 1)
            if text.contains(",") {
                throw InputError(file: file, line: number + 1, column: 2,
                                 message: "expected one weight index (a whole number) per line, found '\(ArgumentText.printable(text))'")
            }
            guard let value = WeightIndexText.parse(text) else {
                throw InputError(file: file, line: number + 1, column: 1, message: WeightIndexText.problem(text))
            }
            let (index, overflow) = value.subtractingReportingOverflow(offset)
            guard !overflow, index >= 0, weights.map({ index < $0 }) ?? true else {
                throw InputError(file: file, line: number + 1, column: 1, message: outsideMessage(value, offset: offset, weights: weights))
            }
            indices.append(index)
        }
        return indices
    }

    /// The mask file's text for `indices`, each plus `offset`: one per line, `\n`, as pandas writes it.
    public static func text(_ indices: [Int], offset: Int = 0) -> [UInt8] {
        var bytes: [UInt8] = []
        for index in indices {
            IntegerText.append(index + offset, to: &bytes)
            bytes.append(10)
        }
        return bytes
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }

    private static func outsideMessage(_ value: Int, offset: Int, weights: Int?) -> String {
        guard let weights else { return "index \(value) is below the first index, \(offset)" }
        let range = offset == 0 ? "0…\(weights - 1)" : "\(offset)…\(weights - 1 + offset), counting from \(offset)"
        return "index \(value) is outside the network's \(weights) weight\(weights == 1 ? "" : "s") (\(range))"
    }
}
