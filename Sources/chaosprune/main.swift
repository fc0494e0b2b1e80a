import ChaosPruneCommands
import ChaosPruneSystem
import Foundation

let context = CommandContext(demoRecording: { Bundle.module.url(forResource: "demo", withExtension: nil)?.path })
Platform.exitProcess(ChaosPrune.main(Array(CommandLine.arguments.dropFirst()), context: context))
