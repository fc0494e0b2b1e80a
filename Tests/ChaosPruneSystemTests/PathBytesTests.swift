import ChaosPruneSystem
import SyntheticData
import Testing

@Suite("file-name bytes")
struct PathBytesTests {
    @Test("any byte string decodes and encodes back to itself: stray, truncated and overlong sequences, surrogates, values above U+10FFFF, and the escape scalars' own UTF-8", arguments: 0..<6)
    func roundTrip(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &+ 3)
        let pieces: [[UInt8]] = [[0xFF], [0x80], [0xC3], [0xC3, 0xA9], [0xE2, 0x82], [0xE2, 0x82, 0xAC], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
                                 [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBE, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF0, 0x9F, 0x98, 0x80], [0x61], [0x2F]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                bytes += Bool.random(using: &random) ? pieces.randomElement(using: &random)! : [UInt8.random(in: 0...255, using: &random)]
            }
            #expect(PathBytes.encode(PathBytes.decode(bytes)) == bytes, "\(bytes)")
        }
    }

    @Test("valid UTF-8 decodes as usual; a byte outside it is one scalar of its own, which names the byte")
    func decoding() {
        #expect(PathBytes.decode(Array("héllo €.csv".utf8)) == "héllo €.csv")
        let name = PathBytes.decode([0x6F, 0x75, 0x74, 0xFF, 0x2E, 0x63, 0x73, 0x76])
        #expect(name.unicodeScalars.count == 8 && name.hasPrefix("out") && name.hasSuffix(".csv"))
        #expect(name != "out\u{FFFD}.csv")
        #expect(PathBytes.byte(of: name.unicodeScalars[name.unicodeScalars.index(name.unicodeScalars.startIndex, offsetBy: 3)]) == 0xFF)
        #expect(PathBytes.encode(name + ".json") == [0x6F, 0x75, 0x74, 0xFF] + Array(".csv.json".utf8))
        #expect(PathBytes.byte(of: "é") == nil)
    }
}
