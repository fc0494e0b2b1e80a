import ChaosPruneKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(CommandRunner.dispatch(Array(CommandLine.arguments.dropFirst()), subcommands: [lyapRCommand, leWindowCommand, grangerCommand, compareCommand, mergeCommand, pipelineCommand, demoCommand, convertCommand]))
