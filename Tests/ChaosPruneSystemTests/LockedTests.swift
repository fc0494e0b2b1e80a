import ChaosPruneSystem
import Dispatch
import Testing

@Suite("locked values")
struct LockedTests {
    @Test("increments from many threads at once are each counted once")
    func contendedIncrements() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test("interrupt cleanup registrations from many threads at once each get a slot of their own and all are released")
    func contendedRegistrations() {
        let taken = Locked(Set<Int>())
        let clashes = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for round in 0..<500 {
                guard let slot = InterruptCleanup.register("/nonexistent/chaosprune-\(thread)-\(round)") else { continue }
                let fresh = taken.withLock { $0.insert(slot).inserted }
                if !fresh { clashes.withLock { $0 += 1 } }
                taken.withLock { _ = $0.remove(slot) }
                InterruptCleanup.unregister(slot)
            }
        }
        #expect(clashes.withLock { $0 } == 0)
        #expect(!StagingFolderTests.registered().contains { $0.hasPrefix("/nonexistent/chaosprune-") })
    }
}
