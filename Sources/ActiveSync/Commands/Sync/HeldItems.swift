import Store

/// What a device holds in a collection, changed by a command other than Sync: after MoveItems
/// the device already shows the item in its new folder, so neither a Delete in the source nor
/// an Add in the destination may reach it. The current state is rewritten under its own key.
enum HeldItems {
    static func update(
        _ context: CommandContext, folderID: Int64, _ change: @Sendable (inout CollectionSyncState) -> Void
    ) async throws {
        let deviceID = context.device.deviceID
        let collection = String(folderID)
        guard let row = try await context.store.syncState(deviceID: deviceID, collection: collection),
            var state = CollectionSyncState(encoded: row.state)
        else { return }
        let before = state
        change(&state)
        guard state != before else { return }
        _ = try await context.store.saveSyncState(
            deviceID: deviceID, collection: collection, expectedKey: row.key, key: row.key, state: state.encoded(),
            previous: row.previousKey.map { ($0, row.previousState ?? []) })
    }
}
