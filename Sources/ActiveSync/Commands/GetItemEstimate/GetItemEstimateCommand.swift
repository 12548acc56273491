import WBXML

/// GetItemEstimate (MS-ASCMD 2.2.1.9): how many changes the next Syncs of each collection
/// would bring from the key the device holds: the same computation as Sync (``ServerChanges``),
/// counted instead of sent, with the FilterType asked for or the one in force.
enum GetItemEstimateCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, let request = GetItemEstimateRequest(body) else {
            return .body(GetItemEstimateResponse.malformed())
        }
        var responses: [WBXMLElement] = []
        for collection in request.collections {
            responses.append(try await estimate(collection, context))
        }
        return .body(GetItemEstimateResponse.estimate(responses))
    }

    private static func estimate(_ collection: GetItemEstimateRequest.Collection, _ context: CommandContext)
        async throws -> WBXMLElement
    {
        let id = collection.collectionID
        guard let folder = try await ItemFolder.load(collectionID: id, context) else {
            return GetItemEstimateResponse.response(collectionID: id, status: .invalidCollection)
        }
        let row = try await context.store.syncState(deviceID: context.device.deviceID, collection: String(folder.id))
        guard let row, let key = collection.syncKey, key != "0" else {
            return GetItemEstimateResponse.response(collectionID: id, status: .syncStateNotPrimed)
        }
        let saved = SyncStateMachine.Saved(
            key: row.key, state: CollectionSyncState(encoded: row.state), previousKey: row.previousKey,
            previous: row.previousState.flatMap { CollectionSyncState(encoded: $0) })
        guard case .resume(let machine) = SyncStateMachine.start(clientKey: key, saved: saved) else {
            return GetItemEstimateResponse.response(collectionID: id, status: .invalidSyncKey)
        }
        guard folder.converter != nil else {
            return GetItemEstimateResponse.response(collectionID: id, status: .success, estimate: 0)
        }
        let filter = collection.filterType.flatMap(FilterType.init) ?? machine.state.options.filterType
        let listing = try await FolderListing.items(folder, filter: filter)
        let count = ServerChanges(from: machine.state, to: listing.items).count
        return GetItemEstimateResponse.response(collectionID: id, status: .success, estimate: count)
    }
}
