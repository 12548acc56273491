import Foundation
import Synchronization
import Testing

@testable import Store

/// The one timer behind every timed wait: order, cancellation and the heap's bound.
struct DeadlineQueueTests {
    /// Records which deadlines ran, in order.
    final class Ran: Sendable {
        private let tokens = Mutex<[Int]>([])
        func append(_ value: Int) { tokens.withLock { $0.append(value) } }
        var values: [Int] { tokens.withLock { $0 } }

        /// Waits (bounded) until `count` have run.
        func wait(for count: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(10)
            while values.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    @Test func deadlinesRunInTheirOrderWhateverTheOrderOfScheduling() async throws {
        let queue = DeadlineQueue()
        let ran = Ran()
        // The later one first: the timer must be set again for the earlier one.
        _ = queue.schedule(after: .milliseconds(300)) { ran.append(3) }
        _ = queue.schedule(after: .milliseconds(100)) { ran.append(1) }
        _ = queue.schedule(after: .milliseconds(200)) { ran.append(2) }
        _ = queue.schedule(after: .zero) { ran.append(0) }
        try await ran.wait(for: 4)
        #expect(ran.values == [0, 1, 2, 3])
        #expect(queue.count == 0)
    }

    @Test func aCancelledDeadlineNeverRunsAndTheNextOneStillDoes() async throws {
        let queue = DeadlineQueue()
        let ran = Ran()
        let first = queue.schedule(after: .milliseconds(50)) { ran.append(1) }
        _ = queue.schedule(after: .milliseconds(150)) { ran.append(2) }
        queue.cancel(first)
        queue.cancel(first)
        try await ran.wait(for: 1)
        try await Task.sleep(for: .milliseconds(100))
        #expect(ran.values == [2])
    }

    @Test func cancelledEntriesDoNotPileUpInTheHeap() async throws {
        let queue = DeadlineQueue()
        let ran = Ran()
        for _ in 0..<10_000 {
            queue.cancel(queue.schedule(after: .seconds(3600)) { ran.append(0) })
        }
        let kept = (0..<100).map { index in queue.schedule(after: .seconds(3600)) { ran.append(index) } }
        #expect(queue.count == 100)
        #expect(queue.heapCount <= 2 * queue.count + 64)
        for token in kept { queue.cancel(token) }
        #expect(queue.count == 0)
        #expect(queue.heapCount <= 64)
        // What remains still runs on time.
        _ = queue.schedule(after: .milliseconds(20)) { ran.append(7) }
        try await ran.wait(for: 1)
        #expect(ran.values == [7])
    }
}
