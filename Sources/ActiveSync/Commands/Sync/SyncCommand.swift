import Store
import WBXML

/// Sync (MS-ASCMD 2.2.1.21): the items of calendar, contacts, tasks and notes folders both ways,
/// several collections per request. A request without a body, or with `Partial`, is completed
/// from the device's last full request (``SyncRequestCache``); with nothing cached it is
/// answered 13. Each collection is run by ``CollectionSync`` within the request's WindowSize.
enum SyncCommand {
    /// MS-ASCMD 2.2.3.195 Wait (minutes) and 2.2.3.79.2 HeartbeatInterval (seconds) bounds.
    static let waitRange = 1...59
    static let heartbeatRange = 60...3540

    static func run(_ context: CommandContext) async throws -> CommandResult {
        var request = SyncRequest()
        if let body = context.body {
            guard let parsed = SyncRequest(body) else { return .body(SyncResponse.sync(status: .protocolError)) }
            request = parsed
        }
        if let wait = request.wait, !waitRange.contains(wait) {
            return .body(SyncResponse.sync(status: .invalidWaitOrHeartbeatInterval, limit: wait < 1 ? 1 : 59))
        }
        if let heartbeat = request.heartbeatInterval, !heartbeatRange.contains(heartbeat) {
            return .body(
                SyncResponse.sync(status: .invalidWaitOrHeartbeatInterval, limit: heartbeat < 60 ? 60 : 3540))
        }
        let deviceID = context.device.deviceID
        let saved = try await SyncRequestCache.load(context.store, deviceID: deviceID)
        let cache: SyncRequestCache
        if request.collections.isEmpty || request.partial {
            guard let cached = saved.0 else { return .body(SyncResponse.sync(status: .syncRequestIncomplete)) }
            var keys: [String: String] = [:]
            for collection in cached.collections {
                keys[collection.collectionID] = try await context.store.syncState(
                    deviceID: deviceID, collection: collection.collectionID
                ).map { String($0.key) }
            }
            cache = request.partial ? cached.merging(request) : cached
            request = cached.complete(request, keys: keys)
            if request.collections.isEmpty { return .body(SyncResponse.sync(status: .syncRequestIncomplete)) }
        } else {
            cache = SyncRequestCache(request)
        }
        let ids = request.collections.map(\.collectionID)
        guard ids.count <= SyncRequest.maximumCollections, Set(ids).count == ids.count else {
            return .body(SyncResponse.sync(status: .invalidSyncCommandRequest))
        }
        var budget = request.windowSize.map { SyncRequest.windowSize($0) } ?? Int.max
        var collections: [WBXMLElement] = []
        for collection in request.collections {
            let windowSize = min(SyncRequest.windowSize(collection.windowSize ?? request.windowSize), budget)
            let (element, sent) = await CollectionSync(context: context, request: collection, windowSize: windowSize)
                .run()
            budget -= sent
            collections.append(element)
        }
        try? await cache.save(context.store, deviceID: deviceID, replacing: saved)
        return .body(SyncResponse.sync(collections))
    }
}
