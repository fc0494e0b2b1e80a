import ChaosPruneCommands
import ChaosPruneSystem

InterruptCleanup.install()
Platform.ignoreOutputSignals()
Platform.exitProcess(ChaosPrune.main(Platform.arguments).rawValue)
