import ChaosPruneSystem

/// Streams the rows of a headerless numeric CSV file (the weights CSV and the
/// other files of the original pipeline), a block of rows at a time.
///
/// Mirrors what MATLAB `csvread`, `numpy.loadtxt` and pandas accept from files
/// written by Python `csv.writer`, pandas `to_csv` and `numpy.savetxt`:
/// comma-separated numbers, `\n` or `\r\n` line ends, an optional UTF-8 BOM, a
/// final line with or without newline. Numbers are converted exactly, to the
/// double `strtod` gives (``FastDecimal``). Blank lines at the end of the file are ignored.
///
/// Edge cases (errors, with line and column): a blank line before the end, a
/// row with another number of fields than the first, an empty field, text that
/// is not a number, and — unless allowed — NaN or an infinity.
///
/// Memory: the text of the rows being read plus one read chunk; never the file.
public final class NumericCSVReader: RecordingReader {
    /// The file name used in messages (`-` for standard input).
    public let path: String
    /// The number of fields of every row, known after the first row.
    public private(set) var columnCount: Int?
    /// Rows read so far.
    public private(set) var rowsRead = 0
    /// Bytes consumed so far (for progress).
    public var bytesConsumed: Int { input.bytesConsumed }
    /// The file's size in bytes, where known (for progress).
    public let totalBytes: Int?
    /// Whether NaN and infinities are accepted.
    public var allowNonFinite = false
    /// The checksums of the first and last lines read (without line ends).
    public var fingerprint: RecordingFingerprint? { firstLineChecksum.map { RecordingFingerprint(first: $0, last: lastLineChecksum) } }

    private var firstLineChecksum: UInt32?
    private var lastLineChecksum: UInt32 = 0

    private let input: ChunkedInput
    private var lineNumber = 0
    private var pendingBlankLine: Int?

    /// Opens `path` (`-` for standard input).
    public init(path: String) throws(InputError) {
        self.path = path
        do {
            input = try ChunkedInput(path: path, chunk: 1 << 22, terminator: 0)
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        }
        totalBytes = input.totalBytes
    }

    /// A block of rows: `count` rows of `columns` selected values each.
    private struct Block {
        /// Rows in the block.
        var count = 0
        /// Physical line number (1-based) of each row.
        var lines: [Int] = []
    }

    /// Reads up to `maximum` rows, parsing the fields in `selected` (0-based;
    /// nil = all) with `threads` threads, and passes each value to `store(row, selectedIndex, value)`
    /// (row relative to the block). Returns the rows read: 0 at the end of the file.
    @discardableResult
    public func readRows(_ maximum: Int, selected: Range<Int>? = nil, threads: Int,
                         store: (Int, Int, Double) -> Void) throws(InputError) -> Int {
        var lineStarts: [Int] = []
        var lineEnds: [Int] = []
        var block = Block()
        var blankLineError: InputError?
        while block.count < maximum {
            guard let (lineStart, lineEnd) = try nextLine() else { break }
            var contentEnd = lineEnd
            if contentEnd > lineStart, input.buffer[contentEnd - 1] == 13 { contentEnd -= 1 }
            if isBlank(lineStart, contentEnd) {
                if pendingBlankLine == nil { pendingBlankLine = lineNumber }
                continue
            }
            if let blank = pendingBlankLine {
                // Reported after the lines before it are parsed, so an earlier bad field comes first.
                blankLineError = InputError(file: path, line: blank, message: "blank line inside the data; expected \(columnCount ?? 1) comma-separated numbers")
                break
            }
            if columnCount == nil {
                columnCount = input.buffer.withUnsafeBufferPointer { FieldParser.countFields($0.baseAddress! + lineStart, $0.baseAddress! + contentEnd) }
            }
            lineStarts.append(lineStart)
            lineEnds.append(contentEnd)
            block.lines.append(lineNumber)
            block.count += 1
        }
        guard block.count > 0, let columns = columnCount else {
            if let blankLineError { throw blankLineError }
            return 0
        }
        let fields = selected ?? 0..<columns
        if fields.upperBound > columns {
            throw InputError(file: path, line: block.lines[0], message: "the file has \(columns) columns; columns \(fields.lowerBound + 1)…\(fields.upperBound) were asked for")
        }
        try parse(lineStarts: lineStarts, lineEnds: lineEnds, lines: block.lines, columns: columns,
                  fields: fields, threads: threads, store: store)
        if let blankLineError { throw blankLineError }
        input.buffer.withUnsafeBufferPointer { bytes in
            if firstLineChecksum == nil { firstLineChecksum = RecordingFingerprint.checksum(bytes[lineStarts[0]..<lineEnds[0]]) }
            lastLineChecksum = RecordingFingerprint.checksum(bytes[lineStarts[block.count - 1]..<lineEnds[block.count - 1]])
        }
        rowsRead += block.count
        input.compact()
        return block.count
    }

