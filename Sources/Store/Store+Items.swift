import GRDB

extension Store {
    /// The item named `resourceName` in a folder, or nil.
    public func item(folderID: Int64, resourceName: String) async throws -> Item? {
        try await quickRead { db in
            try Item.fetchOne(
                db, cached: "SELECT * FROM item WHERE folder_id = ? AND resource_name = ?",
                arguments: [folderID, resourceName])
        }
    }

    /// The item with this row id (an EAS ServerId), or nil.
    public func item(id: Int64) async throws -> Item? {
        try await quickRead { db in
            try Item.fetchOne(db, cached: "SELECT * FROM item WHERE id = ?", arguments: [id])
        }
    }

    /// The items of a folder with this UID (CalDAV `no-uid-conflict`, RFC 4791 §5.3.2.1).
    public func items(folderID: Int64, uid: String) async throws -> [Item] {
        try await quickRead { db in
            try Item.fetchAll(
                db, cached: "SELECT * FROM item WHERE folder_id = ? AND uid = ? ORDER BY id",
                arguments: [folderID, uid])
        }
    }

    /// The items of a folder, in id order.
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``.
    public func items(folderID: Int64) async throws -> [Item] {
        try await listing(folderID: folderID).items
    }

    /// The items of a folder and the store's modseq, read in one transaction: the starting
    /// point of an initial sync (the modseq names exactly the state listed).
    ///
    /// - Throws: ``StoreError/folderNotFound(_:)``.
    public func listing(folderID: Int64) async throws -> (items: [Item], modseq: Int64) {
        try await items(folderID: folderID, columns: "*")
    }

    /// The items of a folder whose time range overlaps [`start`, `end`) (unix seconds; nil bounds
    /// are open), for CalDAV time-range queries (RFC 4791 §9.9). Items without a range are
    /// open-ended and always overlap.
    public func items(folderID: Int64, overlapping start: Int64?, _ end: Int64?) async throws -> [Item] {
        try await database.read { db in
            try Item.fetchAll(
                db,
                cached: """
                    SELECT * FROM item WHERE folder_id = ?
                      AND (? IS NULL OR end_at IS NULL OR end_at > ?)
                      AND (? IS NULL OR start_at IS NULL OR start_at < ?)
                    ORDER BY id
                    """,
                arguments: [folderID, start, start, end, end])
        }
    }
}
