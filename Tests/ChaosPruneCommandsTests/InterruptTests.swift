import Foundation
import Testing
import TestSupport

/// SIGINT, SIGTERM and SIGHUP: the temporary file (or staging folder) goes, the previous output stays, the status is 128 + signal.
@Suite("interrupts")
struct InterruptTests {
    /// Runs `$COMMAND` (chaosprune's arguments, its input `-`) reading a FIFO that stays open, interrupts it
    /// once a name matching `$PATTERN` appears, and reports what was left.
    static let script = """
        mkfifo in.fifo
        "$CHAOSPRUNE" $COMMAND -q < in.fifo 2>/dev/null & pid=$!
        exec 3> in.fifo
        printf '0.1,0.2\\n' >&3
        for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
          ls -a | grep -q "$PATTERN" && break
          sleep 0.1
        done
        ls -a | grep -c "$PATTERN" > during.txt
        kill -s "$SIGNAL" $pid
        wait $pid
        echo $? > status.txt
        exec 3>&-
        rm in.fifo
        """

    /// Runs `script` for `command` in `folder` and checks that the run had made a name matching `pattern` when `signal` came, and ended with `status`.
    static func interrupt(_ command: String, once pattern: String, with signal: String, status: String, in folder: URL) throws {
        let shell = try TestSupport.run("/bin/sh", ["-c", script], in: folder, environment: [
            "CHAOSPRUNE": TestSupport.products.appendingPathComponent("chaosprune").path, "SIGNAL": signal,
            "COMMAND": command, "PATTERN": pattern,
        ])
        #expect(shell.status == 0, "\(shell.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("during.txt"), encoding: .utf8) == "1\n", "the run had made \(pattern)")
        #expect(try String(contentsOf: folder.appendingPathComponent("status.txt"), encoding: .utf8) == "\(status)\n")
    }

    @Test("an interrupted le-window removes its temporary file, keeps the previous output and exits 128 + signal",
          arguments: [("INT", "130"), ("TERM", "143"), ("HUP", "129")])
    func interrupted(_ signal: String, _ status: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("previous\n".utf8).write(to: folder.appendingPathComponent("out.csv"))
        try Self.interrupt("le-window - -o out.csv", once: "\\.tmp$", with: signal, status: status, in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["during.txt", "out.csv", "status.txt"])
        #expect(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8) == "previous\n")
    }

    @Test("an interrupted pipeline removes its staging folder and whatever it staged, keeps the previous run's folder and exits 128 + signal",
          arguments: [("INT", "130"), ("TERM", "143"), ("HUP", "129")])
    func interruptedPipeline(_ signal: String, _ status: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(String(repeating: "0.5,0.5\n", count: 200).utf8).write(to: folder.appendingPathComponent("acc.csv"))
        let run = folder.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("previous\n".utf8).write(to: run.appendingPathComponent("window_LE_1.csv"))
        try Self.interrupt("pipeline - acc.csv --out run", once: "\\.staging$", with: signal, status: status, in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["acc.csv", "during.txt", "run", "status.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.path) == ["window_LE_1.csv"])
        #expect(try String(contentsOf: run.appendingPathComponent("window_LE_1.csv"), encoding: .utf8) == "previous\n")
    }
}
