import Foundation
import GRDB

extension Store {
    /// Deletes every item of a folder (its subfolders stay): a tombstone per item, the quota
    /// freed, in one transaction, then one ``StoreChange``. An empty folder changes nothing.
    ///
    /// - Returns: the ids of the deleted items, in id order.
    /// - Throws: ``StoreError/folderNotFound(_:)``.
    @discardableResult
    public func deleteItems(folderID: Int64) async throws -> [Int64] {
        let userID = userID
        return try await write { db in
            guard try FolderWrites.exists(db, id: folderID) else { throw StoreError.folderNotFound(folderID) }
            let items = try Row.fetchAll(
                db, cached: "SELECT id, resource_name, size FROM item WHERE folder_id = ? ORDER BY id",
                arguments: [folderID])
            guard !items.isEmpty else { return ([], []) }
            let now = Date().timeIntervalSince1970
            var modseq: Int64 = 0
            var freed: Int64 = 0
            for item in items {
                modseq = try ChangeLog.append(
                    db, folderID: folderID, itemID: item["id"], resourceName: item["resource_name"], kind: .deleted,
                    at: now)
                freed += item["size"] as Int64
            }
            try db.execute(cached: "DELETE FROM item WHERE folder_id = ?", arguments: [folderID])
            try ChangeLog.addUsedBytes(db, -freed)
            let ids: [Int64] = items.map { $0["id"] }
            return (ids, [StoreChange(userID: userID, folderID: folderID, modseq: modseq)])
        }
    }
}
