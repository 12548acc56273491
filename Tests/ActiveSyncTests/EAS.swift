import WBXML

/// Request bodies as the clients send them (MS-ASCMD, MS-ASPROV examples).
enum EAS {
    static func element(_ namespace: String, _ name: String, _ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(namespace, name, children: children)
    }

    static func text(_ namespace: String, _ name: String, _ value: String) -> WBXMLElement {
        WBXMLElement(namespace, name, text: value)
    }

    static func deviceInformation(model: String = "iPhone16,1", os: String = "iOS 18.1") -> WBXMLElement {
        element(
            "Settings", "DeviceInformation",
            [
                element(
                    "Settings", "Set",
                    [
                        text("Settings", "Model", model), text("Settings", "IMEI", "356938035643809"),
                        text("Settings", "FriendlyName", "Demo's iPhone"), text("Settings", "OS", os),
                        text("Settings", "OSLanguage", "English"), text("Settings", "PhoneNumber", "+4917012345"),
                        text("Settings", "UserAgent", "Apple-iPhone16C1/2201.100"),
                        text("Settings", "MobileOperator", "Telekom"),
                    ])
            ])
    }

    /// The initial Provision (with DeviceInformation, as 14.1 clients send it).
    static func provision(withDeviceInformation: Bool = true) -> WBXMLElement {
        element(
            "Provision", "Provision",
            (withDeviceInformation ? [deviceInformation()] : [])
                + [
                    element(
                        "Provision", "Policies",
                        [element("Provision", "Policy", [text("Provision", "PolicyType", "MS-EAS-Provisioning-WBXML")])]
                    )
                ])
    }

    /// The acknowledgement of a temporary key.
    static func provision(acknowledging key: UInt32, status: Int = 1) -> WBXMLElement {
        element(
            "Provision", "Provision",
            [
                element(
                    "Provision", "Policies",
                    [
                        element(
                            "Provision", "Policy",
                            [
                                text("Provision", "PolicyType", "MS-EAS-Provisioning-WBXML"),
                                text("Provision", "PolicyKey", String(key)),
                                text("Provision", "Status", String(status)),
                            ])
                    ])
            ])
    }

    static func folderSync(_ key: String) -> WBXMLElement {
        element("FolderHierarchy", "FolderSync", [text("FolderHierarchy", "SyncKey", key)])
    }

    static func folderCreate(_ key: String, parent: String = "0", name: String, type: Int) -> WBXMLElement {
        element(
            "FolderHierarchy", "FolderCreate",
            [
                text("FolderHierarchy", "SyncKey", key), text("FolderHierarchy", "ParentId", parent),
                text("FolderHierarchy", "DisplayName", name), text("FolderHierarchy", "Type", String(type)),
            ])
    }

    static func folderUpdate(_ key: String, id: String, parent: String = "0", name: String) -> WBXMLElement {
        element(
            "FolderHierarchy", "FolderUpdate",
            [
                text("FolderHierarchy", "SyncKey", key), text("FolderHierarchy", "ServerId", id),
                text("FolderHierarchy", "ParentId", parent), text("FolderHierarchy", "DisplayName", name),
            ])
    }

    static func folderDelete(_ key: String, id: String) -> WBXMLElement {
        element(
            "FolderHierarchy", "FolderDelete",
            [text("FolderHierarchy", "SyncKey", key), text("FolderHierarchy", "ServerId", id)])
    }

    static func settings(_ parts: [WBXMLElement]) -> WBXMLElement {
        element("Settings", "Settings", parts)
    }
}

extension EAS {
    // MARK: Sync (MS-ASCMD 2.2.1.21), children in the order of 2.2.3.29.2

    static func sync(_ collections: [WBXMLElement], windowSize: Int? = nil, partial: Bool = false) -> WBXMLElement {
        var children = [element("AirSync", "Collections", collections)]
        if let windowSize { children.append(text("AirSync", "WindowSize", String(windowSize))) }
        if partial { children.append(WBXMLElement("AirSync", "Partial")) }
        return element("AirSync", "Sync", children)
    }

