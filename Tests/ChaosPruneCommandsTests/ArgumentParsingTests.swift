import Testing
import ChaosPruneCommands
import ChaosPruneKit

/// The declarative command layer, in-process: spelling of options, typed
/// values, help generated from the declarations.
@Suite("command layer")
struct ArgumentParsingTests {
    static let window = Option<Int>.integer("window", short: "w", default: 50, in: 2...Int.max, help: "Rows per window.")
    static let offset = Option<Int>.integer("offset", default: 0, in: Int.min...Int.max, help: "Offset.")
    static let quiet = Flag("quiet", short: "q", help: "Quiet.")
    static let threads = Option<Int>.integer("threads", short: "j", default: 1, in: 1...8, help: "Threads.")
    static let parser = ArgumentParser(options: [window.spec, offset.spec, quiet.spec, threads.spec])

    @Test("long, long=value, short attached and separate, bundled flags, -- and - as positionals")
    func spellings() throws {
        let parsed = try Self.parser.parse(["a.csv", "--window=200", "-qj2", "--offset", "-5", "-", "--", "-w"])
        #expect(try parsed.value(Self.window) == 200)
        #expect(try parsed.value(Self.threads) == 2)
        #expect(try parsed.value(Self.offset) == -5)
        #expect(parsed.isSet(Self.quiet))
        #expect(parsed.positionals == ["a.csv", "-", "-w"])
        let separate = try Self.parser.parse(["-w", "60", "-j", "3", "-w70"])
        #expect(try separate.value(Self.window) == 70, "the last occurrence wins")
        #expect(try separate.value(Self.threads) == 3)
        #expect(!separate.isSet(Self.quiet))
        #expect(try Self.parser.parse([]).value(Self.window) == 50, "the declared default")
    }

    @Test("usage errors name the option and what was expected", arguments: [
        (["--frobnicate"], "unknown option '--frobnicate'"),
        (["-qz"], "unknown option '-z' in '-qz'"),
        (["--quiet=yes"], "--quiet takes no value"),
        (["--window"], "--window needs a value <N>"),
        (["-w", "1"], "--window expects a whole number ≥ 2, not '1'"),
        (["-j", "9"], "--threads expects a whole number from 1 to 8, not '9'"),
        (["--window", "9223372036854775808"], "--window expects a whole number ≥ 2, not '9223372036854775808'"),
        (["--bad\u{1}name"], "unknown option '--bad\\u{1}name'"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        #expect(throws: CommandError.usage(message)) {
            let parsed = try Self.parser.parse(arguments)
            _ = try parsed.value(Self.window)
            _ = try parsed.value(Self.threads)
        }
    }

    @Test("every subcommand's help wraps at 80 columns and shows each option's default once")
    func helpLayout() {
        for command in ChaosPrune.commands {
            let help = HelpFormatter.help(for: command, program: "chaosprune")
            #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(command.name)")
            let flowing = help.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            for option in command.allOptions where option.defaultText != nil {
                #expect(flowing.contains("(default: \(option.defaultText!))."), "\(command.name) --\(option.long)")
            }
            #expect(help.contains("USAGE: chaosprune \(command.name) "))
        }
    }

    @Test("the shared option groups are declared once and reused by each stage's command")
    func sharedGroups() {
        let byName = Dictionary(uniqueKeysWithValues: ChaosPrune.commands.map { ($0.name, Set($0.options.map(\.long))) })
        for name in ["le-window", "granger", "pipeline", "demo"] {
            #expect(byName[name]!.isSuperset(of: ["window", "overlap", "threads", "quiet"]), "\(name)")
        }
        for name in ["le-window", "pipeline", "demo", "lyap-r"] { #expect(byName[name]!.contains("arithmetic"), "\(name)") }
        for name in ["granger", "pipeline", "demo"] {
            #expect(byName[name]!.isSuperset(of: ["maxlag", "alpha", "stationarity", "fix-empty"]), "\(name)")
        }
    }

    @Test("version on every subcommand and the top level, in-process")
    func versions() {
        for arguments in [["--version"]] + ChaosPrune.commands.map({ [$0.name, "--version"] }) {
            let console = Console(.buffers)
            #expect(ChaosPrune.main(arguments, console: console) == 0)
            #expect(console.capturedOutput == ToolVersion.text + "\n")
            #expect(console.capturedError.isEmpty)
        }
    }
}
