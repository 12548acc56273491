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

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<StoreChange?, Never>
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
        waiter?.continuation.resume(returning: change)
    }

    /// Takes the oldest buffered change without waiting.
    func poll() -> Poll {
        state.withLock { state in
            if state.cancelled { return .cancelled }
            if state.buffer.isEmpty { return .empty }
            return .change(state.buffer.removeFirst())
        }
    }

    /// Waits for the next change; nil on cancellation (of the task or of the subscription).
    func wait() async -> StoreChange? {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<StoreChange?, Never>) in
                let (immediate, displaced) = state.withLock { state -> (StoreChange??, Waiter?) in
                    // Task.isCancelled is read under the lock that onCancel takes, so a cancellation
                    // either is seen here or finds the waiter installed.
                    if state.cancelled || Task.isCancelled { return (.some(nil), nil) }
                    if !state.buffer.isEmpty { return (.some(state.buffer.removeFirst()), nil) }
                    let displaced = state.waiter
                    state.waiter = Waiter(id: id, continuation: continuation)
                    return (.none, displaced)
                }
                displaced?.continuation.resume(returning: nil)
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard state.waiter?.id == id else { return nil }
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.continuation.resume(returning: nil)
        }
    }

    /// Cancels for good: the waiter returns nil, the buffer is dropped.
    func cancel() {
        let waiter = state.withLock { state -> Waiter? in
            state.cancelled = true
            state.buffer = []
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.continuation.resume(returning: nil)
    }
}
