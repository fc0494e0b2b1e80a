import ChaosPruneCommands
import Foundation
import Testing
import TestSupport

/// The command reference is generated from the declarations, and the declarations are sound.
@Suite("command reference and declarations")
struct CommandReferenceTests {
    static let article = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ChaosPruneCommands/ChaosPruneCommands.docc/CommandReference.md")

    @Test("the checked-in command reference is what the declarations generate")
    func articleIsGenerated() throws {
        let generated = MarkdownReference.article(for: ChaosPrune.commands, program: ChaosPrune.program)
        #expect(try String(contentsOf: Self.article, encoding: .utf8) == generated,
                "regenerate: swift run chaosprune help --markdown > Sources/ChaosPruneCommands/ChaosPruneCommands.docc/CommandReference.md")
    }

    @Test("'chaosprune help --markdown' prints the reference")
    func helpMarkdown() throws {
        let console = Console(.buffers)
        #expect(ChaosPrune.main(["help", "--markdown"], console: console) == 0)
        #expect(console.capturedOutput == MarkdownReference.article(for: ChaosPrune.commands, program: ChaosPrune.program))
    }

    @Test("every subcommand's long option names and short flags are unique, --help and --version included",
          arguments: ChaosPrune.commands.map(\.name))
    func uniqueOptionNames(_ name: String) throws {
        let command = try #require(ChaosPrune.commands.first { $0.name == name })
        let longs = command.allOptions.map(\.long)
        let shorts = command.allOptions.compactMap(\.short)
        #expect(Set(longs).count == longs.count, "repeated: \(longs.filter { long in longs.count { $0 == long } > 1 })")
        #expect(Set(shorts).count == shorts.count, "repeated: \(shorts.filter { short in shorts.count { $0 == short } > 1 })")
    }

    @Test("subcommand names are unique")
    func uniqueCommandNames() {
        let names = ChaosPrune.commands.map(\.name)
        #expect(Set(names).count == names.count)
    }
}

/// The helper every end-to-end test runs products through.
@Suite("process helper")
struct ProcessHelperTests {
    @Test("a child writing far more than a pipe holds to both stderr and stdout finishes, every byte read")
    func largeStreams() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "head -c 300000 /dev/zero | tr '\\000' e >&2; head -c 300000 /dev/zero | tr '\\000' o; head -c 300000 /dev/zero | tr '\\000' e >&2"
        let run = try TestSupport.run("/bin/sh", ["-c", script], in: folder)
        #expect(run.status == 0)
        #expect(run.standardError.utf8.count == 600_000 && run.standardError.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
        #expect(run.standardOutput.count == 300_000 && run.standardOutput.allSatisfy { $0 == UInt8(ascii: "o") })
    }
}
