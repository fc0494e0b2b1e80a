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

/// A command's options come from the one group its body reads them through.
@Suite("option groups")
struct OptionGroupTests {
    struct Inner: OptionGroup {
        let depth = Option<Int>.integer("depth", default: 1, in: 1...9, help: "Depth.")
    }

    struct Outer: OptionGroup {
        let name = Option<String>.text("name", short: "n", valueName: "NAME", help: "Name.")
        let inner = Inner()
        let loud = Flag("loud", help: "Loud.")
        let notAnOption = 42
    }

    @Test("the option list is the group's options in declaration order, nested groups in place, other properties ignored")
    func derivedList() {
        let command = Command(name: "probe", abstract: "A probe.", usage: "[options]", options: Outer()) { _, _ in .success }
        #expect(command.options.map(\.long) == ["name", "depth", "loud"])
        #expect(command.allOptions.map(\.long) == ["name", "depth", "loud", "version", "help"])
    }

    @Test("the body reads the values through the same group")
    func bodyReadsGroup() {
        let console = Console(.buffers)
        let command = Command(name: "probe", abstract: "A probe.", usage: "[options]", options: Outer()) { invocation, options throws(CommandError) in
            let depth = try invocation.arguments.value(options.inner.depth)
            invocation.console.output("\(try invocation.arguments.value(options.name)) \(depth) \(invocation.arguments.isSet(options.loud))\n")
            return .success
        }
        #expect(command.run(["-n", "x", "--depth=3", "--loud"], console: console, program: "test") == .success)
        #expect(console.capturedOutput == "x 3 true\n")
    }
}
