import WBXML

/// A MoveItems request (MS-ASCMD 2.2.1.12): moves of single items, each with the item's
/// ServerId (SrcMsgId) and the source and destination folders (SrcFldId, DstFldId).
struct MoveItemsRequest: Sendable {
    struct Move: Sendable {
        var sourceMessageID: String
        var sourceFolderID: String
        var destinationFolderID: String
    }

    var moves: [Move] = []

    /// Parses a `MoveItems` element; nil when it is not one or a Move lacks a part.
    init?(_ element: WBXMLElement) {
        guard element.name == "MoveItems" else { return nil }
        for move in element.children(named: "Move") {
            guard let message = move.childText("SrcMsgId"), let source = move.childText("SrcFldId"),
                let destination = move.childText("DstFldId")
            else { return nil }
            moves.append(Move(sourceMessageID: message, sourceFolderID: source, destinationFolderID: destination))
        }
    }
}
