import Foundation
import Testing
import TestSupport

/// File names that are not UTF-8, given by a shell as a user gives them.
@Suite("file names that are not UTF-8")
struct NonUTF8NameTests {
    /// Runs `script` with `sh` in `folder`; `$C` is chaosprune, `$L` lyap_r.
    static func shell(_ script: String, in folder: URL) throws -> TestSupport.Run {
        try TestSupport.run("/bin/sh", ["-c", "C=\"$1\"; L=\"$2\"; " + script, "sh",
                                        TestSupport.products.appendingPathComponent("chaosprune").path,
                                        TestSupport.products.appendingPathComponent("lyap_r").path], in: folder)
    }

    static func weights(in folder: URL) throws {
        let rows = (0..<300).map { row in (0..<3).map { String(format: "%.6f", sin(Double(row * 7 + $0 * 13) / 9)) }.joined(separator: ",") }
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("w.csv"))
    }

    @Test("le-window writes out\\xff.csv and its sidecar under exactly those bytes and leaves a file named with U+FFFD alone")
    func outputNamedInBytes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.weights(in: folder)
        let run = try Self.shell("""
            printf 'unrelated\\n' > "$(printf 'out\\357\\277\\275.csv')"
            "$C" le-window w.csv -o "$(printf 'out\\377.csv')" --quiet || exit 9
            test -s "$(printf 'out\\377.csv')" && test -s "$(printf 'out\\377.csv.json')" || exit 8
            cat "$(printf 'out\\357\\277\\275.csv')"
            """, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(String(decoding: run.standardOutput, as: UTF8.self) == "unrelated\n")
    }

    @Test("lyap_r opens s\\xff.dat and writes s\\xff.dat.ros, as TISEAN does, naming the file with its own bytes on stderr")
    func lyapROpensTheFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.shell("""
            name="$(printf 's\\377.dat')"
            printf '1\\n2\\n3\\n5\\n4\\n2\\n7\\n8\\n1\\n3\\n4\\n6\\n2\\n9\\n5\\n3\\n1\\n7\\n4\\n8\\n' > "$name"
            "$L" -s3 "$name" 2>&1 >/dev/null | grep -c "$(printf 'Using s\\377.dat as datafile')" || exit 7
            test -s "$name.ros" || exit 8
            """, in: folder)
        #expect(run.status == 0, "\(run.standardError) \(String(decoding: run.standardOutput, as: UTF8.self))")
    }

    @Test("a message names such a file with its bytes escaped, on one line")
    func messageEscapesBytes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.shell(#""$C" le-window "$(printf 'missing\377.csv')" -o x.csv"#, in: folder)
        #expect(run.status == 1)
        #expect(run.standardError == "chaosprune le-window: error: missing\\x{ff}.csv: cannot read: No such file or directory\n")
    }

    @Test("an output naming the input in other bytes is no clash; the same bytes are", arguments: [("in\\377.csv", "in\\376.csv", 0), ("in\\377.csv", "in\\377.csv", 2)])
    func distinctnessByBytes(_ input: String, _ output: String, _ status: Int32) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.weights(in: folder)
        let run = try Self.shell(#"cp w.csv "$(printf '\#(input)')"; "$C" le-window "$(printf '\#(input)')" -o "$(printf '\#(output)')" --quiet"#, in: folder)
        #expect(run.status == status, "\(run.standardError)")
    }
}
