import Foundation
import GRDB

extension Store {
    /// The changes in a folder after `since`, the latest per item, in modseq order, and the
    /// store's current modseq (the next token), read in one transaction.
    ///
    /// An item is identified by (item id, resource name), so a rename or a move reports the old
    /// name as deleted and the new one as created. An item created after `since` reports as
    /// `created` even if it was updated since; one created and then deleted reports as
    /// `deleted`. The same holds for folder-level changes.
    ///
    /// - Throws: ``StoreError/syncTokenTooOld(since:oldest:)`` when the log was pruned past
    ///   `since`; ``StoreError/syncTokenInvalid(since:modseq:)`` when `since` is past the
    ///   current modseq.
    public func changes(folderID: Int64, since: Int64) async throws -> (changes: [Change], modseq: Int64) {
        try await database.read { db in
            let info = try StoreInfo.fetch(db)
            if since < info.oldestModseq { throw StoreError.syncTokenTooOld(since: since, oldest: info.oldestModseq) }
            if since > info.modseq { throw StoreError.syncTokenInvalid(since: since, modseq: info.modseq) }
            let rows = try Change.fetchAll(
                db, cached: "SELECT * FROM change WHERE folder_id = ? AND modseq > ? ORDER BY modseq",
                arguments: [folderID, since])
            return (Self.latestPerItem(rows), info.modseq)
        }
    }

    /// Deletes the change rows written before `date`, and every row before them, so the kept
    /// log stays contiguous; advances `oldest_modseq` to the last deleted modseq. Tokens older
    /// than that then throw ``StoreError/syncTokenTooOld(since:oldest:)``.
    ///
    /// - Returns: the number of rows deleted.
    @discardableResult
    public func pruneChanges(olderThan date: Date) async throws -> Int {
        try await database.write { db in
            guard
                let last = try Int64.fetchOne(
                    db, cached: "SELECT MAX(modseq) FROM change WHERE at < ?", arguments: [date.timeIntervalSince1970])
            else { return 0 }
            try db.execute(cached: "DELETE FROM change WHERE modseq <= ?", arguments: [last])
            let deleted = db.changesCount
            try db.execute(
                cached: "UPDATE store_info SET oldest_modseq = MAX(oldest_modseq, ?) WHERE id = 1", arguments: [last])
            return deleted
        }
    }

    /// Folds change rows (in modseq order) into the latest change per item.
    static func latestPerItem(_ rows: [Change]) -> [Change] {
        struct Key: Hashable {
            let itemID: Int64?
            let resourceName: String?
        }
        var latest: [Key: Change] = [:]
        for row in rows {
            let key = Key(itemID: row.itemID, resourceName: row.resourceName)
            var change = row
            if let previous = latest[key] {
                // Created after `since`: the client never saw it, whatever happened next (but deleted).
                if previous.kind == .created && row.kind == .updated { change.kind = .created }
                if previous.kind == .folderCreated && row.kind == .folderUpdated { change.kind = .folderCreated }
            }
            latest[key] = change
        }
        return latest.values.sorted { $0.modseq < $1.modseq }
    }
}
