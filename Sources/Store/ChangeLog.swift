import GRDB

/// Writes to the change log; called inside a write transaction.
enum ChangeLog {
    /// Bumps the store's modseq and returns the new value.
    static func nextModseq(_ db: Database) throws -> Int64 {
        guard
            let modseq = try Int64.fetchOne(
                db, cached: "UPDATE store_info SET modseq = modseq + 1 WHERE id = 1 RETURNING modseq")
        else { throw StoreError.corruptStore(db.description) }
        return modseq
    }

    /// Bumps the modseq and appends one change row carrying it; also moves the
    /// folder's modseq (its CTag) when the folder still exists. Returns the modseq.
    @discardableResult
    static func append(
        _ db: Database, folderID: Int64, itemID: Int64?, resourceName: String?, kind: ChangeKind, at now: Double
    ) throws -> Int64 {
        let modseq = try nextModseq(db)
        try record(
            db, modseq: modseq, folderID: folderID, itemID: itemID, resourceName: resourceName, kind: kind, at: now)
        try db.execute(cached: "UPDATE folder SET modseq = ? WHERE id = ?", arguments: [modseq, folderID])
        return modseq
    }

    /// Appends one change row with a modseq already taken by ``nextModseq(_:)``.
    static func record(
        _ db: Database, modseq: Int64, folderID: Int64, itemID: Int64?, resourceName: String?, kind: ChangeKind,
        at now: Double
    ) throws {
        try db.execute(
            cached:
                "INSERT INTO change (modseq, folder_id, item_id, resource_name, kind, at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [modseq, folderID, itemID, resourceName, kind, now])
    }

    /// Adds `delta` bytes to the quota usage.
    static func addUsedBytes(_ db: Database, _ delta: Int64) throws {
        guard delta != 0 else { return }
        try db.execute(cached: "UPDATE store_info SET used_bytes = used_bytes + ? WHERE id = 1", arguments: [delta])
    }
}
