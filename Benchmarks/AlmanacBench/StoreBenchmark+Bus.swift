import Foundation
import Store
import Synchronization

extension StoreBenchmark {
    /// Publish → wake latency: a waiter suspended in `next(timeout:)`, the publisher stamps the
    /// time and publishes, the waiter measures on waking and acknowledges on a second user's
    /// subscription (not measured). A short pause before each publish lets the waiter suspend,
    /// so each sample is a real wake-up, not a buffered read.
    func publishWakeLatency() async -> Latencies {
        let bus = ChangeBus()
        let clock = ContinuousClock()
        let requests = bus.subscribe(userID: 1, folderIDs: [1])
        let acks = bus.subscribe(userID: 2, folderIDs: nil)
        let stamps = Stamps(count: wakeups)
        let count = wakeups
        let waiter = Task {
            var latencies = Latencies()
            for _ in 0..<count {
                guard let change = await requests.next(timeout: .seconds(10)) else { break }
                latencies.append(clock.now - stamps[Int(change.modseq)])
                bus.publish(StoreChange(userID: 2, folderID: 1, modseq: change.modseq))
            }
            return latencies
        }
        for n in 0..<count {
            try? await Task.sleep(for: .microseconds(200))
            stamps[n] = clock.now
            bus.publish(StoreChange(userID: 1, folderID: 1, modseq: Int64(n)))
            _ = await acks.next(timeout: .seconds(10))
        }
        return await waiter.value
    }

    /// Committed put → wake latency: a waiter subscribed to the calendar; each sample is the time
    /// from calling `putItem` to the waiter waking (the commit, with its fsync, is inside it),
    /// beside the time `putItem` takes to return, and the waiter's wake time relative to that
    /// return (the bus is called after the commit, before `putItem` returns, so this is the
    /// hand-over cost and may be negative).
    func putWakeLatency(in file: URL) async throws -> (wake: Latencies, put: Latencies, afterReturn: Latencies) {
        let bus = ChangeBus()
        let store = try Store(path: file.path, userID: 1, bus: bus)
        defer { try? store.close() }
        guard let calendarID = try await store.folder(role: .calendar)?.id else {
            throw BenchmarkError(message: "no calendar")
        }
        let clock = ContinuousClock()
        let subscription = bus.subscribe(userID: 1, folderIDs: [calendarID])
        var wake = Latencies()
        var put = Latencies()
        var afterReturn = Latencies()
        for n in 0..<putWakeups {
            let waiter = Task { () -> ContinuousClock.Instant? in
                await subscription.next(timeout: .seconds(10)).map { _ in clock.now }
            }
            try await Task.sleep(for: .microseconds(200))
            let uid = "wake-\(n)"
            let start = clock.now
            _ = try await store.putItem(
                folderID: calendarID, resourceName: uid + ".ics", contentType: "text/calendar",
                body: Self.body(uid: uid), index: ItemIndex(uid: uid), condition: .none, quotaLimit: .max)
            let returned = clock.now
            put.append(returned - start)
            guard let woken = await waiter.value else { throw BenchmarkError(message: "put \(n) woke no waiter") }
            wake.append(woken - start)
            afterReturn.append(woken - returned)
        }
        return (wake, put, afterReturn)
    }
}

/// Publish instants, written by the publisher and read by the waiter.
final class Stamps: Sendable {
    private let instants: Mutex<[ContinuousClock.Instant]>

    init(count: Int) {
        instants = Mutex(Array(repeating: ContinuousClock.now, count: count))
    }

    subscript(index: Int) -> ContinuousClock.Instant {
        get { instants.withLock { $0[index] } }
        set { instants.withLock { $0[index] = newValue } }
    }
}
