import Foundation
import Store
import WBXML

/// Ping (MS-ASCMD 2.2.1.13): waits until one of the watched folders changes or the heartbeat
/// interval passes, holding no thread and no store meanwhile (``Waiting``).
///
/// On arrival, after the parameters are settled (the request's, else the device's cached ones,
/// 3.1.5.8), the device is subscribed to its folders' changes first and then compared with
/// the store: a folder list it has not fetched (FolderSync) answers 7; a watched folder with
/// changes the device's last SyncKey has not seen (3.1.5.8: "the last SyncKey returned to the
/// client") answers 2 at once, so a change committed between the device's last Sync and this
/// Ping is never missed. Otherwise the request waits: a change to a watched folder's items
/// answers 2 with that folder (whatever path made it: EAS, CalDAV, CardDAV, delivery); a
/// change to the folder list answers 7; the interval's end, a newer request of the device or
/// the server's shutdown answer 1.
enum PingCommand {
    /// The store class each Ping class watches (MS-ASCMD 2.2.3.27.3); SMS lives in mail folders.
    static let folderClasses: [String: FolderClass] = [
        "Email": .mail, "SMS": .mail, "Calendar": .calendar, "Contacts": .contacts, "Tasks": .tasks,
        "Notes": .notes,
    ]

    static func run(_ context: CommandContext) async throws -> CommandResult {
        var request = PingRequest()
        if let body = context.body {
            guard let parsed = PingRequest(body) else { return .body(PingResponse.status(.syntaxError)) }
            request = parsed
        }
        let deviceID = context.device.deviceID
        let saved = try await PingCache.load(context.store, deviceID: deviceID)
        guard let interval = request.heartbeatInterval ?? saved.cache?.heartbeatInterval,
            let folders = request.folders ?? saved.cache?.folders
        else { return .body(PingResponse.status(.missingParameters)) }
        let range = context.configuration.heartbeatRange
        guard range.contains(interval) else {
            return .body(
                PingResponse.invalidHeartbeat(
                    allowed: interval < range.lowerBound ? range.lowerBound : range.upperBound))
        }
        guard folders.count <= context.configuration.maximumPingFolders else {
            return .body(PingResponse.tooManyFolders(maximum: context.configuration.maximumPingFolders))
        }
        try await PingCache(heartbeatInterval: interval, folders: folders)
            .save(context.store, deviceID: deviceID, replacing: saved)

        let watched = folders.compactMap { Int64($0.id) }
        // Subscribed before the store is read: a change committed meanwhile waits in its buffer.
        let subscription = context.bus.subscribe(
            userID: context.user.id, folderIDs: Set(watched), folderChanges: true)
        let immediate: CommandResult?
        do {
            if try await isFolderListOutOfDate(folders, context) {
                immediate = .body(PingResponse.status(.folderHierarchyOutOfDate))
            } else {
                let changed = try await foldersWithChanges(folders, context)
                immediate = changed.isEmpty ? nil : .body(PingResponse.changed(changed))
            }
        } catch {
            subscription.cancel()
            throw error
        }
        if let immediate {
            subscription.cancel()
            return immediate
        }
        return .wait(
            Waiting(
                subscription: subscription, timeout: .seconds(interval),
                timedOut: .body(PingResponse.status(.heartbeatExpired)),
                onChange: { context, changes in try await answer(after: changes, folders, context) }))
    }

    /// The answer to the changes a wait saw, nil to wait on: 7 when the folder list changed, 2
    /// with the watched folders whose items changed (in the request's order).
    static func answer(after changes: [StoreChange], _ folders: [PingRequest.Folder], _ context: CommandContext)
        async throws -> CommandResult?
    {
        if changes.contains(where: { $0.scope == .folder }), try await isFolderListOutOfDate(folders, context) {
            return .body(PingResponse.status(.folderHierarchyOutOfDate))
        }
        let touched = Set(changes.filter { $0.scope == .items }.map { String($0.folderID) })
        let changed = folders.map(\.id).filter { touched.contains($0) }
        return changed.isEmpty ? nil : .body(PingResponse.changed(changed))
    }

    /// Whether the device must FolderSync first (status 7): it never did, the store's folder
    /// list differs from the one its FolderSync key names, or a watched folder is not one of
    /// the user's folders of the class the Ping gives.
    static func isFolderListOutOfDate(_ folders: [PingRequest.Folder], _ context: CommandContext) async throws -> Bool {
        let sync = try await HierarchySync.load(context)
        guard let key = sync.state?.key, let known = sync.snapshot(forKey: String(key)) else { return true }
        let current = try await context.store.folders()
        if known.snapshot.changes(to: HierarchySnapshot(folders: current)).count > 0 { return true }
        let classes = Dictionary(
            current.map { (String($0.id), $0.folderClass) }, uniquingKeysWith: { first, _ in first })
        return !folders.allSatisfy { folder in
            classes[folder.id].map { $0 == folderClasses[folder.folderClass] } ?? false
        }
    }

    /// The watched folders with changes the device's current SyncKey has not seen, in request
    /// order: the same computation as Sync and GetItemEstimate (``ServerChanges``), skipped when
    /// the state says nothing happened since its last listing. A folder the device never
    /// synced has nothing to compare with: only later changes wake the Ping.
    static func foldersWithChanges(_ folders: [PingRequest.Folder], _ context: CommandContext) async throws
        -> [String]
    {
        var changed: [String] = []
        for entry in folders {
            guard let folder = try await ItemFolder.load(collectionID: entry.id, context), folder.converter != nil,
                let row = try await context.store.syncState(
                    deviceID: context.device.deviceID, collection: String(folder.id)),
                let state = CollectionSyncState(encoded: row.state)
            else { continue }
            let filter = state.options.filterType.effective(for: folder.itemClass)
            if state.isUpToDate(folderModseq: folder.folder.modseq, hasTimeWindow: filter.hasTimeWindow) { continue }
            let listing = try await FolderListing.items(folder, filter: filter)
            if ServerChanges(from: state, to: listing.items).count > 0 { changed.append(entry.id) }
        }
        return changed
    }
}
