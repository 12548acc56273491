import Conversions
import Foundation
import Store
import WBXML

/// One round of a collection that resumed from a known key: the client's commands applied
/// first (MS-ASCMD 2.2.3.32), then the server's changes computed and converted, each through
/// the ``SyncStateMachine``; what the answer carries is collected here.
struct SyncRound: Sendable {
    var machine: SyncStateMachine
    let folder: ItemFolder
    /// The EAS DeviceId, under which client Adds are remembered in the store.
    let deviceID: String
    let conversion: ConversionContext
    /// MS-ASCMD 2.2.3.43; true unless the client sent 0.
    let deletesAsMoves: Bool
    /// The server's commands of the answer (Add, Change, Delete, SoftDelete).
    private(set) var commands: [WBXMLElement] = []
    /// The answers to the client's commands.
    var responses: [WBXMLElement] = []
    private(set) var moreAvailable = false
    /// Whether a client command wrote to the store (the folder must then be listed again).
    private(set) var wrote = false

    static let maximumClientIDLength = 64

    init(
        machine: SyncStateMachine, folder: ItemFolder, deviceID: String, conversion: ConversionContext,
        deletesAsMoves: Bool
    ) {
        self.machine = machine
        self.folder = folder
        self.deviceID = deviceID
        self.conversion = conversion
        self.deletesAsMoves = deletesAsMoves
    }

    // MARK: Client commands

    /// Applies one client command; a failure is answered with the item's status and the next
    /// command goes on. Errors other than item failures are the store's (status 5).
    mutating func apply(_ command: SyncRequest.Command) async throws {
        switch command {
        case .add(let clientID, let data): try await add(clientID: clientID, data)
        case .change(let serverID, let instanceID?, let data):
            try await changeInstance(serverID: serverID, instanceID: instanceID, data)
        case .change(let serverID, nil, let data): try await change(serverID: serverID, data)
        case .delete(let serverID, let instanceID?):
            try await deleteInstance(serverID: serverID, instanceID: instanceID)
        case .delete(let serverID, nil): try await delete(serverID: serverID)
        case .fetch(let serverID): try await fetch(serverID: serverID)
        }
    }

    /// MS-ASCMD 2.2.3.7.2 Add: a new item, or the item a resent Add already made.
    private mutating func add(clientID: String, _ data: WBXMLElement) async throws {
        // MS-ASCMD 2.2.3.28.2: at most 64 characters (the ClientId map keeps them).
        guard (1...Self.maximumClientIDLength).contains(clientID.count) else {
            responses.append(SyncResponse.addResponse(clientID: clientID, serverID: nil, status: .protocolError))
            return
        }
        let fingerprint = data.fingerprint
        if case .answered(let itemID) = machine.add(clientID: clientID, fingerprint: fingerprint),
            let item = try await folder.store.items(folderID: folder.id, ids: [itemID], withBodies: false).first
        {
            machine.holds(item.id, modseq: item.modseq)
            responses.append(
                SyncResponse.addResponse(clientID: clientID, serverID: folder.serverID(item.id), status: .success))
            return
        }
        // The state's map misses when the state saved after the item was lost (a crash, or
        // status 16): the store recorded the Add with the item, in its transaction.
        let clientAdd = ClientAdd(deviceID: deviceID, clientID: clientID, fingerprint: fingerprint)
        if let clientAdd, let itemID = try await folder.store.itemID(folderID: folder.id, clientAdd: clientAdd),
            let item = try await folder.store.items(folderID: folder.id, ids: [itemID], withBodies: false).first
        {
            machine.added(clientID: clientID, fingerprint: fingerprint, itemID: item.id, modseq: item.modseq)
            responses.append(
                SyncResponse.addResponse(clientID: clientID, serverID: folder.serverID(item.id), status: .success))
            return
        }
        do {
            let item = try await folder.create(data.children, context: conversion, clientAdd: clientAdd)
            wrote = true
            machine.added(clientID: clientID, fingerprint: fingerprint, itemID: item.id, modseq: item.modseq)
            responses.append(
                SyncResponse.addResponse(clientID: clientID, serverID: folder.serverID(item.id), status: .success))
        } catch let failure as ItemFailure {
            responses.append(SyncResponse.addResponse(clientID: clientID, serverID: nil, status: failure.syncStatus))
        }
    }

