import Conversions
import WBXML

/// The elements of an ItemOperations response (MS-ASCMD 2.2.1.10).
enum ItemOperationsResponse {
    /// `<ItemOperations><Status/><Response>…</Response></ItemOperations>`.
    static func itemOperations(_ status: ItemOperationsStatus, _ parts: [WBXMLElement] = []) -> WBXMLElement {
        var children = [statusElement(status)]
        if !parts.isEmpty { children.append(WBXMLElement("ItemOperations", "Response", children: parts)) }
        return WBXMLElement("ItemOperations", "ItemOperations", children: children)
    }

    /// MS-ASCMD 2.2.3.67.1 Fetch of a response: Status, CollectionId, ServerId, Class, and the
    /// item's data in `Properties`.
    static func fetch(
        _ status: ItemOperationsStatus, collectionID: String?, serverID: String?, itemClass: ItemClass? = nil,
        properties: [WBXMLElement]? = nil
    ) -> WBXMLElement {
        var children = [statusElement(status)]
        if let collectionID { children.append(WBXMLElement("AirSync", "CollectionId", text: collectionID)) }
        if let serverID { children.append(WBXMLElement("AirSync", "ServerId", text: serverID)) }
        if let itemClass { children.append(WBXMLElement("AirSync", "Class", text: itemClass.rawValue)) }
        if let properties { children.append(WBXMLElement("ItemOperations", "Properties", children: properties)) }
        return WBXMLElement("ItemOperations", "Fetch", children: children)
    }

    /// MS-ASCMD 2.2.3.59 EmptyFolderContents of a response.
    static func emptyFolderContents(_ status: ItemOperationsStatus, collectionID: String?) -> WBXMLElement {
        var children = [statusElement(status)]
        if let collectionID { children.append(WBXMLElement("AirSync", "CollectionId", text: collectionID)) }
        return WBXMLElement("ItemOperations", "EmptyFolderContents", children: children)
    }

    private static func statusElement(_ status: ItemOperationsStatus) -> WBXMLElement {
        WBXMLElement("ItemOperations", "Status", text: String(status.rawValue))
    }
}
