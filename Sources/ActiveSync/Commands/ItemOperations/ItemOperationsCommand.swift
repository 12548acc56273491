import Conversions
import Store
import WBXML

/// ItemOperations (MS-ASCMD 2.2.1.10): Fetch of single calendar, contact, task and note items
/// from the mailbox store by CollectionId and ServerId, with the client's body preferences,
/// and EmptyFolderContents of any folder (its subfolders too with DeleteSubFolders, except
/// default folders). Each operation has its own status.
enum ItemOperationsCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, let request = ItemOperationsRequest(body), !request.operations.isEmpty else {
            return .body(ItemOperationsResponse.itemOperations(.protocolError))
        }
        var parts: [WBXMLElement] = []
        for operation in request.operations {
            switch operation {
            case .fetch(let store, let collectionID, let serverID, let fileReference, let preferences):
                parts.append(
                    try await fetch(
                        store: store, collectionID: collectionID, serverID: serverID, fileReference: fileReference,
                        preferences, context))
            case .emptyFolderContents(let collectionID, let deleteSubFolders):
                parts.append(try await empty(collectionID, deleteSubFolders: deleteSubFolders, context))
            case .unsupported(let name):
                parts.append(
                    WBXMLElement(
                        "ItemOperations", name,
                        children: [
                            WBXMLElement(
                                "ItemOperations", "Status", text: String(ItemOperationsStatus.protocolError.rawValue))
                        ]))
            }
        }
        return .body(ItemOperationsResponse.itemOperations(.success, parts))
    }

    private static func fetch(
        store: String, collectionID: String?, serverID: String?, fileReference: String?,
        _ preferences: [BodyPreference], _ context: CommandContext
    ) async throws -> WBXMLElement {
        guard store.lowercased() == "mailbox" else {
            return ItemOperationsResponse.fetch(
                .storeUnknownOrUnsupported, collectionID: collectionID, serverID: serverID)
        }
        guard let collectionID, let serverID else {
            let status: ItemOperationsStatus = fileReference == nil ? .protocolError : .invalidAttachment
            return ItemOperationsResponse.fetch(status, collectionID: collectionID, serverID: serverID)
        }
        guard let folder = try await ItemFolder.load(collectionID: collectionID, context),
            let item = try await folder.item(serverID: serverID)
        else { return ItemOperationsResponse.fetch(.objectNotFound, collectionID: collectionID, serverID: serverID) }
        let conversion = ConversionContext(
            version: context.version, bodyPreferences: preferences, userAddresses: [context.user.address])
        guard let data = try? folder.applicationData(of: item, context: conversion) else {
            return ItemOperationsResponse.fetch(.conversionFailed, collectionID: collectionID, serverID: serverID)
        }
        return ItemOperationsResponse.fetch(
            .success, collectionID: collectionID, serverID: serverID, itemClass: folder.itemClass, properties: data)
    }

    private static func empty(_ collectionID: String?, deleteSubFolders: Bool, _ context: CommandContext)
        async throws -> WBXMLElement
    {
        guard let collectionID else {
            return ItemOperationsResponse.emptyFolderContents(.protocolError, collectionID: nil)
        }
        guard let folder = try await ItemFolder.load(collectionID: collectionID, context) else {
            return ItemOperationsResponse.emptyFolderContents(.objectNotFound, collectionID: collectionID)
        }
        try await context.store.deleteItems(folderID: folder.id)
        if deleteSubFolders {
            for child in try await context.store.folders() where child.parentID == folder.id && child.role == nil {
                try await context.store.deleteFolder(id: child.id)
            }
        }
        return ItemOperationsResponse.emptyFolderContents(.success, collectionID: collectionID)
    }
}
