import ChaosPruneFormats

/// The MNIST samples as the authors' scripts read them: `mnist.csv` in
/// Kaggle's "Digit Recognizer" layout (`label,pixel0,…,pixel783`, then one
/// digit per line: its label 0–9 and 784 pixel values, raw 0–255), split in
/// file order into the first int(0.7·N) rows for training and the rest for
/// testing, pixels unscaled as float32.
///
/// Mirrors `pd.read_csv` then float64 then float32: a pixel may be any
/// finite decimal number (rounded to float32 once, through the double);
/// blank lines are skipped; a line over 1 MiB is refused.
public struct MnistData: Sendable {
    /// Pixels, 784 per sample, samples in file order.
    public var pixels: [Float]
    /// Labels 0–9 in file order.
    public var labels: [UInt8]
    /// Samples 0 ..< trainCount train; the rest test.
    public var trainCount: Int

    /// All samples.
    public var count: Int { labels.count }
    /// The test samples' count.
    public var testCount: Int { count - trainCount }

    /// Creates data from samples in file order; the split is int(0.7·N).
    public init(pixels: [Float], labels: [UInt8]) {
        self.pixels = pixels
        self.labels = labels
        trainCount = Int(0.7 * Double(labels.count))
    }

    /// The header the file must start with.
    public static let header = (["label"] + (0..<MnistLayout.inputs).map { "pixel\($0)" }).joined(separator: ",")

    /// `folder/mnist.csv`.
    public static func load(from folder: String) throws(InputError) -> MnistData {
        try read("\(folder)/mnist.csv")
    }

    /// Reads a file of this layout.
    ///
    /// - Throws: `InputError` at the line and field of a wrong header, a line
    ///   with other than 785 fields, a label that is not a whole number 0–9, a
    ///   pixel that is not a finite number, or when train or test would be empty.
    public static func read(_ path: String) throws(InputError) -> MnistData {
        let lines = try LineReader(path: path, longestLine: longestLine)
        guard let first = try lines.next() else { throw InputError(file: path, message: "empty file; expected the header \(shortHeader)") }
        guard first.elementsEqual(header.utf8) else {
            let found = first.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            let names = header.utf8.split(separator: UInt8(ascii: ","))
            let column = (0..<min(found.count, names.count)).first { !found[$0].elementsEqual(names[$0]) } ?? min(found.count, names.count)
            throw InputError(file: path, line: 1, column: column + 1, message: "expected the header \(shortHeader) (785 columns; found \(found.count))")
        }
        var pixels: [Float] = []
        var labels: [UInt8] = []
        while let line = try lines.next() {
            if line.isEmpty { continue }
            let row = lines.lineNumber
            try line.withUnsafeBufferPointer { (bytes) throws(InputError) in
                var column = 0
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ",") {
                    column += 1
                    guard column <= 785 else {
                        throw InputError(file: path, line: row, column: column, message: "more than 785 fields; expected a label and 784 pixels")
                    }
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    start = index + 1
                    if column == 1 {
                        guard let label = wholeNumber(text), label <= 9 else {
                            throw InputError(file: path, line: row, column: 1, message: "the label must be a whole number 0–9, found '\(ArgumentText.printable(bytes: Array(text)))'")
                        }
                        labels.append(UInt8(label))
                    } else if let value = wholeNumber(text) {
                        pixels.append(Float(value))
                    } else {
                        let string = try UTF8Text.decode(Array(text), file: path, line: row, column: column)
                        pixels.append(Float(try CSVRecords.number(string, file: path, line: row, column: column)))
                    }
                }
                guard column == 785 else {
                    throw InputError(file: path, line: row, column: column, message: "\(column) fields; expected a label and 784 pixels")
                }
            }
        }
        let data = MnistData(pixels: pixels, labels: labels)
        guard data.trainCount > 0, data.testCount > 0 else {
            throw InputError(file: path, message: "\(data.count) samples: the 70/30 split leaves no training or no test sample")
        }
        return data
    }

    private static let shortHeader = "label,pixel0,…,pixel783"

    /// The longest line read: 1 MiB, fifty times a line of 785 fields of 25 characters.
    static let longestLine = 1 << 20

    /// The value of a field of 1–9 decimal digits, else nil.
    private static func wholeNumber(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var value = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
