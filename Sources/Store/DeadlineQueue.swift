import Dispatch
import Synchronization

/// One-shot deadlines on a single libdispatch timer shared by every wait: a waiting request
/// costs an entry in a heap and a handler, not a dispatch source of its own (~0.4 KB each, with
/// ten thousand phones waiting).
///
/// The timer is set for the earliest live deadline. A cancelled entry leaves the heap when it
/// comes due, or when cancelled entries outnumber live ones (the heap is then rebuilt), so the
/// heap stays within twice the live deadlines.
final class DeadlineQueue: @unchecked Sendable {
    /// The queue every subscription's timed wait uses.
    static let shared = DeadlineQueue()

    /// A scheduled deadline, to cancel.
    typealias Token = UInt64

    private struct Entry {
        /// `DispatchTime` uptime nanoseconds.
        let deadline: UInt64
        let token: Token
    }

    private struct State {
        /// A binary min-heap by deadline.
        var heap: [Entry] = []
        var handlers: [Token: @Sendable () -> Void] = [:]
        var nextToken: Token = 0
        /// The deadline the timer is set for; nil when it is not set.
        var armed: UInt64?
    }

    private let state = Mutex(State())
    /// Set and re-set only under `state`'s lock; `@unchecked Sendable` for it.
    private let timer: any DispatchSourceTimer

    init(queue: DispatchQueue = .global()) {
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [weak self] in self?.fire() }
        timer.schedule(deadline: .distantFuture)
        timer.activate()
    }

    deinit {
        timer.cancel()
    }

    /// Runs `handler` once, `delay` from now (at most a day), unless ``cancel(_:)`` comes first.
    /// The handler runs on a global queue and must return quickly.
    func schedule(after delay: Duration, _ handler: @escaping @Sendable () -> Void) -> Token {
        let deadline = DispatchTime.now().uptimeNanoseconds &+ Self.nanoseconds(delay)
        return state.withLock { state in
            state.nextToken += 1
            let token = state.nextToken
            state.handlers[token] = handler
            Self.push(Entry(deadline: deadline, token: token), into: &state.heap)
            if state.armed.map({ deadline < $0 }) ?? true { arm(&state, at: deadline) }
            return token
        }
    }

    /// Forgets a deadline: its handler will not run (unless it is running already).
    func cancel(_ token: Token) {
        state.withLock { state in
            guard state.handlers.removeValue(forKey: token) != nil else { return }
            if state.heap.count > 2 * state.handlers.count + 64 {
                state.heap.removeAll { state.handlers[$0.token] == nil }
                Self.heapify(&state.heap)
            }
        }
    }

    /// How many deadlines wait (not cancelled, not run).
    var count: Int { state.withLock { $0.handlers.count } }

    /// How many entries the heap holds, cancelled ones included (for tests of its bound).
    var heapCount: Int { state.withLock { $0.heap.count } }

    /// Runs the handlers that are due and sets the timer for the next live deadline.
    private func fire() {
        let now = DispatchTime.now().uptimeNanoseconds
        let due = state.withLock { state -> [@Sendable () -> Void] in
            var due: [@Sendable () -> Void] = []
            while let first = state.heap.first, first.deadline <= now || state.handlers[first.token] == nil {
                Self.popFirst(&state.heap)
                if let handler = state.handlers.removeValue(forKey: first.token) { due.append(handler) }
            }
            state.armed = nil
            if let next = state.heap.first?.deadline { arm(&state, at: next) }
            return due
        }
        for handler in due { handler() }
    }

    /// Sets the timer; under the lock, so that two schedules cannot set it out of order.
    private func arm(_ state: inout State, at deadline: UInt64) {
        state.armed = deadline
        timer.schedule(deadline: DispatchTime(uptimeNanoseconds: deadline))
    }

    private static func push(_ entry: Entry, into heap: inout [Entry]) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private static func popFirst(_ heap: inout [Entry]) {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        siftDown(&heap, from: 0)
    }

    private static func heapify(_ heap: inout [Entry]) {
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(&heap, from: index) }
    }

    private static func siftDown(_ heap: inout [Entry], from start: Int) {
        var parent = start
        while true {
            var smallest = parent
            for child in [2 * parent + 1, 2 * parent + 2]
            where child < heap.count && heap[child].deadline < heap[smallest].deadline {
                smallest = child
            }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// A duration in whole nanoseconds, between zero and a day (no wait here is longer than an
    /// hour).
    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds < 86_400 else { return 86_400 * 1_000_000_000 }
        return UInt64(max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
    }
}
