import Foundation
import GRDB

extension Store {
    /// Moves (or renames) an item, keeping its row id, UID, body and ETag: a tombstone in the
    /// source folder, a `created` change in the target. Usage is unchanged. Moving an item onto
    /// its own name is a no-op that returns it.
    ///
    /// - Throws: ``StoreError/invalidName(_:)``, ``StoreError/itemNotFound(folder:resourceName:)``,
    ///   ``StoreError/preconditionFailed(_:)`` (the condition applies to the source),
    ///   ``StoreError/folderNotFound(_:)`` (the target), ``StoreError/itemExists(folder:resourceName:)``.
    public func moveItem(
        folderID: Int64, resourceName: String, toFolderID: Int64, toResourceName: String, condition: WriteCondition
    ) async throws -> Item {
        try StoreName.validate(toResourceName)
        let userID = userID
        return try await write { db in
            guard
                var item = try Item.filter(
                    Item.Columns.folderID == folderID && Item.Columns.resourceName == resourceName
                ).fetchOne(db)
            else { throw StoreError.itemNotFound(folder: folderID, resourceName: resourceName) }
            try condition.check(currentETag: item.etag)
            if folderID == toFolderID && resourceName == toResourceName { return (item, []) }
            guard try FolderWrites.exists(db, id: toFolderID) else { throw StoreError.folderNotFound(toFolderID) }
            let taken =
                try Bool.fetchOne(
                    db, cached: "SELECT EXISTS (SELECT 1 FROM item WHERE folder_id = ? AND resource_name = ?)",
                    arguments: [toFolderID, toResourceName]) ?? false
            if taken { throw StoreError.itemExists(folder: toFolderID, resourceName: toResourceName) }

            let now = Date().timeIntervalSince1970
            let removed = try ChangeLog.append(
                db, folderID: folderID, itemID: item.id, resourceName: resourceName, kind: .deleted, at: now)
            let modseq = try ChangeLog.nextModseq(db)
            try db.execute(
                cached: "UPDATE item SET folder_id = ?, resource_name = ?, modseq = ?, updated_at = ? WHERE id = ?",
                arguments: [toFolderID, toResourceName, modseq, now, item.id])
            try ChangeLog.record(
                db, modseq: modseq, folderID: toFolderID, itemID: item.id, resourceName: toResourceName,
                kind: .created, at: now)
            try db.execute(cached: "UPDATE folder SET modseq = ? WHERE id = ?", arguments: [modseq, toFolderID])
            item.folderID = toFolderID
            item.resourceName = toResourceName
            item.modseq = modseq
            item.updatedAt = Date(timeIntervalSince1970: now)
            var published = [StoreChange(userID: userID, folderID: folderID, modseq: removed)]
            if toFolderID != folderID {
                published.append(StoreChange(userID: userID, folderID: toFolderID, modseq: modseq))
            } else {
                published = [StoreChange(userID: userID, folderID: folderID, modseq: modseq)]
            }
            return (item, published)
        }
    }
}
