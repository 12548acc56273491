import Foundation
import Store
import WBXML

/// One collection of a Sync request against the store (MS-ASCMD 2.2.1.21): the folder found,
/// the client's key resolved against the saved ones (collection = the folder id), the options
/// applied, a ``SyncRound`` run, and what the state machine says saved. Every failure ends in
/// a status of the collection (or of one item), never in a failed request.
struct CollectionSync: Sendable {
    let context: CommandContext
    let request: SyncRequest.Collection
    /// The most server changes this collection may send: its WindowSize within what the
    /// request's WindowSize leaves.
    let windowSize: Int

    /// The answer, and how many server changes it carries.
    func run() async -> (element: WBXMLElement, sent: Int) {
        do {
            return try await runChecked()
        } catch {
            return (answer(.serverError), 0)
        }
    }

    private func runChecked() async throws -> (element: WBXMLElement, sent: Int) {
        guard let folder = try await ItemFolder.load(collectionID: request.collectionID, context) else {
            return (answer(.folderHierarchyHasChanged), 0)
        }
        let row = try await context.store.syncState(deviceID: context.device.deviceID, collection: String(folder.id))
        let saved = row.map {
            SyncStateMachine.Saved(
                key: $0.key, state: CollectionSyncState(encoded: $0.state), previousKey: $0.previousKey,
                previous: $0.previousState.flatMap { CollectionSyncState(encoded: $0) })
        }
        switch SyncStateMachine.start(clientKey: request.syncKey, saved: saved) {
        case .invalidKey:
            return (answer(.invalidSyncKey, folder: folder), 0)
        case .initial(var machine):
            // SyncKey 0 carries no commands (MS-ASCMD 2.2.3.181.4) and gets no items.
            guard request.commands.isEmpty, applyOptions(to: &machine) else {
                return (answer(.protocolError, folder: folder), 0)
            }
            return try await save(machine, row, folder: folder)
        case .resume(var machine):
            guard applyOptions(to: &machine) else { return (answer(.protocolError, folder: folder), 0) }
            var round = SyncRound(
                machine: machine, folder: folder, deviceID: context.device.deviceID,
                conversion: machine.state.options.conversionContext(
                    version: context.version, userAddresses: [context.user.address]),
                deletesAsMoves: request.deletesAsMoves ?? true)
            for command in request.commands { try await round.apply(command) }
            var sent = 0
            if request.getChanges ?? true, folder.converter != nil {
                sent = try await round.sendServerChanges(windowSize: windowSize)
            }
            return try await save(round.machine, row, folder: folder, round: round, sent: sent)
        }
    }

    /// The request's `Options` and `Supported` over the options in force; false when a value
    /// is out of range.
    private func applyOptions(to machine: inout SyncStateMachine) -> Bool {
        var options = machine.state.options
        if let supported = request.supported { options.supported = supported }
        if let element = request.options {
            guard let parsed = SyncOptions(element, keeping: options.supported) else { return false }
            options = parsed
        }
        machine.setOptions(options)
        return true
    }

    /// Saves what the machine says and answers with its key; a key another request of the
    /// device moved meanwhile answers 16 (retry).
    private func save(
        _ machine: SyncStateMachine, _ row: SyncState?, folder: ItemFolder, round: SyncRound? = nil, sent: Int = 0
    ) async throws -> (element: WBXMLElement, sent: Int) {
        let collection = String(folder.id)
        let deviceID = context.device.deviceID
        do {
            switch machine.finish() {
            case .keep:
                break
            case .rewrite(let keyed):
                _ = try await context.store.saveSyncState(
                    deviceID: deviceID, collection: collection, expectedKey: keyed.key, key: keyed.key,
                    state: keyed.state.encoded(),
                    previous: row?.previousKey.map { ($0, row?.previousState ?? []) })
            case .advance(let keyed, let previous):
                _ = try await context.store.saveSyncState(
                    deviceID: deviceID, collection: collection, expectedKey: row?.key, key: keyed.key,
                    state: keyed.state.encoded(), previous: previous.map { ($0.key, $0.state.encoded()) })
            }
        } catch StoreError.preconditionFailed {
            return (answer(.retry, folder: folder), 0)
        }
        let element = SyncResponse.collection(
            itemClass: folder.itemClass, version: context.version, key: String(machine.responseKey),
            collectionID: request.collectionID, status: .success, moreAvailable: round?.moreAvailable ?? false,
            commands: round?.commands ?? [], responses: round?.responses ?? [])
        return (element, sent)
    }

    /// A collection answered with a failure status and the client's key.
    private func answer(_ status: SyncStatus, folder: ItemFolder? = nil) -> WBXMLElement {
        SyncResponse.collection(
            itemClass: folder?.itemClass, version: context.version, key: request.syncKey,
            collectionID: request.collectionID, status: status)
    }
}
