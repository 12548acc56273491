import Store
import WBXML

/// Sync (MS-ASCMD 2.2.1.21): the items of calendar, contacts, tasks and notes folders both ways,
/// several collections per request. A request without a body, or with `Partial`, is completed
/// from the device's last full request (``SyncRequestCache``); with nothing cached it is
/// answered 13. Each collection is run by ``CollectionSync`` within the request's WindowSize.
/// With Wait or HeartbeatInterval and nothing to tell, the answer waits for a change in the
/// collections (``CommandResult/wait(_:timeout:)``, no store held) and is computed again; when
/// none comes, the answer is empty (HTTP 200 without a body).
enum SyncCommand {
    /// MS-ASCMD 2.2.3.195 Wait bounds, in minutes; HeartbeatInterval's are configured
    /// (``ActiveSyncConfiguration/heartbeatRange``).
    static let waitRange = 1...59

    static func run(_ context: CommandContext) async throws -> CommandResult {
        var request = SyncRequest()
        if let body = context.body {
            guard let parsed = SyncRequest(body) else { return .body(SyncResponse.sync(status: .protocolError)) }
            request = parsed
        }
        if let wait = request.wait, !waitRange.contains(wait) {
            return .body(SyncResponse.sync(status: .invalidWaitOrHeartbeatInterval, limit: wait < 1 ? 1 : 59))
        }
        let heartbeatRange = context.configuration.heartbeatRange
        if let heartbeat = request.heartbeatInterval, !heartbeatRange.contains(heartbeat) {
            let limit = heartbeat < heartbeatRange.lowerBound ? heartbeatRange.lowerBound : heartbeatRange.upperBound
            return .body(SyncResponse.sync(status: .invalidWaitOrHeartbeatInterval, limit: limit))
        }
        let deviceID = context.device.deviceID
        let saved = try await SyncRequestCache.load(context.store, deviceID: deviceID)
        let cache: SyncRequestCache
        if request.collections.isEmpty || request.partial {
            guard let cached = saved.cache else { return .body(SyncResponse.sync(status: .syncRequestIncomplete)) }
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
        // Subscribed before the store is read, so a change committed meanwhile is not missed.
        let subscription = waitSubscription(request, context)
        var budget = request.windowSize.map { SyncRequest.windowSize($0) } ?? Int.max
        var collections: [WBXMLElement] = []
        var quiet = true
        for collection in request.collections {
            let windowSize = min(SyncRequest.windowSize(collection.windowSize ?? request.windowSize), budget)
            let (element, sent) = await CollectionSync(context: context, request: collection, windowSize: windowSize)
                .run()
            budget -= sent
            collections.append(element)
            quiet = quiet && isQuiet(element, collection)
        }
        try? await cache.save(context.store, deviceID: deviceID, replacing: saved)
        if let subscription {
            if quiet, let seconds = request.heartbeatInterval ?? request.wait.map({ $0 * 60 }) {
                // A change in the collections: the answer is computed again, without waiting.
                return .wait(
                    Waiting(
                        subscription: subscription,
                        timeout: min(.seconds(seconds), context.configuration.maximumSyncWait), timedOut: .empty,
                        onChange: { context, _ in
                            var again = context
                            again.mayWait = false
                            return try await run(again)
                        }, readsBody: true))
            }
            subscription.cancel()
        }
        return .body(SyncResponse.sync(collections))
    }

    /// MS-ASCMD 2.2.3.195 Wait, 2.2.3.79.2 HeartbeatInterval: a request without client commands
    /// that asks to wait subscribes to its folders' changes; nil otherwise, or on the run after
    /// a wait.
    private static func waitSubscription(_ request: SyncRequest, _ context: CommandContext) -> ChangeSubscription? {
        guard context.mayWait, request.wait != nil || request.heartbeatInterval != nil,
            request.collections.allSatisfy({ $0.commands.isEmpty })
        else { return nil }
        return context.bus.subscribe(
            userID: context.user.id, folderIDs: Set(request.collections.compactMap { Int64($0.collectionID) }))
    }

    /// Whether a collection's answer tells the client nothing new: success, the key it sent,
    /// no commands, no responses, nothing more available.
    private static func isQuiet(_ element: WBXMLElement, _ request: SyncRequest.Collection) -> Bool {
        element.childText("Status") == String(SyncStatus.success.rawValue)
            && element.childText("SyncKey") == request.syncKey && element.child("Commands") == nil
            && element.child("Responses") == nil && element.child("MoreAvailable") == nil
    }
}
