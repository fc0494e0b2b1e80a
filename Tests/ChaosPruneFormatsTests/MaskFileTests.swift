import ChaosPruneFormats
import Testing

/// `MaskFile`: the one mask reader every command uses, with one set of rules.
@Suite("mask file")
struct MaskFileTests {
    func parse(_ text: String, offset: Int = 0, weights: Int? = 40) throws(InputError) -> [Int] {
        try MaskFile.parse(Array(text.utf8), file: "m.csv", offset: offset, weights: weights)
    }

    @Test("the same indices whatever the spelling: BOM, CRLF, blanks around an index, no final newline, trailing blank lines", arguments: [
        "17\n9\n9\n", "\u{FEFF}17\r\n9\r\n9\r\n", " 17\t\n\t9 \n9", "17\n9\n9\n\n\r\n  \n", "\u{FEFF}17\n 9\r\n9",
    ])
    func spellings(text: String) throws {
        #expect(try parse(text) == [17, 9, 9])
    }

    @Test("an empty file, or one of blank lines only, masks nothing", arguments: ["", "\u{FEFF}", "\n", "\r\n\r\n", " \n\t\n"])
    func empty(text: String) throws {
        #expect(try parse(text).isEmpty)
    }

    @Test("the offset is subtracted: 0-based, 1-based and the MNIST script's absolute positions")
    func offsets() throws {
        #expect(try parse("17\n9\n", offset: 1) == [16, 8])
        #expect(try parse("39200\n40999\n", offset: 39_200, weights: 1_800) == [0, 1_799])
        #expect(try parse("5\n123456\n", weights: nil) == [5, 123_456])
    }

    @Test("a damaged mask is refused at its line and field, with what was expected", arguments: [
        ("3\n\n4\n", 40, 0, 2, 1, "a blank line inside the mask; expected one weight index per line (blank lines may only end the file)"),
        ("3\n \r\n\t\n4\n", 40, 0, 2, 1, "a blank line inside the mask; expected one weight index per line (blank lines may only end the file)"),
        ("3\n4,5\n", 40, 0, 2, 2, "expected one weight index (a whole number) per line, found '4,5'"),
        ("3\n2.5\n", 40, 0, 2, 1, "expected a weight index (a whole number), found '2.5'"),
        ("x\n", 40, 0, 1, 1, "expected a weight index (a whole number), found 'x'"),
        ("99999999999999999999\n", 40, 0, 1, 1, "index 99999999999999999999 is beyond any network's weights (at most 9223372036854775807)"),
        ("1\n40\n", 40, 0, 2, 1, "index 40 is outside the network's 40 weights (0…39)"),
        ("0\n", 40, 1, 1, 1, "index 0 is outside the network's 40 weights (1…40, counting from 1)"),
        ("-1\n", 40, 0, 1, 1, "index -1 is outside the network's 40 weights (0…39)"),
    ] as [(String, Int, Int, Int, Int, String)])
    func refused(text: String, weights: Int, offset: Int, line: Int, column: Int, message: String) {
        #expect(throws: InputError(file: "m.csv", line: line, column: column, message: message)) {
            try parse(text, offset: offset, weights: weights)
        }
    }

    @Test("an index below the offset is refused when the network's size is not known")
    func belowOffset() {
        #expect(throws: InputError(file: "m.csv", line: 2, column: 1, message: "index -3 is below the first index, 0")) {
            try parse("5\n-3\n", weights: nil)
        }
    }

    @Test("bytes that are not UTF-8 are refused, never replaced")
    func notUTF8() {
        #expect(throws: InputError.self) { try MaskFile.parse([0x31, 10, 0xFF, 10], file: "m.csv", weights: 40) }
    }

    @Test("the writer writes what the reader reads: one index per line, \\n, plus the offset")
    func roundTrip() throws {
        #expect(MaskFile.text([3, 0, 17]) == Array("3\n0\n17\n".utf8))
        #expect(MaskFile.text([0, 5], offset: 39_200) == Array("39200\n39205\n".utf8))
        #expect(try MaskFile.parse(MaskFile.text([9, 2, 9], offset: 1), file: "m.csv", offset: 1, weights: 10) == [9, 2, 9])
        #expect(MaskFile.text([]).isEmpty)
    }
}
