import Foundation
import GRDB

extension Store {
    /// Creates or replaces an item: checks `condition`, then the quota (`used + newSize - oldSize`
    /// must stay within `quotaLimit`; a write that does not grow usage always passes), bumps the
    /// modseq, writes the item and its change row, updates the usage, and remembers `clientAdd`
    /// as having made the item (see ``Store/itemID(folderID:clientAdd:)``): one
    /// transaction, then one ``StoreChange`` on the bus.
    ///
    /// - Throws: ``StoreError/invalidName(_:)``, ``StoreError/folderNotFound(_:)``,
    ///   ``StoreError/preconditionFailed(_:)``, ``StoreError/quotaExceeded(used:limit:needed:)``;
    ///   then nothing has changed.
    public func putItem(
        folderID: Int64, resourceName: String, contentType: String, body: [UInt8], index: ItemIndex,
        condition: WriteCondition, quotaLimit: Int64, clientAdd: ClientAdd? = nil
    ) async throws -> ItemWrite {
        try StoreName.validate(resourceName)
        let userID = userID
        let etag = ETag.of(body)
        let size = Int64(body.count)
        let data = Data(body)
        return try await write { db in
            guard try FolderWrites.exists(db, id: folderID) else { throw StoreError.folderNotFound(folderID) }
            let existing = try Row.fetchOne(
                db,
                cached:
                    "SELECT id, etag, size, created_modseq, created_at FROM item WHERE folder_id = ? AND resource_name = ?",
                arguments: [folderID, resourceName])
            try condition.check(currentETag: existing?["etag"])
            let delta = size - (existing?["size"] ?? 0)
            try Self.checkQuota(db, adding: delta, limit: quotaLimit)

            let now = Date().timeIntervalSince1970
            let modseq = try ChangeLog.nextModseq(db)
            var item = Item(
                id: 0, folderID: folderID, resourceName: resourceName, uid: index.uid, etag: etag,
                contentType: contentType, body: body, size: size, createdModseq: modseq, modseq: modseq,
                createdAt: Date(timeIntervalSince1970: now), updatedAt: Date(timeIntervalSince1970: now),
                subject: index.subject, sender: index.sender, startAt: index.startAt, endAt: index.endAt,
                isRead: index.isRead, isFlagged: index.isFlagged, receivedAt: index.receivedAt)
            let arguments: StatementArguments = [
                index.uid, etag, contentType, data, size, modseq, now, index.subject, index.sender, index.startAt,
                index.endAt, index.isRead, index.isFlagged, index.receivedAt,
            ]
            if let existing {
                item.id = existing["id"]
                item.createdModseq = existing["created_modseq"]
                item.createdAt = Date(timeIntervalSince1970: existing["created_at"])
                try db.execute(
                    cached: """
                        UPDATE item SET uid = ?, etag = ?, content_type = ?, body = ?, size = ?, modseq = ?,
                            updated_at = ?, subject = ?, sender = ?, start_at = ?, end_at = ?, is_read = ?,
                            is_flagged = ?, received_at = ?
                        WHERE id = ?
                        """,
                    arguments: arguments + [item.id])
                try db.execute(cached: "DELETE FROM item_search WHERE item_id = ?", arguments: [item.id])
            } else {
                try db.execute(
                    cached: """
                        INSERT INTO item (uid, etag, content_type, body, size, modseq, updated_at, subject, sender,
                            start_at, end_at, is_read, is_flagged, received_at,
                            folder_id, resource_name, created_modseq, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: arguments + [folderID, resourceName, modseq, now])
                item.id = db.lastInsertedRowID
            }
            for entry in index.searchValues {
                try db.execute(
                    cached: "INSERT INTO item_search (item_id, name, value) VALUES (?, ?, ?)",
                    arguments: [item.id, entry.name, entry.value])
            }
            try ChangeLog.record(
                db, modseq: modseq, folderID: folderID, itemID: item.id, resourceName: resourceName,
                kind: existing == nil ? .created : .updated, at: now)
            try db.execute(cached: "UPDATE folder SET modseq = ? WHERE id = ?", arguments: [modseq, folderID])
            try ChangeLog.addUsedBytes(db, delta)
            if let clientAdd { try Self.recordClientAdd(db, clientAdd, folderID: folderID, itemID: item.id, at: now) }
            let write = ItemWrite(item: item, created: existing == nil)
            return (write, [StoreChange(userID: userID, folderID: folderID, modseq: modseq)])
        }
    }

    /// Deletes an item, leaving a tombstone and freeing its quota.
    ///
    /// - Throws: ``StoreError/itemNotFound(folder:resourceName:)`` when there is no such item
    ///   (whatever the condition), ``StoreError/preconditionFailed(_:)``.
    public func deleteItem(folderID: Int64, resourceName: String, condition: WriteCondition) async throws {
        let userID = userID
        try await write { db in
            guard
                let existing = try Row.fetchOne(
                    db, cached: "SELECT id, etag, size FROM item WHERE folder_id = ? AND resource_name = ?",
                    arguments: [folderID, resourceName])
            else { throw StoreError.itemNotFound(folder: folderID, resourceName: resourceName) }
            try condition.check(currentETag: existing["etag"])
            let itemID: Int64 = existing["id"]
            try db.execute(cached: "DELETE FROM item WHERE id = ?", arguments: [itemID])
            let modseq = try ChangeLog.append(
                db, folderID: folderID, itemID: itemID, resourceName: resourceName, kind: .deleted,
                at: Date().timeIntervalSince1970)
            try ChangeLog.addUsedBytes(db, -(existing["size"] as Int64))
            return ((), [StoreChange(userID: userID, folderID: folderID, modseq: modseq)])
        }
    }

    /// Throws ``StoreError/quotaExceeded(used:limit:needed:)`` when adding `delta` bytes would
    /// pass `limit`. A write that does not grow usage passes even over the limit.
    static func checkQuota(_ db: Database, adding delta: Int64, limit: Int64) throws {
        guard delta > 0 else { return }
        let used = try StoreInfo.fetch(db).usedBytes
        let (total, overflow) = used.addingReportingOverflow(delta)
        if overflow || total > limit {
            throw StoreError.quotaExceeded(used: used, limit: limit, needed: delta)
        }
    }
}
