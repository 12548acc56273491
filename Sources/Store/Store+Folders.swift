import Foundation
import GRDB

extension Store {
    /// Every folder, in id order.
    public func folders() async throws -> [Folder] {
        try await quickRead { db in try Folder.fetchAll(db, cached: "SELECT * FROM folder ORDER BY id") }
    }

    /// The folder with this id, or nil.
    public func folder(id: Int64) async throws -> Folder? {
        try await quickRead { db in try FolderWrites.fetchIfPresent(db, id: id) }
    }

    /// The folder with this role, or nil.
    public func folder(role: FolderRole) async throws -> Folder? {
        try await quickRead { db in try Folder.filter(Folder.Columns.role == role).fetchOne(db) }
    }

    /// The folder named `name` under `parentID` (nil: top level), or nil.
    public func folder(parentID: Int64?, name: String) async throws -> Folder? {
        try await quickRead { db in
            try Folder.fetchOne(
                db, cached: "SELECT * FROM folder WHERE IFNULL(parent_id, 0) = ? AND name = ?",
                arguments: [parentID ?? 0, name])
        }
    }

    /// Creates a folder without a role.
    ///
    /// - Throws: ``StoreError/invalidName(_:)``, ``StoreError/folderNotFound(_:)`` (the parent),
    ///   ``StoreError/folderNameExists(_:)``.
    public func createFolder(class folderClass: FolderClass, name: String, displayName: String, parentID: Int64?)
        async throws -> Folder
    {
        try await createFolder(
            class: folderClass, name: name, displayName: displayName, parentID: parentID, properties: [])
    }

    /// Renames (display name only: `name` is never rewritten) and/or moves a folder.
    /// `parentID`: nil leaves the parent; `.some(nil)` moves to the top level.
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``, ``StoreError/specialFolder(_:)`` (moving a role
    ///   folder), ``StoreError/folderCycle(folder:parent:)``, ``StoreError/folderNameExists(_:)``.
    public func updateFolder(id: Int64, displayName: String?, parentID: Int64??) async throws -> Folder {
        let userID = userID
        return try await write { db in
            var folder = try FolderWrites.fetch(db, id: id)
            if let newParent = parentID, newParent != folder.parentID {
                if let role = folder.role { throw StoreError.specialFolder(role) }
                if let newParent {
                    guard try FolderWrites.exists(db, id: newParent) else { throw StoreError.folderNotFound(newParent) }
                    if try FolderWrites.subtree(db, of: id).contains(newParent) {
                        throw StoreError.folderCycle(folder: id, parent: newParent)
                    }
                }
                if try FolderWrites.nameTaken(db, parentID: newParent, name: folder.name, excluding: id) {
                    throw StoreError.folderNameExists(folder.name)
                }
                folder.parentID = newParent
            }
            if let displayName { folder.displayName = displayName }
            let now = Date().timeIntervalSince1970
            try db.execute(
                cached: "UPDATE folder SET parent_id = ?, display_name = ?, updated_at = ? WHERE id = ?",
                arguments: [folder.parentID, folder.displayName, now, id])
            let modseq = try ChangeLog.append(
                db, folderID: id, itemID: nil, resourceName: nil, kind: .folderUpdated, at: now)
            folder = try FolderWrites.fetch(db, id: id)
            return (folder, [StoreChange(userID: userID, folderID: id, modseq: modseq, scope: .folder)])
        }
    }

    /// Deletes a folder, its subfolders and their items: a tombstone for each item and each
    /// folder, and the quota they used is freed. The folders' ActiveSync states go with them in
    /// the same transaction: their `sync_state` rows (collection = the folder id) and the
    /// `client_add` rows of Adds sent to them, which no foreign key removes (v0005, v0006).
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``, ``StoreError/specialFolder(_:)``.
    public func deleteFolder(id: Int64) async throws {
        let userID = userID
        try await write { db in
            let folder = try FolderWrites.fetch(db, id: id)
            if let role = folder.role { throw StoreError.specialFolder(role) }
            let ids = try FolderWrites.subtree(db, of: id)
            if let protected = try Folder.filter(ids: ids).filter(Folder.Columns.role != nil).fetchOne(db),
                let role = protected.role
            {
                throw StoreError.specialFolder(role)
            }
            let now = Date().timeIntervalSince1970
            var published: [StoreChange] = []
            var freed: Int64 = 0
            for folderID in ids.reversed() {  // children first
                let items = try Row.fetchAll(
                    db, cached: "SELECT id, resource_name, size FROM item WHERE folder_id = ? ORDER BY id",
                    arguments: [folderID])
                for item in items {
                    try ChangeLog.append(
                        db, folderID: folderID, itemID: item["id"], resourceName: item["resource_name"],
                        kind: .deleted, at: now)
                    freed += item["size"] as Int64
                }
                let modseq = try ChangeLog.append(
                    db, folderID: folderID, itemID: nil, resourceName: nil, kind: .folderDeleted, at: now)
                published.append(StoreChange(userID: userID, folderID: folderID, modseq: modseq, scope: .folder))
                try db.execute(
                    cached: "DELETE FROM sync_state WHERE collection = ?", arguments: [String(folderID)])
                try db.execute(cached: "DELETE FROM client_add WHERE folder_id = ?", arguments: [folderID])
            }
            try db.execute(cached: "DELETE FROM folder WHERE id = ?", arguments: [id])  // cascades
            try ChangeLog.addUsedBytes(db, -freed)
            return ((), published)
        }
    }
}
