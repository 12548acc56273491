import Foundation

/// The device's last full Sync (MS-ASCMD 2.2.1.21: an empty request, or one with `Partial`,
/// repeats it): its collections with their WindowSize and DeletesAsMoves, and the request's
/// WindowSize, Wait and HeartbeatInterval. Kept in the sync state under the collection `sync-request`; each collection's
/// options and key live in its own state.
struct SyncRequestCache: DeviceRequestCache {
    struct Collection: Sendable, Equatable, Codable {
        var collectionID: String
        var windowSize: Int?
        var deletesAsMoves: Bool?
    }

    static let collection = "sync-request"

    var collections: [Collection]
    var windowSize: Int?
    var wait: Int?
    var heartbeatInterval: Int?

    init(_ request: SyncRequest) {
        collections = request.collections.map {
            Collection(collectionID: $0.collectionID, windowSize: $0.windowSize, deletesAsMoves: $0.deletesAsMoves)
        }
        windowSize = request.windowSize
        wait = request.wait
        heartbeatInterval = request.heartbeatInterval
    }

    /// A request completed from the cache: an empty request becomes the cached collections at
    /// their current keys; a partial one adds the cached collections it leaves out. `keys` gives
    /// a collection's current key (nil: none saved, the collection is left out).
    func complete(_ request: SyncRequest, keys: [String: String]) -> SyncRequest {
        var completed = request
        let named = Set(request.collections.map(\.collectionID))
        for cached in collections where !named.contains(cached.collectionID) {
            guard let key = keys[cached.collectionID] else { continue }
            var collection = SyncRequest.Collection(syncKey: key, collectionID: cached.collectionID)
            collection.windowSize = cached.windowSize
            collection.deletesAsMoves = cached.deletesAsMoves
            completed.collections.append(collection)
        }
        completed.windowSize = request.windowSize ?? windowSize
        if request.wait == nil && request.heartbeatInterval == nil {
            completed.wait = wait
            completed.heartbeatInterval = heartbeatInterval
        }
        return completed
    }

    /// The cache after a partial request: its collections replace or join the cached ones.
    func merging(_ request: SyncRequest) -> SyncRequestCache {
        var merged = self
        for collection in SyncRequestCache(request).collections {
            if let index = merged.collections.firstIndex(where: { $0.collectionID == collection.collectionID }) {
                merged.collections[index] = collection
            } else {
                merged.collections.append(collection)
            }
        }
        merged.windowSize = request.windowSize ?? windowSize
        if request.wait != nil || request.heartbeatInterval != nil {
            merged.wait = request.wait
            merged.heartbeatInterval = request.heartbeatInterval
        }
        return merged
    }
}
