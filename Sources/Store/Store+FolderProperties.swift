import Foundation
import GRDB

extension Store {
    /// The properties kept for a folder, by name.
    public func folderProperties(id: Int64) async throws -> [FolderProperty] {
        try await quickRead { db in try Self.properties(db, folderID: id) }
    }

    /// The properties of every folder, by folder id: one read for a collection listing.
    public func allFolderProperties() async throws -> [Int64: [FolderProperty]] {
        try await quickRead { db in
            var result: [Int64: [FolderProperty]] = [:]
            for row in try Row.fetchAll(db, cached: "SELECT folder_id, name, value FROM folder_property ORDER BY name")
            {
                result[row["folder_id"], default: []].append(FolderProperty(name: row["name"], value: row["value"]))
            }
            return result
        }
    }

    /// Sets and removes properties and optionally the display name, all or nothing (a WebDAV
    /// PROPPATCH, RFC 4918 §9.2): one write, one `folder-updated` change.
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``.
    public func updateFolderProperties(
        id: Int64, displayName: String? = nil, set: [FolderProperty], remove: [String]
    ) async throws -> Folder {
        let userID = userID
        return try await write { db in
            _ = try FolderWrites.fetch(db, id: id)
            let now = Date().timeIntervalSince1970
            try Self.apply(db, folderID: id, set: set, remove: remove)
            if let displayName {
                try db.execute(
                    cached: "UPDATE folder SET display_name = ?, updated_at = ? WHERE id = ?",
                    arguments: [displayName, now, id])
            } else {
                try db.execute(cached: "UPDATE folder SET updated_at = ? WHERE id = ?", arguments: [now, id])
            }
            let modseq = try ChangeLog.append(
                db, folderID: id, itemID: nil, resourceName: nil, kind: .folderUpdated, at: now)
            return (
                try FolderWrites.fetch(db, id: id),
                [StoreChange(userID: userID, folderID: id, modseq: modseq, scope: .folder)]
            )
        }
    }

    /// Creates a folder together with its properties (MKCALENDAR and extended MKCOL set
    /// properties in the same request, RFC 4791 §5.3.1, RFC 5689 §3): all or nothing.
    ///
    /// - Throws: as ``createFolder(class:name:displayName:parentID:)``.
    public func createFolder(
        class folderClass: FolderClass, name: String, displayName: String, parentID: Int64?,
        properties: [FolderProperty]
    ) async throws -> Folder {
        try StoreName.validate(name)
        let userID = userID
        return try await write { db in
            let folder = try FolderWrites.insert(
                db, folderClass: folderClass, role: nil, name: name, displayName: displayName, parentID: parentID,
                now: Date().timeIntervalSince1970)
            try Self.apply(db, folderID: folder.id, set: properties, remove: [])
            return (folder, [StoreChange(userID: userID, folderID: folder.id, modseq: folder.modseq, scope: .folder)])
        }
    }

    static func properties(_ db: Database, folderID: Int64) throws -> [FolderProperty] {
        try Row.fetchAll(
            db, cached: "SELECT name, value FROM folder_property WHERE folder_id = ? ORDER BY name",
            arguments: [folderID]
        ).map { FolderProperty(name: $0["name"], value: $0["value"]) }
    }

    private static func apply(_ db: Database, folderID: Int64, set: [FolderProperty], remove: [String]) throws {
        for name in remove {
            try db.execute(
                cached: "DELETE FROM folder_property WHERE folder_id = ? AND name = ?", arguments: [folderID, name])
        }
        for property in set {
            try db.execute(
                cached: "INSERT OR REPLACE INTO folder_property (folder_id, name, value) VALUES (?, ?, ?)",
                arguments: [folderID, property.name, property.value])
        }
    }
}
