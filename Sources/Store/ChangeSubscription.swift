/// A subscription to one user's changes on a ``ChangeBus``. Cancelled by ``cancel()`` or when
/// released; either removes it from the bus.
public final class ChangeSubscription: Sendable {
    public let userID: Int64
    /// The folders it takes changes of; nil: every folder.
    public let folderIDs: Set<Int64>?
    private let bus: ChangeBus
    private let id: UInt64
    private let subscriber: Subscriber

    init(bus: ChangeBus, userID: Int64, id: UInt64, subscriber: Subscriber) {
        self.bus = bus
        self.userID = userID
        self.id = id
        self.subscriber = subscriber
        self.folderIDs = subscriber.folderIDs
    }

    deinit {
        cancel()
    }

    /// The next change matching the filter: a buffered one at once, else waits for one without
    /// polling (a suspended continuation and, with a timeout, an entry of the shared
    /// ``DeadlineQueue``: no thread, no child task, no timer loop).
    ///
    /// - Parameter timeout: how long to wait; nil waits until a change or cancellation.
    /// - Returns: nil when the subscription or the calling task is cancelled, or the timeout
    ///   passes. One call at a time: a second concurrent call makes the first return nil.
    public func next(timeout: Duration?) async -> StoreChange? {
        switch subscriber.poll() {
        case .change(let change): return change
        case .cancelled: return nil
        case .empty: break
        }
        return await subscriber.wait(timeout: timeout)
    }

    /// Calls `listener` once with the next change matching the filter (a buffered one at
    /// once), or with nil when the subscription is cancelled or `timeout` passes: a wait that
    /// holds no task. `listener` runs on the thread that delivers, cancels or times out, and
    /// must return quickly (resume a continuation, start a task). One wait at a time: a second
    /// one tells the first nil.
    public func listen(timeout: Duration?, _ listener: @escaping @Sendable (StoreChange?) -> Void) {
        switch subscriber.poll() {
        case .change(let change): return listener(change)
        case .cancelled: return listener(nil)
        case .empty: break
        }
        subscriber.listen(timeout: timeout, listener)
    }

    /// The changes buffered so far, without waiting.
    public func pending() -> [StoreChange] {
        var changes: [StoreChange] = []
        while case .change(let change) = subscriber.poll() { changes.append(change) }
        return changes
    }

    /// Ends the subscription: a waiting ``next(timeout:)`` returns nil, later calls return nil,
    /// and the bus forgets it. Idempotent.
    public func cancel() {
        subscriber.cancel()
        bus.remove(userID: userID, id: id)
    }
}
