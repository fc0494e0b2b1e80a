import ChaosPruneCommands
import ChaosPruneSystem

Platform.exitProcess(ChaosPrune.main(Array(CommandLine.arguments.dropFirst())))
