import ChaosPruneFormats
import ChaosPruneSystem

/// Reads one column of a whitespace-separated text series, as TISEAN reads its input.
///
/// Mirrors TISEAN 3.0.0: the first `skipLines` lines are dropped; every other
/// line (ended by `\n`, the last one possibly unterminated) yields its
/// `column`-th number, found by reading `column` numbers in turn as C
/// `scanf("%lf")` does (leading blanks skipped, decimal, exponent, `nan`,
/// `inf` and hex forms accepted, each number ending at the first character
/// that cannot continue it; the value is `strtod`'s, bit for bit, through
/// `FastDecimal/strtod(_:_:)`). A line where that fails is skipped.
/// At most `limit` values are taken. A last line without `\n` is read, and
/// reported (`reachedUnterminatedLine`), since the reference does not read it.
///
/// Edge cases: `1.5,2.0` gives 1.5 in column 1 and nothing in column 2;
/// `\r` counts as a blank, so CRLF files read like LF files.
public struct SeriesReader: Sendable {
    /// The 1-based column to read.
    public var column: Int
    /// Lines to skip at the start (`-x`).
    public var skipLines: Int
    /// The most values to take (`-l`); nil takes all.
    public var limit: Int?

    /// The result of reading a series.
    public struct Series: Sendable {
        /// The values read, in order.
        public var values: [Double]
        /// 1-based numbers of the lines (after the skipped ones) that held no value in the column.
        public var ignoredLines: [Int]
        /// Whether reading reached a last line with no `\n` after it (skipped
        /// or read) before `limit` values were taken. TISEAN's 64-bit build stops
        /// there with exit 12 ("check_alloc: Couldn't allocate enough memory"),
        /// its 32-bit build hangs; the value is still in `values`.
        public var reachedUnterminatedLine = false
    }

    /// Creates a reader for `column` (1-based), skipping `skipLines` lines, taking at most `limit` values.
    public init(column: Int = 1, skipLines: Int = 0, limit: Int? = nil) {
        self.column = column
        self.skipLines = skipLines
        self.limit = limit
    }

    /// Reads the series held in `bytes`.
    public func read(_ bytes: [UInt8]) -> Series {
        var text = bytes.map { $0 == 0 ? UInt8(ascii: " ") : $0 }
        text.append(0)
        var values: [Double] = []
        var ignored: [Int] = []
        let maximum = limit ?? Int.max
        guard maximum > 0 else { return Series(values: [], ignoredLines: []) }
        var unterminated = false
        text.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let end = buffer.count - 1
            var lineStart = 0
            var lineNumber = 0
            while lineStart < end {
                var lineEnd = lineStart
                while lineEnd < end, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if lineEnd == end { unterminated = true }
                lineNumber += 1
                if lineNumber > skipLines {
                    buffer[lineEnd] = 0
                    if let value = number(inLine: base + lineStart, end: base + lineEnd) {
                        values.append(value)
                        if values.count == maximum { return }
                    } else {
                        ignored.append(lineNumber)
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        return Series(values: values, ignoredLines: ignored, reachedUnterminatedLine: unterminated)
    }

    /// The `column`-th number of the line at `line`, NUL-terminated at `end`, or nil.
    private func number(inLine line: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Double? {
        var cursor = line
        var value = 0.0
        for _ in 0..<max(column, 1) {
            let (parsed, after) = FastDecimal.strtod(cursor, end)
            guard after != cursor else { return nil }
            value = parsed
            cursor = after
        }
        return value
    }
}
