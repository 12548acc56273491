import Foundation
import GRDB

extension Store {
    /// The item a client Add made in this folder (written with it by
    /// ``putItem(folderID:resourceName:contentType:body:index:condition:quotaLimit:clientAdd:)``),
    /// nil when none is remembered: never made, pruned, or the item deleted. A moved item keeps
    /// its id, so the id may now name an item of another folder.
    public func itemID(folderID: Int64, clientAdd: ClientAdd) async throws -> Int64? {
        try await quickRead { db in
            try Int64.fetchOne(
                db,
                cached: """
                    SELECT item_id FROM client_add
                    WHERE device_id = ? AND folder_id = ? AND client_id = ? AND fingerprint = ?
                    """,
                arguments: [clientAdd.deviceID, folderID, clientAdd.clientID, clientAdd.storedFingerprint])
        }
    }

    /// Remembers that `clientAdd` made the item, inside the item's write, and prunes the device's
    /// rows of the folder older than ``ClientAdd/lifetime`` or beyond the newest
    /// ``ClientAdd/maximumPerFolder``, so the table stays small.
    static func recordClientAdd(
        _ db: Database, _ clientAdd: ClientAdd, folderID: Int64, itemID: Int64, at now: TimeInterval
    ) throws {
        try db.execute(
            cached: """
                INSERT OR REPLACE INTO client_add (device_id, folder_id, client_id, fingerprint, item_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [clientAdd.deviceID, folderID, clientAdd.clientID, clientAdd.storedFingerprint, itemID, now])
        try db.execute(
            cached: """
                DELETE FROM client_add WHERE device_id = ?1 AND folder_id = ?2 AND (created_at < ?3 OR created_at < (
                    SELECT created_at FROM client_add WHERE device_id = ?1 AND folder_id = ?2
                    ORDER BY created_at DESC LIMIT 1 OFFSET ?4))
                """,
            arguments: [clientAdd.deviceID, folderID, now - ClientAdd.lifetime, ClientAdd.maximumPerFolder - 1])
    }
}
