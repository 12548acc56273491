import Conversions
import WBXML

/// The elements of a Sync response (MS-ASCMD 2.2.1.21), in the AirSync code page.
enum SyncResponse {
    /// `<Sync>`: the collections, or only a Status when the request failed as a whole
    /// (MS-ASCMD 2.2.3.180), with `Limit` for status 14 (2.2.3.98).
    static func sync(_ collections: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement("AirSync", "Sync", children: [WBXMLElement("AirSync", "Collections", children: collections)])
    }

    static func sync(status: SyncStatus, limit: Int? = nil) -> WBXMLElement {
        var children = [text("Status", String(status.rawValue))]
        if let limit { children.append(text("Limit", String(limit))) }
        return WBXMLElement("AirSync", "Sync", children: children)
    }

    /// MS-ASCMD 2.2.3.29.2 Collection of a response, children in the schema's order: Class
    /// (12.1 only), SyncKey, CollectionId, Status, MoreAvailable, Commands, Responses.
    static func collection(
        itemClass: ItemClass?, version: ProtocolVersion, key: String, collectionID: String, status: SyncStatus,
        moreAvailable: Bool = false, commands: [WBXMLElement] = [], responses: [WBXMLElement] = []
    ) -> WBXMLElement {
        var children: [WBXMLElement] = []
        if version < .v140, let itemClass { children.append(text("Class", itemClass.rawValue)) }
        children += [text("SyncKey", key), text("CollectionId", collectionID), text("Status", String(status.rawValue))]
        if moreAvailable { children.append(WBXMLElement("AirSync", "MoreAvailable")) }
        if !commands.isEmpty { children.append(WBXMLElement("AirSync", "Commands", children: commands)) }
        if !responses.isEmpty { children.append(WBXMLElement("AirSync", "Responses", children: responses)) }
        return WBXMLElement("AirSync", "Collection", children: children)
    }

    // MARK: Server commands (MS-ASCMD 2.2.3.32)

    /// `Add` or `Change` of an item with its data.
    static func item(_ kind: String, serverID: String, applicationData: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(
            "AirSync", kind,
            children: [
                text("ServerId", serverID), WBXMLElement("AirSync", "ApplicationData", children: applicationData),
            ])
    }

    /// `Delete` or `SoftDelete` (MS-ASCMD 2.2.3.172) of an item.
    static func removal(_ kind: String, serverID: String) -> WBXMLElement {
        WBXMLElement("AirSync", kind, children: [text("ServerId", serverID)])
    }

    // MARK: Responses to client commands (MS-ASCMD 2.2.3.154)

    /// The answer to a client Add: its ClientId, the ServerId on success, the status.
    static func addResponse(clientID: String, serverID: String?, status: SyncStatus) -> WBXMLElement {
        var children = [text("ClientId", clientID)]
        if let serverID { children.append(text("ServerId", serverID)) }
        children.append(text("Status", String(status.rawValue)))
        return WBXMLElement("AirSync", "Add", children: children)
    }

    /// The answer to a client Change or Delete, sent only when it failed (MS-ASCMD 2.2.3.24,
    /// 2.2.3.42.2), or to a Fetch (2.2.3.67.2) with the item's data.
    /// A 16.x command on one instance answers with its `AirSyncBase:InstanceId` after ServerId
    /// (MS-ASAIRS 2.2.2.25).
    static func response(
        _ kind: String, serverID: String, instanceID: String? = nil, status: SyncStatus,
        applicationData: [WBXMLElement]? = nil
    ) -> WBXMLElement {
        var children = [text("ServerId", serverID)]
        if let instanceID { children.append(WBXMLElement("AirSyncBase", "InstanceId", text: instanceID)) }
        children.append(text("Status", String(status.rawValue)))
        if let applicationData {
            children.append(WBXMLElement("AirSync", "ApplicationData", children: applicationData))
        }
        return WBXMLElement("AirSync", kind, children: children)
    }

    private static func text(_ name: String, _ value: String) -> WBXMLElement {
        WBXMLElement("AirSync", name, text: value)
    }
}
