import Foundation

/// Runs a command to completion and reports its wall time and peak resident memory.
enum ProcessUsage {
    struct Result {
        var status: Int32
        var seconds: Double
        var peakResidentBytes: Int
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let start = clock.now
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw BenchmarkFailure(message: "cannot start \(executable)") }
        var exitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &exitStatus, 0, &usage) < 0, errno == EINTR {}
        let elapsed = clock.now - start
        return Result(status: (exitStatus >> 8) & 0xff,
                      seconds: elapsed.seconds,
                      peakResidentBytes: usage.ru_maxrss * 1024)
    }
}
