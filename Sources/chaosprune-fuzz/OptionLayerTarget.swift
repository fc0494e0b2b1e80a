import ChaosPruneCommands
import ChaosPruneFormats
import ChaosPruneKit

/// The `chaosprune` option layer: a subcommand's declared options parsed from
/// NUL-separated tokens, and the value converters the subcommands apply
/// (numbers, `--layers` shapes, `FILE@A:B` shard ranges). The first token
/// names the subcommand; one that names none picks one by its bytes' sum.
enum OptionLayerTarget {
    static func run(_ bytes: [UInt8]) {
        let tokens = FuzzInput(bytes).tokens
        let name = tokens.first ?? ""
        let command = ChaosPrune.commands.first { $0.name == name }
            ?? ChaosPrune.commands[name.utf8.reduce(0) { $0 + Int($1) } % ChaosPrune.commands.count]
        let arguments = Array(tokens.dropFirst())
        _ = try? command.parse(arguments)
        for token in arguments {
            _ = MaskFlags.layers(token)
            if let shard = ShardMerge.Shard.split(argument: token), !shard.path.contains("/") {
                _ = try? ShardMerge.Shard(path: shard.path, weights: shard.weights)
            }
        }
    }
}
