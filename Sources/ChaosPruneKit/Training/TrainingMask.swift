import ChaosPruneFormats
import ChaosPruneSystem

/// A mask file read for stage 4: one integer per line (an empty file masks
/// nothing), 0-based by default or 1-based as the framework's own lists are,
/// each a column of the weights CSV (W1 then W2, row-major; biases are never masked).
///
/// Edge cases: a line that is not an integer, or an index outside the
/// weights, is an error naming the file and line; a repeated index counts
/// once; `\r\n`, a BOM and a missing final newline are accepted.
public enum TrainingMask {
    /// The distinct 0-based weight indices of `path`, ascending.
    public static func read(_ path: String, base: Int, weights: Int) throws(InputError) -> [Int] {
        let bytes = try InputError.contents(of: path)
        var indices = Set<Int>()
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        for (number, line) in body.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let field = try UTF8Text.decode(line.filter { $0 != 13 && $0 != 32 && $0 != 9 }, file: path, line: number + 1, column: 1)
            if field.isEmpty { continue }
            guard let value = WeightIndexText.parse(field) else {
                throw InputError(file: path, line: number + 1, message: WeightIndexText.problem(field))
            }
            let (index, overflow) = value.subtractingReportingOverflow(base)
            guard !overflow, index >= 0, index < weights else {
                throw InputError(file: path, line: number + 1, message: "index \(value) is outside the network's \(weights) weights (\(base)…\(weights - 1 + base) with --mask-base \(base))")
            }
            indices.insert(index)
        }
        return indices.sorted()
    }
}
