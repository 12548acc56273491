import GRDB

extension Store {
    /// The columns of `item` with an empty body in place of `body` and no search text.
    static let columnsWithoutBody = """
        id, folder_id, resource_name, uid, etag, content_type, CAST('' AS BLOB) AS body, size, created_modseq,
        modseq, created_at, updated_at, subject, sender, start_at, end_at, is_read, is_flagged, received_at,
        NULL AS search_text
        """

    /// The items of a folder without their bodies (``Item/body`` is empty, ``Item/searchText`` nil)
    /// and the store's modseq,
    /// in one read: listings that need names, ETags and sizes only (a WebDAV PROPFIND Depth 1 of
    /// `getetag`) without reading every body.
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``.
    public func itemsWithoutBodies(folderID: Int64) async throws -> (items: [Item], modseq: Int64) {
        try await database.read { db in
            guard try FolderWrites.exists(db, id: folderID) else { throw StoreError.folderNotFound(folderID) }
            let items = try Item.fetchAll(
                db, cached: "SELECT \(Self.columnsWithoutBody) FROM item WHERE folder_id = ? ORDER BY id",
                arguments: [folderID])
            return (items, try StoreInfo.fetch(db).modseq)
        }
    }

    /// The items of a folder with these resource names, in one read (a multiget); names that
    /// are not there are simply absent from the result.
    public func items(folderID: Int64, resourceNames: [String]) async throws -> [Item] {
        try await database.read { db in
            var items: [Item] = []
            // Batches stay far below SQLite's limit on bound variables.
            for start in stride(from: 0, to: resourceNames.count, by: 500) {
                let batch = Array(resourceNames[start..<min(start + 500, resourceNames.count)])
                items += try Item.filter(Item.Columns.folderID == folderID && batch.contains(Item.Columns.resourceName))
                    .fetchAll(db)
            }
            return items
        }
    }

    /// The items with this UID in any of these folders (CalDAV `no-uid-conflict`: UIDs are unique
    /// across a calendar home, RFC 4791 §5.3.2.1).
    public func items(uid: String, folderIDs: [Int64]) async throws -> [Item] {
        try await database.read { db in
            try Item.fetchAll(
                db,
                cached:
                    "SELECT \(Self.columnsWithoutBody) FROM item WHERE uid = ? AND folder_id IN (SELECT value FROM json_each(?)) ORDER BY id",
                arguments: [uid, "[" + folderIDs.map(String.init).joined(separator: ",") + "]"])
        }
    }

    /// The items of a folder whose ``ItemIndex/searchText`` contains `needle` (already folded the
    /// way the caller folds search text), plus every item that has none: the candidates of a
    /// substring search, which the caller then checks exactly. In id order.
    public func items(folderID: Int64, searchTextContaining needle: String) async throws -> [Item] {
        try await database.read { db in
            try Item.fetchAll(
                db,
                cached: """
                    SELECT * FROM item WHERE folder_id = ?
                      AND (search_text IS NULL OR instr(search_text, ?) > 0)
                    ORDER BY id
                    """,
                arguments: [folderID, needle])
        }
    }
}
