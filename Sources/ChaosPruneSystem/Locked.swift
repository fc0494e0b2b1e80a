/// A value guarded by a POSIX mutex, safe to share between threads.
///
/// `pthread_mutex_lock` is what the thread sanitizer follows: a lock whose
/// contended path waits in the kernel outside instrumented code (such as the
/// standard library's `Mutex` on Linux) makes it report races that cannot
/// happen, so every lock in the package is this one.
public final class Locked<Value>: @unchecked Sendable {
    private let mutex = Platform.PosixMutex()
    private var value: Value

    /// Guards `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held; returns what it returns.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        mutex.lock()
        defer { mutex.unlock() }
        return try body(&value)
    }
}
