import Dispatch
import Synchronization

/// The state of one subscription, shared between the bus (which delivers) and the
/// ``ChangeSubscription`` (which waits): a bounded buffer and at most one waiting continuation.
final class Subscriber: Sendable {
    /// Buffered changes beyond this drop the oldest: a waiter only needs to learn that its
    /// folders changed, and then reads the store.
    static let bufferLimit = 1024

    enum Poll {
        case change(StoreChange)
        case empty
        case cancelled
    }

    /// What a waiter is told: the change, or nil when its wait ends without one. Called once,
    /// on the thread that delivers, cancels or times out: it must return quickly.
    typealias Listener = @Sendable (StoreChange?) -> Void

    private struct Waiter {
        let id: UInt64
        let listener: Listener
        /// Ends the wait at its deadline; cancelled when the waiter is resumed otherwise.
        var timer: DeadlineTimer?

        /// Tells the waiter (once: it has been taken out of the state) and stops its timer.
        func resume(returning change: StoreChange?) {
            timer?.cancel()
            listener(change)
        }
    }

    private struct State {
        var buffer: [StoreChange] = []
        var waiter: Waiter?
        var nextWaiterID: UInt64 = 0
        var cancelled = false
    }

    let folderIDs: Set<Int64>?
    /// Whether changes to any folder itself (``StoreChange/Scope/folder``) are taken as well.
    let folderChanges: Bool
    private let state = Mutex(State())

    init(folderIDs: Set<Int64>?, folderChanges: Bool) {
        self.folderIDs = folderIDs
        self.folderChanges = folderChanges
    }

    /// Whether the filter takes `change`.
    func takes(_ change: StoreChange) -> Bool {
        guard let folderIDs else { return true }
        return folderIDs.contains(change.folderID) || (folderChanges && change.scope == .folder)
    }

    /// Wakes the waiter with `change`, or buffers it, if the filter takes it.
    func deliver(_ change: StoreChange) {
        guard takes(change) else { return }
        let waiter = state.withLock { state -> Waiter? in
            if state.cancelled { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            if state.buffer.count >= Self.bufferLimit { state.buffer.removeFirst() }
            state.buffer.append(change)
            return nil
        }
        waiter?.resume(returning: change)
    }

    /// Takes the oldest buffered change without waiting.
    func poll() -> Poll {
        state.withLock { state in
            if state.cancelled { return .cancelled }
            if state.buffer.isEmpty { return .empty }
            return .change(state.buffer.removeFirst())
        }
    }

    /// Waits for the next change; nil on cancellation (of the task or of the subscription) or
    /// when `timeout` passes. The deadline is a one-shot timer on a global queue, stopped as soon
    /// as the wait ends otherwise: no child task, no thread, no loop.
    func wait(timeout: Duration? = nil) async -> StoreChange? {
        let id = nextWaiterID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<StoreChange?, Never>) in
                listen(id: id, timeout: timeout) { continuation.resume(returning: $0) }
            }
        } onCancel: {
            expire(id)
        }
    }

    /// Calls `listener` once with the next change, or with nil on the subscription's
    /// cancellation or when `timeout` passes: the wait of ``wait(timeout:)`` without a task.
    func listen(timeout: Duration?, _ listener: @escaping Listener) {
        listen(id: nextWaiterID(), timeout: timeout, listener)
    }

    private func nextWaiterID() -> UInt64 {
        state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
    }

    private func listen(id: UInt64, timeout: Duration?, _ listener: @escaping Listener) {
        let timer = timeout.map { timeout in
            DeadlineTimer(after: timeout) { [weak self] in self?.expire(id) }
        }
        let (immediate, displaced) = state.withLock { state -> (StoreChange??, Waiter?) in
            // Task.isCancelled is read under the lock that onCancel takes, so a cancellation
            // either is seen here or finds the waiter installed (false outside a task).
            if state.cancelled || Task.isCancelled { return (.some(nil), nil) }
            if !state.buffer.isEmpty { return (.some(state.buffer.removeFirst()), nil) }
            let displaced = state.waiter
            state.waiter = Waiter(id: id, listener: listener, timer: timer)
            return (.none, displaced)
        }
        displaced?.resume(returning: nil)
        // Activated either way: libdispatch must not release a source never activated.
        timer?.activate()
        if let immediate {
            timer?.cancel()
            listener(immediate)
        }
    }

    /// Ends the wait `id` with nil, if it is still the one waiting.
    private func expire(_ id: UInt64) {
        let waiter = state.withLock { state -> Waiter? in
            guard state.waiter?.id == id else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// Cancels for good: the waiter returns nil, the buffer is dropped.
    func cancel() {
        let waiter = state.withLock { state -> Waiter? in
            state.cancelled = true
            state.buffer = []
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }
}

/// A one-shot timer on a global queue (a libdispatch timer source: no thread while it waits).
/// `@unchecked Sendable`: a dispatch source may be activated and cancelled from any thread.
struct DeadlineTimer: @unchecked Sendable {
    private let source: any DispatchSourceTimer

    /// A timer that runs `handler` once, `delay` after ``activate()``, unless cancelled first.
    init(after delay: Duration, _ handler: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(queue: .global())
        source.setEventHandler(handler: handler)
        source.schedule(deadline: .now() + .nanoseconds(Int(Self.nanoseconds(delay))))
    }

    /// Starts the timer. Every timer must be activated once, cancelled or not: libdispatch does
    /// not release a source that never was.
    func activate() {
        source.activate()
    }

    func cancel() {
        source.cancel()
    }

    /// A duration in whole nanoseconds, capped at a day (no wait here is longer than an hour).
    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds < 86_400 else { return 86_400 * 1_000_000_000 }
        return max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
