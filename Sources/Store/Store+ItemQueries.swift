import GRDB

extension Store {
    /// The columns of `item` with an empty body in place of `body`.
    static let columnsWithoutBody = columns(body: "CAST('' AS BLOB)")

    /// The columns of `item` with the SQL expression `body` in place of `body`.
    static func columns(body: String) -> String {
        """
        id, folder_id, resource_name, uid, etag, content_type, \(body) AS body, size, created_modseq,
        modseq, created_at, updated_at, subject, sender, start_at, end_at, is_read, is_flagged, received_at
        """
    }

    /// The items of a folder without their bodies (``Item/body`` is empty) and the store's modseq,
    /// in one read: listings that need names, ETags and sizes only (a WebDAV PROPFIND Depth 1 of
    /// `getetag`) without reading every body.
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``.
    public func itemsWithoutBodies(folderID: Int64) async throws -> (items: [Item], modseq: Int64) {
        try await items(folderID: folderID, columns: Self.columnsWithoutBody)
    }

    /// The items of a folder with a body only where the `column` index is NULL, and the store's
    /// modseq, in one read: a listing that answers from an index, and reads the texts of items
    /// written before that index existed (EAS FilterType 8 over ``ItemIndex/isRead``).
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``.
    public func items(folderID: Int64, bodiesWhereNull column: Item.Columns) async throws -> (
        items: [Item], modseq: Int64
    ) {
        try await items(
            folderID: folderID,
            columns: Self.columns(body: "CASE WHEN \(column.rawValue) IS NULL THEN body ELSE CAST('' AS BLOB) END"))
    }

    /// The `columns` of a folder's items in id order, and the store's modseq, in one read.
    func items(folderID: Int64, columns: String) async throws -> (items: [Item], modseq: Int64) {
        try await database.read { db in
            guard try FolderWrites.exists(db, id: folderID) else { throw StoreError.folderNotFound(folderID) }
            let items = try Item.fetchAll(
                db, cached: "SELECT \(columns) FROM item WHERE folder_id = ? ORDER BY id", arguments: [folderID])
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
        try await quickRead { db in
            try Item.fetchAll(
                db,
                cached:
                    "SELECT \(Self.columnsWithoutBody) FROM item WHERE uid = ? AND folder_id IN (SELECT value FROM json_each(?)) ORDER BY id",
                arguments: [uid, "[" + folderIDs.map(String.init).joined(separator: ",") + "]"])
        }
    }

    /// The search values of a folder's items for property `name` whose text contains `needle` as
    /// bytes, with their items' ids, in id order: the candidates of a substring search, which the
    /// caller checks with its collation. `needle` is folded the way the caller folded the values.
    public func searchValues(
        folderID: Int64, name: String, containing needle: String
    ) async throws -> [(itemID: Int64, value: String)] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                cached: """
                    SELECT s.item_id, s.value FROM item_search s JOIN item i ON i.id = s.item_id
                    WHERE s.name = ? AND instr(s.value, ?) > 0 AND i.folder_id = ?
                    ORDER BY s.item_id
                    """,
                arguments: [name, needle, folderID]
            ).map { (itemID: $0[0], value: $0[1]) }
        }
    }

    /// The ids of a folder's items that have no search values (written before v0004, or not
    /// searchable that way): a search must check them itself. In id order.
    public func itemIDsWithoutSearchValues(folderID: Int64) async throws -> [Int64] {
        try await database.read { db in
            try Int64.fetchAll(
                db,
                cached: """
                    SELECT id FROM item WHERE folder_id = ?
                      AND NOT EXISTS (SELECT 1 FROM item_search s WHERE s.item_id = item.id)
                    ORDER BY id
                    """,
                arguments: [folderID])
        }
    }

    /// The items of a folder with these ids, in id order, with or without their bodies; ids that
    /// are not there are absent from the result.
    public func items(folderID: Int64, ids: [Int64], withBodies: Bool) async throws -> [Item] {
        let columns = withBodies ? "*" : Self.columnsWithoutBody
        return try await database.read { db in
            try Item.fetchAll(
                db,
                cached: """
                    SELECT \(columns) FROM item WHERE folder_id = ? AND id IN (SELECT value FROM json_each(?))
                    ORDER BY id
                    """,
                arguments: [folderID, "[" + ids.map(String.init).joined(separator: ",") + "]"])
        }
    }
}
