import Foundation
import Testing
import TestSupport

/// SIGINT, SIGTERM and SIGHUP: the temporary file goes, the previous output stays, the status is 128 + signal.
@Suite("interrupts")
struct InterruptTests {
    /// Runs le-window reading a FIFO that stays open, interrupts it once it writes, and reports what was left.
    static let script = """
        mkfifo in.fifo
        "$CHAOSPRUNE" le-window - -o out.csv -q < in.fifo 2>/dev/null & pid=$!
        exec 3> in.fifo
        printf '0.1,0.2\\n' >&3
        for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
          ls -a | grep -q '\\.tmp$' && break
          sleep 0.1
        done
        ls -a | grep -c '\\.tmp$' > during.txt
        kill -s "$SIGNAL" $pid
        wait $pid
        echo $? > status.txt
        exec 3>&-
        rm in.fifo
        """

    @Test("an interrupted le-window removes its temporary file, keeps the previous output and exits 128 + signal",
          arguments: [("INT", "130"), ("TERM", "143"), ("HUP", "129")])
    func interrupted(_ signal: String, _ status: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("previous\n".utf8).write(to: folder.appendingPathComponent("out.csv"))
        let run = try TestSupport.run("/bin/sh", ["-c", Self.script], in: folder, environment: [
            "CHAOSPRUNE": TestSupport.products.appendingPathComponent("chaosprune").path, "SIGNAL": signal,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("during.txt"), encoding: .utf8) == "1\n", "the run was writing its temporary file")
        #expect(try String(contentsOf: folder.appendingPathComponent("status.txt"), encoding: .utf8) == "\(status)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["during.txt", "out.csv", "status.txt"])
        #expect(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8) == "previous\n")
    }
}
