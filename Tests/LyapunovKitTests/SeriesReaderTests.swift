import Testing
import LyapunovKit

@Suite("series reader")
struct SeriesReaderTests {
    private func read(_ text: String, column: Int = 1, skip: Int = 0, limit: Int? = nil) -> [Double] {
        SeriesReader(column: column, skipLines: skip, limit: limit).read(Array(text.utf8)).values
    }

    @Test("reading column c skips c-1 numbers; a comma ends a number")
    func columns() {
        #expect(read("1 2 3\n4 5 6\n", column: 2) == [2, 5])
        #expect(read("1.5,2.0\n", column: 1) == [1.5])
        #expect(read("1.5,2.0\n", column: 2) == [])
    }

    @Test("lines without a number in the column are skipped")
    func unparsableLines() {
        let series = SeriesReader(column: 1).read(Array("# t x\n1\n\nfoo\n2".utf8))
        #expect(series.values == [1, 2])
        #expect(series.ignoredLines == [1, 3, 4])
    }

    @Test("-x skips lines, -l limits values")
    func skipAndLimit() {
        #expect(read("9\n1\n2\n3\n", skip: 1, limit: 2) == [1, 2])
        #expect(read("1\n2\n", limit: 0) == [])
    }

    @Test("CRLF, exponents, hex and an unterminated last line")
    func numberForms() {
        #expect(read("\r\n1e-2\r\n0x10\r\n-3") == [0.01, 16, -3])
    }

    @Test("a last line without newline is reported when reading reaches it, skipped or read, and not when -l stops before it",
          arguments: [("1\n2\n3", nil, 0, true), ("1\n2\n3", 3, 0, true), ("1\n2\n3", 2, 0, false), ("1\n2\n3", nil, 5, true),
                      ("1\n2\n  ", nil, 0, true), ("1\n2\n3\n", nil, 0, false), ("1\n2\n\n", nil, 0, false), ("", nil, 0, false)])
    func unterminatedLine(_ text: String, _ limit: Int?, _ skip: Int, _ reached: Bool) {
        #expect(SeriesReader(skipLines: skip, limit: limit).read(Array(text.utf8)).reachedUnterminatedLine == reached)
    }

    @Test("NaN and infinity are read as values (the engine refuses them)")
    func nonFinite() {
        let values = read("nan\ninf\n")
        #expect(values.count == 2 && values[0].isNaN && values[1] == .infinity)
    }
}
