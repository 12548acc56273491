/// One item of a folder as the server sees it now: enough to tell what the device lacks
/// without reading any body.
struct ServerItem: Sendable, Equatable {
    var id: Int64
    var modseq: Int64
    /// Inside the collection's FilterType window (always true without one).
    var inWindow: Bool

    init(id: Int64, modseq: Int64, inWindow: Bool = true) {
        self.id = id
        self.modseq = modseq
        self.inWindow = inWindow
    }
}

/// What the server owes a device for one collection (MS-ASCMD 2.2.3.32 Commands of a
/// response): recomputed from the state a key names and the folder's listing.
struct ServerChanges: Sendable, Equatable {
    /// Held items that are gone from the folder: `Delete`.
    var deletes: [Int64] = []
    /// Held items still in the folder but outside the FilterType window: `SoftDelete`
    /// (MS-ASCMD 2.2.3.172).
    var softDeletes: [Int64] = []
    /// Held items with a newer version: `Change`.
    var changes: [ServerItem] = []
    /// Items in the window the device does not hold: `Add`.
    var adds: [ServerItem] = []

    var count: Int { deletes.count + softDeletes.count + changes.count + adds.count }

    /// What a device holding `state` lacks, given the folder's items now; each list in id order.
    /// Items whose conversion failed at their current modseq are left out.
    init(from state: CollectionSyncState, to items: [ServerItem]) {
        var present: [Int64: ServerItem] = [:]
        for item in items { present[item.id] = item }
        for (id, modseq) in state.held.sorted(by: { $0.key < $1.key }) {
            guard let item = present[id] else {
                deletes.append(id)
                continue
            }
            if !item.inWindow {
                softDeletes.append(id)
            } else if item.modseq > modseq && state.skipped[id] != item.modseq {
                changes.append(item)
            }
        }
        adds = items.filter { item in
            item.inWindow && state.held[item.id] == nil && state.skipped[item.id] != item.modseq
        }
        .sorted { $0.id < $1.id }
    }

    init() {}

    /// The first `limit` changes (deletions first, then changes, then adds) and whether more
    /// were left for the next round (`MoreAvailable`, MS-ASCMD 2.2.3.116).
    func prefix(_ limit: Int) -> (ServerChanges, moreAvailable: Bool) {
        var left = max(limit, 0)
        func take<T>(_ list: [T]) -> [T] {
            let taken = Array(list.prefix(left))
            left -= taken.count
            return taken
        }
        var window = ServerChanges()
        window.deletes = take(deletes)
        window.softDeletes = take(softDeletes)
        window.changes = take(changes)
        window.adds = take(adds)
        return (window, window.count < count)
    }
}
