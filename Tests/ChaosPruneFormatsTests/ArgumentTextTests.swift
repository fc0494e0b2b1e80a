import ChaosPruneFormats
import Testing

/// How user text appears in messages: escaped, and cut where it is long.
@Suite("argument text in messages")
struct ArgumentTextTests {
    @Test("a long path keeps its file name whole and loses the middle; other long text loses its end")
    func longText() {
        let folder = "/work/" + String(repeating: "a-rather-long-folder-name-", count: 4)
        #expect(ArgumentText.printable(folder + "/weights.csv") == String((folder + "/weights.csv").prefix(48)) + "…/weights.csv")
        let name = String(repeating: "n", count: 100)
        #expect(ArgumentText.printable("/tmp/" + name) == "…/" + name)
        #expect(ArgumentText.printable(String(repeating: "x", count: 61)) == String(repeating: "x", count: 60) + "…")
        #expect(ArgumentText.printable("/short/path.csv") == "/short/path.csv")
        #expect(ArgumentText.printable("dir\n/" + String(repeating: "f", count: 70)) == "…/" + String(repeating: "f", count: 70))
    }
}
