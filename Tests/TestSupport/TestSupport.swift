import ChaosPruneSystem
import Dispatch
import Foundation

/// Paths and process helpers shared by the test targets.
public enum TestSupport {
    /// `Tests/Fixtures`, found from this source file so tests need no resources bundle.
    public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Writes `text` to a new file named `name` in a fresh folder and returns its URL.
    public static func file(named name: String, containing text: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The folder holding the built products (`lyap_r`, `chaosprune`).
    public static let products: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("lyap_r").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }()

    /// The result of running a product.
    public struct Run: Sendable {
        public var status: Int32
        public var standardError: String
        public var standardOutput: Data
        public var seconds: Double
    }

    /// Runs product `name` (or the absolute path `name`) with `arguments` in `folder`, feeding `input` to standard input.
    public static func run(_ name: String, _ arguments: [String], in folder: URL, input: URL? = nil,
                    environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = name.hasPrefix("/") ? URL(fileURLWithPath: name) : products.appendingPathComponent(name)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "LYAP_R_ARITHMETIC")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) } else { process.standardInput = FileHandle.nullDevice }
        let errorPipe = Pipe()
        let outputPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = outputPipe
        let start = Date()
        try process.run()
        // Both streams are drained at once: a child that fills one pipe while the
        // other is being read would otherwise block forever.
        let error = Drained(errorPipe.fileHandleForReading)
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardError: String(decoding: error.data, as: UTF8.self),
                   standardOutput: output, seconds: Date().timeIntervalSince(start))
    }

    /// A fresh empty folder, removed by the caller.
    public static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chaosprune-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// A stream read to its end on a thread of its own.
final class Drained: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let bytes = Locked(Data())

    /// Starts reading `handle` to its end.
    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let read = handle.readDataToEndOfFile()
            bytes.withLock { $0 = read }
            done.signal()
        }
    }

    /// Everything the stream held, once it has ended.
    var data: Data {
        done.wait()
        return bytes.withLock { $0 }
    }
}
