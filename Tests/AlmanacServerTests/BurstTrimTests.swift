import Synchronization
import Testing

@testable import AlmanacServer

/// The burst's memory is given back once, when the last request of a burst is routed.
struct BurstTrimTests {
    final class Count: Sendable {
        private let value = Mutex(0)
        func add() { value.withLock { $0 += 1 } }
        var current: Int { value.withLock { $0 } }

        /// Waits (bounded) for the detached trim.
        func wait(for expected: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(10)
            while current < expected, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    @Test func onlyTheEndOfABurstTrimsAndOnlyOnce() async throws {
        let trims = Count()
        let trim = BurstTrim(burst: 3) { trims.add() }
        // Two at once, then none: not a burst.
        trim.begin()
        trim.begin()
        trim.end()
        trim.end()
        // Four at once: the last one routed trims, the others do not.
        for _ in 0..<4 { trim.begin() }
        for _ in 0..<3 { trim.end() }
        try await Task.sleep(for: .milliseconds(50))
        #expect(trims.current == 0)
        trim.end()
        try await trims.wait(for: 1)
        #expect(trims.current == 1)
        // The peak starts again: a small wave after it does not trim.
        trim.begin()
        trim.end()
        try await Task.sleep(for: .milliseconds(50))
        #expect(trims.current == 1)
    }

    @Test func releasingFreeMemoryIsSafeToCall() {
        BurstTrim.releaseFreeMemory()
    }
}
