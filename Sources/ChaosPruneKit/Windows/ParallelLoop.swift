import Dispatch

/// Runs `body(0) … body(iterations − 1)` on Dispatch's worker threads and
/// waits for all of them; one iteration runs inline.
///
/// Callers give each iteration disjoint memory to write (a row range, a
/// column range, its own scratch), which is what makes the unchecked
/// `Sendable` boundary below sound: this is the one place it is crossed.
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

/// A value handed across threads under the caller's guarantee of disjoint use.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
