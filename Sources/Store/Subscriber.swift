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
        var deadline: DeadlineQueue.Token?

        /// Tells the waiter (once: it has been taken out of the state) and cancels its deadline.
        func resume(returning change: StoreChange?) {
            if let deadline { DeadlineQueue.shared.cancel(deadline) }
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
    /// when `timeout` passes. The deadline is an entry of ``DeadlineQueue``, cancelled as soon
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
        let (immediate, displaced) = state.withLock { state -> (StoreChange??, Waiter?) in
            // Task.isCancelled is read under the lock that onCancel takes, so a cancellation
            // either is seen here or finds the waiter installed (false outside a task).
            if state.cancelled || Task.isCancelled { return (.some(nil), nil) }
            if !state.buffer.isEmpty { return (.some(state.buffer.removeFirst()), nil) }
            let displaced = state.waiter
            state.waiter = Waiter(id: id, listener: listener, deadline: nil)
            return (.none, displaced)
        }
        displaced?.resume(returning: nil)
        if let immediate { return listener(immediate) }
        guard let timeout else { return }
        // Scheduled once the waiter is in place, so that even a deadline already past finds it.
        let deadline = DeadlineQueue.shared.schedule(after: timeout) { [weak self] in self?.expire(id) }
        let ended = state.withLock { state -> Bool in
            guard state.waiter?.id == id else { return true }
            state.waiter?.deadline = deadline
            return false
        }
        if ended { DeadlineQueue.shared.cancel(deadline) }
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
