import WBXML

/// The elements of a MoveItems response (MS-ASCMD 2.2.1.12): one `Response` per Move with the
/// item's old ServerId, the status and, on success, its new ServerId.
enum MoveItemsResponse {
    static func response(sourceMessageID: String, status: MoveItemsStatus, destinationMessageID: String? = nil)
        -> WBXMLElement
    {
        var children = [
            WBXMLElement("Move", "SrcMsgId", text: sourceMessageID),
            WBXMLElement("Move", "Status", text: String(status.rawValue)),
        ]
        if let destinationMessageID { children.append(WBXMLElement("Move", "DstMsgId", text: destinationMessageID)) }
        return WBXMLElement("Move", "Response", children: children)
    }

    static func moveItems(_ responses: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement("Move", "MoveItems", children: responses)
    }
}
