import ChaosPruneCommands
import ChaosPruneSystem

InterruptCleanup.install()
Platform.exitProcess(ChaosPrune.main(Array(CommandLine.arguments.dropFirst())).rawValue)