    /// MS-ASCMD 2.2.3.24 Change: merged into the stored text; refused (7) when the server
    /// changed the item since the client's key and the server wins. A Change that leaves the
    /// text as it is writes nothing (a resent request).
    private mutating func change(serverID: String, _ data: WBXMLElement) async throws {
        do {
            guard let item = try await folder.item(serverID: serverID) else { throw ItemFailure.notFound }
            let merged = try folder.merge(data.children, into: item, context: conversion)
            try await store(merged, over: item)
        } catch let failure as ItemFailure {
            responses.append(SyncResponse.response("Change", serverID: serverID, status: failure.syncStatus))
        }
    }

    /// Writes a client's new text of an item, unless it leaves the text as it is; refused (7)
    /// when the server changed the item since the client's key and the server wins.
    mutating func store(_ merged: ConvertedItem, over item: Item) async throws {
        if merged.body == item.body {
            machine.holds(item.id, modseq: item.modseq)
            return
        }
        if machine.change(itemID: item.id, storeModseq: item.modseq) == .conflict { throw ItemFailure.conflict }
        let written = try await folder.write(merged, over: item)
        wrote = true
        machine.holds(written.id, modseq: written.modseq)
    }

    /// MS-ASCMD 2.2.3.42.2 Delete. An item the device held that is already gone counts as
    /// deleted (a resent request); an item it never held and that is not there is status 8.
    /// Under Conflict 1 (server wins, MS-ASCMD 2.2.3.34) a Delete of an item the server changed
    /// since the client's key is refused (7) like a Change, and the server's version is sent.
    private mutating func delete(serverID: String) async throws {
        guard let id = ServerID(serverID), id.folderID == folder.id else {
            responses.append(SyncResponse.response("Delete", serverID: serverID, status: .objectNotFound))
            return
        }
        guard let item = try await folder.item(serverID: serverID) else {
            if machine.holds(id.itemID) {
                machine.deleted(id.itemID)
            } else {
                responses.append(SyncResponse.response("Delete", serverID: serverID, status: .objectNotFound))
            }
            return
        }
        if machine.change(itemID: item.id, storeModseq: item.modseq) == .conflict {
            responses.append(
                SyncResponse.response("Delete", serverID: serverID, status: .conflictMatchingClientAndServerObject))
            return
        }
        try await folder.delete(item, deletesAsMoves: deletesAsMoves)
        wrote = true
        machine.deleted(item.id)
    }

    /// MS-ASCMD 2.2.3.67.2 Fetch: the item's data, whatever the window.
    private mutating func fetch(serverID: String) async throws {
        do {
            guard let item = try await folder.item(serverID: serverID) else { throw ItemFailure.notFound }
            let data = try folder.applicationData(of: item, context: conversion)
            responses.append(
                SyncResponse.response("Fetch", serverID: serverID, status: .success, applicationData: data))
        } catch let failure as ItemFailure {
            responses.append(SyncResponse.response("Fetch", serverID: serverID, status: failure.syncStatus))
        }
    }

    // MARK: Server changes

    /// The server's changes up to `windowSize`, converted; an item whose text does not convert
    /// is left out (and skipped until it changes). Returns how many went out.
    mutating func sendServerChanges(windowSize: Int, now: Date = Date()) async throws -> Int {
        let filter = machine.state.options.filterType.effective(for: folder.itemClass)
        if !wrote, machine.isUpToDate(folderModseq: folder.folder.modseq, hasTimeWindow: filter.hasTimeWindow) {
            return 0
        }
        let listing = try await FolderListing.items(folder, filter: filter, now: now)
        let (window, more) = machine.serverChanges(listing.items, listedAt: listing.modseq, windowSize: windowSize)
        moreAvailable = more
        commands += window.deletes.map { SyncResponse.removal("Delete", serverID: folder.serverID($0)) }
        commands += window.softDeletes.map { SyncResponse.removal("SoftDelete", serverID: folder.serverID($0)) }
        let wanted = window.changes + window.adds
        guard !wanted.isEmpty else { return window.count }
        let bodies = try await folder.store.items(folderID: folder.id, ids: wanted.map(\.id), withBodies: true)
        let byID = Dictionary(bodies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sent = window.deletes.count + window.softDeletes.count
        for (kind, list) in [("Change", window.changes), ("Add", window.adds)] {
            for entry in list {
                // Deleted between the listing and this read: the next round reports it.
                guard let item = byID[entry.id] else { continue }
                let current = ServerItem(id: item.id, modseq: item.modseq, inWindow: true)
                guard let data = try? folder.applicationData(of: item, context: conversion) else {
                    machine.failed(current)
                    continue
                }
                machine.sent(current)
                commands.append(SyncResponse.item(kind, serverID: folder.serverID(item.id), applicationData: data))
                sent += 1
            }
        }
        return sent
    }
}
