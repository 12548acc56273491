import Synchronization

/// The in-process change bus: stores publish each committed change, waiting requests (EAS Ping,
/// Sync with Wait, DAV push) subscribe. Nothing polls.
///
/// Subscribers are kept per user id, so a publish touches only that user's subscriptions.
/// Changes committed by another process (the CLI) on the same file are not seen here.
public final class ChangeBus: Sendable {
    private struct State {
        var subscribers: [Int64: [UInt64: Subscriber]] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Hands `change` to every subscription of its user whose filter takes its folder, waking
    /// a waiting ``ChangeSubscription/next(timeout:)`` or buffering it.
    public func publish(_ change: StoreChange) {
        let targets = state.withLock { state in state.subscribers[change.userID].map { Array($0.values) } ?? [] }
        for subscriber in targets { subscriber.deliver(change) }
    }

    /// Starts buffering the changes of a user's folders (nil: every folder); with
    /// `folderChanges`, also the changes to any of the user's folders themselves (created,
    /// renamed, moved, deleted: ``StoreChange/Scope/folder``), which an EAS Ping answers with
    /// "folder list out of date".
    ///
    /// Subscribe BEFORE checking the store's state, so a change committed in between is not
    /// missed: it waits in the subscription's buffer.
    public func subscribe(userID: Int64, folderIDs: Set<Int64>?, folderChanges: Bool = false) -> ChangeSubscription {
        let subscriber = Subscriber(folderIDs: folderIDs, folderChanges: folderChanges)
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[userID, default: [:]][id] = subscriber
            return id
        }
        return ChangeSubscription(bus: self, userID: userID, id: id, subscriber: subscriber)
    }

    /// The number of live subscriptions of a user (nil: of every user).
    public func subscriptionCount(userID: Int64? = nil) -> Int {
        state.withLock { state in
            if let userID { return state.subscribers[userID]?.count ?? 0 }
            return state.subscribers.values.reduce(0) { $0 + $1.count }
        }
    }

    /// Forgets a subscription (cancelled or deinitialised).
    func remove(userID: Int64, id: UInt64) {
        state.withLock { state in
            state.subscribers[userID]?[id] = nil
            if state.subscribers[userID]?.isEmpty == true { state.subscribers[userID] = nil }
        }
    }
}
