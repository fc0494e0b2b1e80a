import ChaosPruneCommands
import ChaosPruneSystem

InterruptCleanup.install()
Platform.exitProcess(LyapRProgram.main(Platform.arguments).rawValue)
