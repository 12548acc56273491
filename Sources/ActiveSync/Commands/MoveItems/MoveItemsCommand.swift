import Store
import WBXML

/// MoveItems (MS-ASCMD 2.2.1.12): moves items between folders of one class; the item keeps its
/// row id, so its new ServerId is `<destination>:<item>`. Repeating a move that was done (an
/// item already in the destination) answers success with the same new ServerId. The device's
/// states of both folders are updated, so the move is not echoed back to it by Sync.
enum MoveItemsCommand {
    static func run(_ context: CommandContext) async throws -> CommandResult {
        guard let body = context.body, let request = MoveItemsRequest(body) else {
            return .status(.invalidXML)
        }
        var responses: [WBXMLElement] = []
        for move in request.moves {
            responses.append(try await self.move(move, context))
        }
        return .body(MoveItemsResponse.moveItems(responses))
    }

    private static func move(_ move: MoveItemsRequest.Move, _ context: CommandContext) async throws -> WBXMLElement {
        func answer(_ status: MoveItemsStatus, _ destination: String? = nil) -> WBXMLElement {
            MoveItemsResponse.response(
                sourceMessageID: move.sourceMessageID, status: status, destinationMessageID: destination)
        }
        guard let source = try await ItemFolder.load(collectionID: move.sourceFolderID, context),
            let serverID = ServerID(move.sourceMessageID)
        else { return answer(.invalidSourceCollectionIdOrItemId) }
        guard let destination = try await ItemFolder.load(collectionID: move.destinationFolderID, context),
            destination.folder.folderClass == source.folder.folderClass
        else { return answer(.invalidDestinationCollectionId) }
        if source.id == destination.id { return answer(.sourceAndDestinationAreTheSame) }
        guard let item = try await context.store.item(id: serverID.itemID) else {
            return answer(.invalidSourceCollectionIdOrItemId)
        }
        let moved: Item
        if item.folderID == destination.id {
            moved = item  // done before: the same answer again
        } else if item.folderID == source.id && serverID.folderID == source.id {
            do {
                moved = try await source.move(item, to: destination.id)
            } catch let error as StoreError {
                if case .itemNotFound = error { return answer(.invalidSourceCollectionIdOrItemId) }
                return answer(.failure)
            }
        } else {
            return answer(.invalidSourceCollectionIdOrItemId)
        }
        let itemID = moved.id
        let modseq = moved.modseq
        try? await HeldItems.update(context, folderID: source.id) { state in
            state.held[itemID] = nil
            state.upToDate = nil
        }
        try? await HeldItems.update(context, folderID: destination.id) { state in
            state.held[itemID] = modseq
            state.upToDate = nil
        }
        return answer(.success, destination.serverID(moved.id))
    }
}
