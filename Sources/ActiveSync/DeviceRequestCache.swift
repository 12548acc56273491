import Foundation
import Store

/// What a device's last request of a command left for the next one to reuse (MS-ASCMD: an
/// empty Sync or Ping repeats the cached one), kept as JSON in the store's sync state under
/// ``collection``, so it outlives a restart. ``SyncRequestCache``, ``PingCache``.
protocol DeviceRequestCache: Sendable, Equatable, Codable {
    /// The sync-state collection it is kept under.
    static var collection: String { get }
}

extension DeviceRequestCache {
    /// The cache of a device and its key; nil when none was saved (or it does not decode).
    static func load(_ store: Store, deviceID: String) async throws -> (cache: Self?, key: Int64?) {
        let saved = try await store.syncState(deviceID: deviceID, collection: collection)
        let cache = saved.flatMap { try? JSONDecoder().decode(Self.self, from: Data($0.state)) }
        return (cache, saved?.key)
    }

    /// Saves the cache when it differs from the saved one (a request that repeats itself
    /// writes nothing).
    func save(_ store: Store, deviceID: String, replacing saved: (cache: Self?, key: Int64?)) async throws {
        guard saved.cache != self, let bytes = try? JSONEncoder().encode(self) else { return }
        _ = try await store.saveSyncState(
            deviceID: deviceID, collection: Self.collection, expectedKey: saved.key, key: (saved.key ?? 0) + 1,
            state: [UInt8](bytes), previous: nil)
    }
}
