/// The SyncKey progress of one collection on one device during one Sync request (MS-ASCMD
/// 2.2.1.21, 2.2.3.181.4 SyncKey): a value without I/O whose methods say what to do. The
/// command reads the saved keys, starts a machine, applies the client's commands and the
/// server's changes through it, and saves what ``finish()`` returns.
///
/// Keys are integers that only grow (also across a restart at SyncKey 0), so no old key ever
/// names a new state. The current and the previous key are kept: a client that lost a response
/// and resends the previous key gets the same answer again, computed from the previous state,
/// with its Adds answered from the ClientId map instead of written twice.
struct SyncStateMachine: Sendable {
    /// The saved keys of a collection (a `sync_state` row, decoded). A state that does not
    /// decode is nil: its key is then unknown.
    struct Saved: Sendable, Equatable {
        var key: Int64
        var state: CollectionSyncState?
        var previousKey: Int64?
        var previous: CollectionSyncState?
    }

    /// A key with the state it names.
    struct Keyed: Sendable, Equatable {
        var key: Int64
        var state: CollectionSyncState
    }

    enum Start: Sendable {
        /// SyncKey 0: a new state, answered with a new key and no items (MS-ASCMD 2.2.3.181.4).
        case initial(SyncStateMachine)
        /// The current key, or the previous one resent.
        case resume(SyncStateMachine)
        /// Any other key: collection status 3, the client starts over at 0.
        case invalidKey
    }

    /// What to save when the request is done.
    enum Finish: Sendable, Equatable {
        /// Nothing changed: the answer carries the client's key again, nothing is written.
        case keep(key: Int64)
        /// Only the server's bookkeeping changed (options, skipped items, the up-to-date mark):
        /// rewritten under the same key, which the answer carries.
        case rewrite(Keyed)
        /// The device's view changed: saved under a new key, with the client's key as the
        /// previous one (nil after SyncKey 0).
        case advance(Keyed, previous: Keyed?)
    }

    enum AddAction: Sendable, Equatable {
        /// A new item: write it, then call ``added(clientID:fingerprint:itemID:modseq:)``.
        case create
        /// Already answered with this item: answer it again (if it still exists) and call
        /// ``holds(itemID:modseq:)``.
        case answered(itemID: Int64)
    }

    enum ChangeAction: Sendable, Equatable {
        case apply
        /// Changed on the server since the client's key and the server wins: status 7, and
        /// the server's version goes out as a Change.
        case conflict
    }

    /// The state the answer will name; starts as the state of the client's key.
    private(set) var state: CollectionSyncState
    /// The client's key; nil for SyncKey 0.
    let clientKey: Int64?
    /// The state the client's key names (empty for SyncKey 0).
    let base: CollectionSyncState
    /// The key a new state gets: one past the saved current key.
    let nextKey: Int64
    /// Whether the device's view moved: client writes, server changes sent, a restart, a resend.
    private(set) var advanced: Bool

    private init(state: CollectionSyncState, clientKey: Int64?, nextKey: Int64, advanced: Bool) {
        self.state = state
        self.base = state
        self.clientKey = clientKey
        self.nextKey = nextKey
        self.advanced = advanced
    }

    /// Starts from the key the client sent and the saved keys (nil: none saved yet).
    static func start(clientKey text: String, saved: Saved?) -> Start {
        let nextKey = (saved?.key ?? 0) + 1
        if text == "0" {
            var fresh = CollectionSyncState()
            fresh.clientAdds = saved?.state?.clientAdds ?? []
            return .initial(SyncStateMachine(state: fresh, clientKey: nil, nextKey: nextKey, advanced: true))
        }
        guard let saved, let key = Int64(text) else { return .invalidKey }
        if key == saved.key, let current = saved.state {
            return .resume(SyncStateMachine(state: current, clientKey: key, nextKey: nextKey, advanced: false))
        }
        if key == saved.previousKey, var previous = saved.previous {
            // The Adds answered under the current key are the ones a resend repeats.
            previous.clientAdds = saved.state?.clientAdds ?? previous.clientAdds
            return .resume(SyncStateMachine(state: previous, clientKey: key, nextKey: nextKey, advanced: true))
        }
        return .invalidKey
    }

    /// The options in force from now on (a request's `Options`, `Supported`).
    mutating func setOptions(_ options: SyncOptions) {
        guard options != state.options else { return }
        if options.filterType != state.options.filterType { state.upToDate = nil }
        state.options = options
    }

