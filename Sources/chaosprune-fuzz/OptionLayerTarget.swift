import ChaosPruneCommands
import ChaosPruneFormats
import ChaosPruneKit

/// The `chaosprune` option layer: a subcommand's declared options parsed from
/// NUL-separated tokens, and the value converters the subcommands apply
/// (numbers, `--layers` shapes, `FILE@A:B` shard ranges).
enum OptionLayerTarget {
    static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let command = ChaosPrune.commands[Int(input.byte()) % ChaosPrune.commands.count]
        let arguments = input.tokens
        _ = try? command.parse(arguments)
        for token in arguments {
            _ = MaskFlags.layers(token)
            if let shard = ShardMerge.Shard.split(argument: token), !shard.path.contains("/") {
                _ = try? ShardMerge.Shard(path: shard.path, weights: shard.weights)
            }
        }
    }
}
