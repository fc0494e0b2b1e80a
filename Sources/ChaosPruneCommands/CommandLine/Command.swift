import ChaosPruneKit
import ChaosPruneSystem

/// One subcommand, declared: its name, what it does, its options (one
/// ``OptionGroup`` value, which the body reads them through), and its body. Help, `--help`, `--version`,
/// option parsing and the error format come from here for every subcommand.
public struct Command: Sendable {
    /// The name typed after the program (`le-window`).
    public var name: String
    /// One line for the overview and the help's first line.
    public var abstract: String
    /// The arguments part of the usage line (`WEIGHTS.csv -o FILE [options]`).
    public var usage: String
    /// Paragraphs for the help (wrapped at 80 columns).
    public var discussion: String
    /// Example command lines.
    public var examples: [String]
    /// The command's options, in help order: derived from its option group.
    public let options: [OptionSpec]
    /// The body: returns the exit status or throws a `CommandError`.
    public var body: @Sendable (Invocation) throws(CommandError) -> ExitStatus
    /// The status of a failed run: ``ExitStatus/failure``, or for `compare`
    /// ``ExitStatus/trouble`` (its 1 means "different", as `cmp`'s).
    public var failureStatus: ExitStatus

    /// Declares a command whose body reads the options of `options`.
    public init<Options: OptionGroup>(name: String, abstract: String, usage: String, discussion: String = "", examples: [String] = [],
                                      options: Options, failureStatus: ExitStatus = .failure,
                                      body: @escaping @Sendable (Invocation, Options) throws(CommandError) -> ExitStatus) {
        self.name = name
        self.abstract = abstract
        self.usage = usage
        self.discussion = discussion
        self.examples = examples
        self.options = options.specs
        self.failureStatus = failureStatus
        self.body = { invocation throws(CommandError) in try body(invocation, options) }
    }

    static let help = Flag("help", short: "h", help: "Show this help and exit.")
    static let version = Flag("version", help: "Show the version and exit.")

    /// The options with `--version` and `--help` appended.
    package var allOptions: [OptionSpec] { options + [Self.version.spec, Self.help.spec] }

    /// Sorts `arguments` by this command's options (with `--help` and `--version`).
    public func parse(_ arguments: [String]) throws(CommandError) -> ParsedArguments {
        try ArgumentParser(options: allOptions).parse(arguments)
    }

    /// Parses `arguments` and runs the body; prints help, version and errors
    /// to `console`; returns the exit status.
    public func run(_ arguments: [String], console: Console, program: String) -> ExitStatus {
        let name = "\(program) \(self.name)"
        do {
            let parsed = try parse(arguments)
            if parsed.isSet(Self.help) {
                return console.finish(printing: HelpFormatter.help(for: self, program: program), program: name, failure: failureStatus)
            }
            if parsed.isSet(Self.version) {
                return console.finish(printing: ToolVersion.text + "\n", program: name, failure: failureStatus)
            }
            let status = try body(Invocation(arguments: parsed, console: console, program: name))
            return console.reportingOutputFailure(program: name, status: failureStatus) ?? status
        } catch {
            console.report(error, program: name)
            if case .usage = error { return .usage }
            return failureStatus
        }
    }
}

/// What a command body receives: its parsed arguments and its console.
public struct Invocation: Sendable {
    /// The parsed command line.
    public var arguments: ParsedArguments
    /// Where text goes.
    public var console: Console
    /// `chaosprune le-window`: the prefix of errors and warnings.
    public var program: String

    /// Prints each warning in the one warning format.
    public func warn(_ warnings: [StageWarning]) {
        for warning in warnings { console.warn(warning.description, program: program) }
    }

    /// Prints each experiment warning, trial and variant first, in the one warning format.
    public func warn(_ warnings: [ExperimentWarning]) {
        for warning in warnings { console.warn(warning.description, program: program) }
    }

    /// Requires exactly `count` positional arguments, described by `description` in the error,
    /// at most one of them standard input (`-`).
    public func positionals(_ count: Int, _ description: String) throws(CommandError) -> [String] {
        guard arguments.positionals.count == count else {
            throw .usage("expected \(description), got \(arguments.positionals.count) argument(s) (see --help)")
        }
        guard arguments.positionals.count(where: { $0 == "-" }) <= 1 else {
            throw .usage("standard input (-) can be read only once: name at most one input -")
        }
        return arguments.positionals
    }

    /// Runs a stage body, turning whatever it throws into a failed run (exit 1).
    public func stage<T>(_ body: () throws -> T) throws(CommandError) -> T {
        do { return try body() } catch { throw CommandError.failure(from: error) }
    }
}