    /// Reads, and so checks, every remaining row.
    public func skipRemainingRows(threads: Int) throws(InputError) {
        while try readRows(max(1, (32 << 20) / max(1, bytesConsumed / max(1, rowsRead))), threads: threads, store: { _, _, _ in }) > 0 {}
    }

    private func parse(lineStarts: [Int], lineEnds: [Int], lines: [Int], columns: Int, fields: Range<Int>,
                       threads: Int, store: (Int, Int, Double) -> Void) throws(InputError) {
        let count = lineStarts.count
        let workers = max(1, min(threads, count / 8 + 1))
        let failures = FailureBox(count: workers)
        let allowNonFinite = self.allowNonFinite
        input.buffer.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress!
            let work = { (worker: Int) in
                let first = count * worker / workers
                let last = count * (worker + 1) / workers
                for row in first..<last {
                    do throws(FieldParser.Failure) {
                        try FieldParser.parse(base + lineStarts[row], base + lineEnds[row], expected: columns, selected: fields,
                                              allowNonFinite: allowNonFinite) { field, value in
                            store(row, field - fields.lowerBound, value)
                        }
                    } catch {
                        failures.record(worker, row: row, error)
                        return
                    }
                }
            }
            ParallelLoop.run(workers, work)
        }
        if let (row, failure) = failures.first {
            throw describe(failure, line: lines[row], columns: columns)
        }
    }

    private func describe(_ failure: FieldParser.Failure, line: Int, columns: Int) -> InputError {
        switch failure {
        case let .emptyField(column):
            return InputError(file: path, line: line, column: column, message: "empty field; expected a number")
        case let .notANumber(column, text):
            return InputError(file: path, line: line, column: column, message: "expected a number, found '\(text)'")
        case let .nonFinite(column, text):
            return InputError(file: path, line: line, column: column, message: "'\(text)' is not a finite number; weights must be finite")
        case let .fieldCount(found):
            return InputError(file: path, line: line, message: "ragged row: \(found) fields, expected \(columns) like the first row")
        }
    }

    /// The longest line read: 512 MiB, twice a row of the 10 million weights
    /// `train` records at most, so an input without line ends (`/dev/zero`)
    /// is refused instead of read without end.
    public static let longestLine = 1 << 29

    /// The next physical line as byte offsets `[start, end)` without its `\n`, or nil at the end.
    private func nextLine() throws(InputError) -> (Int, Int)? {
        do {
            try input.skipByteOrderMark()
            let start = input.start
            var searched = start
            while true {
                if let newline = indexOfNewline(from: searched) {
                    input.start = newline + 1
                    lineNumber += 1
                    return (start, newline)
                }
                searched = input.end
                if input.endOfFile {
                    guard start < input.end else { return nil }
                    input.start = input.end
                    lineNumber += 1
                    return (start, input.end)
                }
                if input.end - start > Self.longestLine {
                    throw LineTooLong()
                }
                try input.fill()
            }
        } catch is LineTooLong {
            throw InputError(file: path, line: lineNumber + 1,
                             message: "more than \(Self.longestLine >> 20) MiB without a line end; expected lines of comma-separated numbers")
        } catch let error as SystemError {
            throw InputError(file: path, message: "cannot read: \(error.reason)")
        } catch {
            throw InputError(file: path, message: "cannot read: \(error)")
        }
    }

    private struct LineTooLong: Error {}

    private func indexOfNewline(from offset: Int) -> Int? {
        let limit = input.end
        guard offset < limit else { return nil }
        return input.buffer.withUnsafeBufferPointer { bytes -> Int? in
            Platform.firstIndex(of: 10, in: bytes.baseAddress! + offset, count: limit - offset).map { $0 + offset }
        }
    }

    private func isBlank(_ from: Int, _ to: Int) -> Bool {
        input.buffer.withUnsafeBufferPointer { bytes in
            bytes[from..<to].allSatisfy { $0 == 32 || $0 == 9 }
        }
    }
}

/// The first parse failure per worker, read after all workers finish.
private final class FailureBox: Sendable {
    private let failures: Locked<[(row: Int, error: FieldParser.Failure)?]>

    init(count: Int) { failures = Locked(Array(repeating: nil, count: count)) }

    func record(_ worker: Int, row: Int, _ error: FieldParser.Failure) {
        failures.withLock { $0[worker] = (row, error) }
    }

    /// The failure on the earliest row.
    var first: (Int, FieldParser.Failure)? {
        failures.withLock { $0.compactMap { $0 }.min { $0.row < $1.row }.map { ($0.row, $0.error) } }
    }
}
