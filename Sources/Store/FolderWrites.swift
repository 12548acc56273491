import GRDB

/// Folder writes inside a transaction, shared by the public methods and the seeding of a new store.
enum FolderWrites {
    /// Inserts a folder and its `folder-created` change. The caller has validated the name.
    static func insert(
        _ db: Database, folderClass: FolderClass, role: FolderRole?, name: String, displayName: String,
        parentID: Int64?, now: Double
    ) throws -> Folder {
        if let parentID, try !exists(db, id: parentID) {
            throw StoreError.folderNotFound(parentID)
        }
        if try nameTaken(db, parentID: parentID, name: name) {
            throw StoreError.folderNameExists(name)
        }
        let modseq = try ChangeLog.nextModseq(db)
        try db.execute(
            cached: """
                INSERT INTO folder (parent_id, class, role, name, display_name, created_modseq, modseq,
                                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [parentID, folderClass, role, name, displayName, modseq, modseq, now, now])
        let id = db.lastInsertedRowID
        try ChangeLog.record(
            db, modseq: modseq, folderID: id, itemID: nil, resourceName: nil, kind: .folderCreated, at: now)
        return try fetch(db, id: id)
    }

    static func fetch(_ db: Database, id: Int64) throws -> Folder {
        guard let folder = try fetchIfPresent(db, id: id) else { throw StoreError.folderNotFound(id) }
        return folder
    }

    static func fetchIfPresent(_ db: Database, id: Int64) throws -> Folder? {
        try Folder.fetchOne(db, cached: "SELECT * FROM folder WHERE id = ?", arguments: [id])
    }

    static func exists(_ db: Database, id: Int64) throws -> Bool {
        try Bool.fetchOne(db, cached: "SELECT EXISTS (SELECT 1 FROM folder WHERE id = ?)", arguments: [id]) ?? false
    }

    /// True when a sibling under `parentID` already has `name` (the `folder_parent_name` index).
    static func nameTaken(_ db: Database, parentID: Int64?, name: String, excluding id: Int64? = nil) throws -> Bool {
        try Bool.fetchOne(
            db,
            cached: "SELECT EXISTS (SELECT 1 FROM folder WHERE IFNULL(parent_id, 0) = ? AND name = ? AND id IS NOT ?)",
            arguments: [parentID ?? 0, name, id]) ?? false
    }

    /// The ids of `id` and all its descendants, parents before children.
    static func subtree(_ db: Database, of id: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            cached: """
                WITH RECURSIVE tree(id, depth) AS (
                    SELECT id, 0 FROM folder WHERE id = ?
                    UNION ALL
                    SELECT folder.id, tree.depth + 1 FROM folder JOIN tree ON folder.parent_id = tree.id
                )
                SELECT id FROM tree ORDER BY depth, id
                """,
            arguments: [id])
    }
}
