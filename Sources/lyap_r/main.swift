import ChaosPruneCommands
import ChaosPruneSystem

Platform.exitProcess(LyapRProgram.main(Array(CommandLine.arguments.dropFirst())))
