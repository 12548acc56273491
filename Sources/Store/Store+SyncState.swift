import Foundation
import GRDB

extension Store {
    /// The saved ActiveSync state of a collection on a device, if any.
    public func syncState(deviceID: String, collection: String) async throws -> SyncState? {
        let deviceID = deviceID.lowercased()
        return try await quickRead { db in
            try Row.fetchOne(
                db, cached: "SELECT * FROM sync_state WHERE device_id = ? AND collection = ?",
                arguments: [deviceID, collection]
            ).map(Self.syncState)
        }
    }

    /// Saves `state` as the current state under `key`, with `previous` as the state of the key
    /// before it (nil after a fresh start).
    ///
    /// The write happens only while the saved key is still `expectedKey` (nil: no state saved
    /// yet), so two requests of one device never both advance from the same key.
    ///
    /// - Throws: ``StoreError/preconditionFailed(_:)`` when the saved key is another; then nothing
    ///   has changed.
    public func saveSyncState(
        deviceID: String, collection: String, expectedKey: Int64?, key: Int64, state: [UInt8],
        previous: (key: Int64, state: [UInt8])?
    ) async throws -> SyncState {
        let deviceID = deviceID.lowercased()
        let now = Date()
        return try await database.write { db in
            let current = try Int64.fetchOne(
                db, cached: "SELECT sync_key FROM sync_state WHERE device_id = ? AND collection = ?",
                arguments: [deviceID, collection])
            guard current == expectedKey else {
                throw StoreError.preconditionFailed(current.map(String.init) ?? "none")
            }
            try db.execute(
                cached: """
                    INSERT OR REPLACE INTO sync_state
                        (device_id, collection, sync_key, state, previous_key, previous_state, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    deviceID, collection, key, Data(state), previous?.key, previous.map { Data($0.state) },
                    now.timeIntervalSince1970,
                ])
            return SyncState(
                deviceID: deviceID, collection: collection, key: key, state: state, previousKey: previous?.key,
                previousState: previous?.state, updatedAt: now)
        }
    }

    /// Forgets the saved states of a device (every collection, or those listed).
    public func deleteSyncStates(deviceID: String, collections: [String]? = nil) async throws {
        let deviceID = deviceID.lowercased()
        try await database.write { db in
            if let collections {
                for collection in collections {
                    try db.execute(
                        cached: "DELETE FROM sync_state WHERE device_id = ? AND collection = ?",
                        arguments: [deviceID, collection])
                }
            } else {
                try db.execute(cached: "DELETE FROM sync_state WHERE device_id = ?", arguments: [deviceID])
            }
        }
    }

    private static func syncState(_ row: Row) -> SyncState {
        let state: Data = row["state"] ?? Data()  // a zero-length blob may read back as NULL
        let previous: Data? = row["previous_key"] == nil ? nil : (row["previous_state"] ?? Data())
        return SyncState(
            deviceID: row["device_id"], collection: row["collection"], key: row["sync_key"], state: [UInt8](state),
            previousKey: row["previous_key"], previousState: previous.map { [UInt8]($0) },
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }
}
