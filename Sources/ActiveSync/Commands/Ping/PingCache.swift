import Foundation
import Store

/// The heartbeat interval and folder list of a device's last Ping, which a later Ping may
/// leave out (MS-ASCMD 3.1.5.8: the server caches both; an empty Ping reuses them). Kept in the
/// sync state under the collection `ping`, so it outlives a restart.
struct PingCache: Sendable, Equatable, Codable {
    static let collection = "ping"

    var heartbeatInterval: Int
    var folders: [PingRequest.Folder]

    /// The cache of a device and its key; nil when none was saved (or it does not decode).
    static func load(_ store: Store, deviceID: String) async throws -> (cache: PingCache?, key: Int64?) {
        let saved = try await store.syncState(deviceID: deviceID, collection: collection)
        let cache = saved.flatMap { try? JSONDecoder().decode(PingCache.self, from: Data($0.state)) }
        return (cache, saved?.key)
    }

    /// Saves the cache when it differs from the saved one (a Ping that repeats itself writes
    /// nothing).
    func save(_ store: Store, deviceID: String, replacing saved: (cache: PingCache?, key: Int64?)) async throws {
        guard saved.cache != self, let bytes = try? JSONEncoder().encode(self) else { return }
        _ = try await store.saveSyncState(
            deviceID: deviceID, collection: Self.collection, expectedKey: saved.key, key: (saved.key ?? 0) + 1,
            state: [UInt8](bytes), previous: nil)
    }
}