    static func collection(
        _ key: String, _ folderID: Int64, deletesAsMoves: Bool? = nil, getChanges: Bool? = nil, windowSize: Int? = nil,
        options: [WBXMLElement]? = nil, commands: [WBXMLElement] = []
    ) -> WBXMLElement {
        var children = [text("AirSync", "SyncKey", key), text("AirSync", "CollectionId", String(folderID))]
        if let deletesAsMoves { children.append(text("AirSync", "DeletesAsMoves", deletesAsMoves ? "1" : "0")) }
        if let getChanges { children.append(text("AirSync", "GetChanges", getChanges ? "1" : "0")) }
        if let windowSize { children.append(text("AirSync", "WindowSize", String(windowSize))) }
        if let options { children.append(element("AirSync", "Options", options)) }
        if !commands.isEmpty { children.append(element("AirSync", "Commands", commands)) }
        return element("AirSync", "Collection", children)
    }

    static func filterType(_ value: Int) -> WBXMLElement { text("AirSync", "FilterType", String(value)) }

    static func add(_ clientID: String, _ data: [WBXMLElement]) -> WBXMLElement {
        element("AirSync", "Add", [text("AirSync", "ClientId", clientID), element("AirSync", "ApplicationData", data)])
    }

    /// A Change; `instanceID` (16.x) names one instance of a series, beside ServerId
    /// (MS-ASCMD 2.2.3.24).
    static func change(_ serverID: String, _ data: [WBXMLElement], instanceID: String? = nil) -> WBXMLElement {
        var children = [text("AirSync", "ServerId", serverID)]
        if let instanceID { children.append(text("AirSyncBase", "InstanceId", instanceID)) }
        return element("AirSync", "Change", children + [element("AirSync", "ApplicationData", data)])
    }

    /// A Delete; `instanceID` (16.x) deletes one instance of a series (MS-ASCMD 2.2.3.42.2).
    static func delete(_ serverID: String, instanceID: String? = nil) -> WBXMLElement {
        var children = [text("AirSync", "ServerId", serverID)]
        if let instanceID { children.append(text("AirSyncBase", "InstanceId", instanceID)) }
        return element("AirSync", "Delete", children)
    }

    static func fetch(_ serverID: String) -> WBXMLElement {
        element("AirSync", "Fetch", [text("AirSync", "ServerId", serverID)])
    }

    /// The ApplicationData of a note (what ``FakeConverter`` reads).
    static func note(_ subject: String) -> [WBXMLElement] { [text("Notes", "Subject", subject)] }

    // MARK: GetItemEstimate, MoveItems, ItemOperations

    static func getItemEstimate(_ collections: [(key: String, folderID: Int64)]) -> WBXMLElement {
        element(
            "GetItemEstimate", "GetItemEstimate",
            [
                element(
                    "GetItemEstimate", "Collections",
                    collections.map {
                        element(
                            "GetItemEstimate", "Collection",
                            [
                                text("AirSync", "SyncKey", $0.key),
                                text("GetItemEstimate", "CollectionId", String($0.folderID)),
                            ])
                    })
            ])
    }

    static func moveItems(_ moves: [(serverID: String, from: Int64, to: Int64)]) -> WBXMLElement {
        element(
            "Move", "MoveItems",
            moves.map {
                element(
                    "Move", "Move",
                    [
                        text("Move", "SrcMsgId", $0.serverID), text("Move", "SrcFldId", String($0.from)),
                        text("Move", "DstFldId", String($0.to)),
                    ])
            })
    }

    static func itemOperations(_ operations: [WBXMLElement]) -> WBXMLElement {
        element("ItemOperations", "ItemOperations", operations)
    }

    static func fetchItem(_ serverID: String, in folderID: Int64, store: String = "Mailbox") -> WBXMLElement {
        element(
            "ItemOperations", "Fetch",
            [
                text("ItemOperations", "Store", store), text("AirSync", "CollectionId", String(folderID)),
                text("AirSync", "ServerId", serverID),
                element(
                    "ItemOperations", "Options",
                    [element("AirSyncBase", "BodyPreference", [text("AirSyncBase", "Type", "1")])]),
            ])
    }

    static func emptyFolderContents(_ folderID: Int64, deleteSubFolders: Bool = false) -> WBXMLElement {
        var children = [text("AirSync", "CollectionId", String(folderID))]
        if deleteSubFolders {
            children.append(element("ItemOperations", "Options", [WBXMLElement("ItemOperations", "DeleteSubFolders")]))
        }
        return element("ItemOperations", "EmptyFolderContents", children)
    }
}
