import Dispatch
import Synchronization

/// Runs `body(0) … body(iterations − 1)` on Dispatch's worker threads and
/// waits for all of them; one iteration runs inline.
///
/// Callers give each iteration disjoint memory to write (a row range, a
/// column range, its own scratch), which is what makes the unchecked
/// `Sendable` boundary below sound: this is where it is crossed (and where
/// callers that share per-thread scratch memory get `UncheckedSendable`).
public enum ParallelLoop {
    /// Runs the iterations concurrently.
    public static func run(_ iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let shared = UncheckedSendable(value: escapable)
            DispatchQueue.concurrentPerform(iterations: iterations) { shared.value($0) }
        }
    }
}

extension ParallelLoop {
    /// Runs `body(worker, index)` for every index in 0..<`count` on `workers`
    /// threads, handing out `chunk` consecutive indices at a time to whichever
    /// worker is free (so cheap and costly items balance). `worker` is in
    /// 0..<`workers`, for per-thread scratch memory.
    public static func forEachIndex(_ count: Int, workers: Int, chunk: Int = 1, _ body: (_ worker: Int, _ index: Int) -> Void) {
        let next = Atomic<Int>(0)
        run(max(1, workers)) { worker in
            while true {
                let start = next.add(chunk, ordering: .relaxed).oldValue
                guard start < count else { return }
                for index in start..<min(count, start + chunk) { body(worker, index) }
            }
        }
    }
}

/// A value handed across threads under the caller's guarantee of disjoint use.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The value.
    public let value: Value

    /// Wraps `value`.
    public init(value: Value) { self.value = value }
}
