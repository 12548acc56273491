import Foundation
import GRDB

/// The single `store_info` row: identity and counters of a store.
public struct StoreInfo: Sendable, Equatable {
    /// Random UUID generated at creation.
    public var storeID: String
    /// The modseq of the latest change.
    public var modseq: Int64
    /// Quota usage in bytes.
    public var usedBytes: Int64
    /// Every change after this modseq is still in the log; `changes(since:)` below it throws
    /// ``StoreError/syncTokenTooOld(since:oldest:)``.
    public var oldestModseq: Int64
    public var createdAt: Date

    static func fetch(_ db: Database) throws -> StoreInfo {
        guard
            let row = try Row.fetchOne(
                db,
                cached: "SELECT store_id, modseq, used_bytes, oldest_modseq, created_at FROM store_info WHERE id = 1")
        else { throw StoreError.corruptStore(db.description) }
        return StoreInfo(
            storeID: row["store_id"], modseq: row["modseq"], usedBytes: row["used_bytes"],
            oldestModseq: row["oldest_modseq"], createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