    /// Whether the device holds this item.
    func holds(_ itemID: Int64) -> Bool {
        state.held[itemID] != nil
    }

    // MARK: Client commands (MS-ASCMD 2.2.3.7.2 Add, 2.2.3.24 Change, 2.2.3.42.2 Delete)

    /// A client Add: new, or a resend of one already answered.
    func add(clientID: String, fingerprint: UInt64) -> AddAction {
        if let answered = state.clientAdds.last(where: { $0.clientID == clientID && $0.fingerprint == fingerprint }) {
            return .answered(itemID: answered.itemID)
        }
        return .create
    }

    /// The item a client Add created, at its modseq: held by the device (never echoed back)
    /// and remembered under its ClientId.
    mutating func added(clientID: String, fingerprint: UInt64, itemID: Int64, modseq: Int64) {
        state.clientAdds.removeAll { $0.clientID == clientID && $0.fingerprint == fingerprint }
        state.clientAdds.append(
            CollectionSyncState.ClientAdd(clientID: clientID, itemID: itemID, fingerprint: fingerprint, key: nextKey))
        holds(itemID, modseq: modseq)
    }

    /// The device holds this item at this modseq (its own write, or a resent Add answered again).
    mutating func holds(_ itemID: Int64, modseq: Int64) {
        state.held[itemID] = modseq
        state.skipped[itemID] = nil
        advanced = true
    }

    /// A client Change (whose new text differs from the stored one) or Delete of an item now at
    /// `storeModseq`.
    func change(itemID: Int64, storeModseq: Int64) -> ChangeAction {
        guard let held = state.held[itemID], storeModseq > held, state.options.conflict == .serverWins else {
            return .apply
        }
        return .conflict
    }

    /// A client Delete done (or of an item already gone).
    mutating func deleted(_ itemID: Int64) {
        state.held[itemID] = nil
        state.skipped[itemID] = nil
        advanced = true
    }

    // MARK: Server changes

    /// The changes the device is owed, given the folder's items listed at store modseq
    /// `listedAt`, cut to `windowSize`: deletions are applied to the state at once; each Add
    /// and Change is reported back with ``sent(_:)`` or ``failed(_:)``.
    mutating func serverChanges(_ items: [ServerItem], listedAt: Int64, windowSize: Int) -> (
        ServerChanges, moreAvailable: Bool
    ) {
        let (window, moreAvailable) = ServerChanges(from: state, to: items).prefix(windowSize)
        for id in window.deletes + window.softDeletes { deleted(id) }
        state.upToDate = moreAvailable ? nil : listedAt
        return (window, moreAvailable)
    }

    /// Whether the folder has nothing for the device without listing it
    /// (``CollectionSyncState/isUpToDate(folderModseq:hasTimeWindow:)``).
    func isUpToDate(folderModseq: Int64, hasTimeWindow: Bool) -> Bool {
        state.isUpToDate(folderModseq: folderModseq, hasTimeWindow: hasTimeWindow)
    }

    /// An Add or Change that went out.
    mutating func sent(_ item: ServerItem) {
        holds(item.id, modseq: item.modseq)
    }

    /// An Add or Change whose stored text did not convert: left out until the item changes.
    mutating func failed(_ item: ServerItem) {
        state.skipped[item.id] = item.modseq
    }

    // MARK: Saving

    /// What to save, and so the key the answer carries.
    func finish() -> Finish {
        guard let clientKey else { return .advance(Keyed(key: nextKey, state: pruned()), previous: nil) }
        if advanced {
            return .advance(Keyed(key: nextKey, state: pruned()), previous: Keyed(key: clientKey, state: base))
        }
        return state == base ? .keep(key: clientKey) : .rewrite(Keyed(key: clientKey, state: state))
    }

    /// The key the answer carries.
    var responseKey: Int64 {
        switch finish() {
        case .keep(let key): key
        case .rewrite(let keyed), .advance(let keyed, _): keyed.key
        }
    }

    /// The state with the ClientId map cut to the last keys and entries.
    private func pruned() -> CollectionSyncState {
        var pruned = state
        pruned.clientAdds = Array(
            pruned.clientAdds.filter { $0.key > nextKey - CollectionSyncState.clientAddKeys }
                .suffix(CollectionSyncState.maximumClientAdds))
        return pruned
    }
}
