import ChaosPruneCommands
import ChaosPruneSystem

InterruptCleanup.install()
Platform.ignoreOutputSignals()
Platform.exitProcess(ChaosPrune.main(Array(CommandLine.arguments.dropFirst())).rawValue)
