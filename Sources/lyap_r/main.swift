import ChaosPruneCommands
import ChaosPruneSystem

InterruptCleanup.install()
Platform.exitProcess(LyapRProgram.main(Array(CommandLine.arguments.dropFirst())).rawValue)
