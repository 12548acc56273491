import WBXML

/// A parsed Sync request (MS-ASCMD 2.2.1.21): the collections with their keys, options and
/// client commands, and the request-wide WindowSize, Wait, HeartbeatInterval and Partial.
struct SyncRequest: Sendable {
    /// One client command of a collection's `Commands` (MS-ASCMD 2.2.3.32).
    enum Command: Sendable {
        case add(clientID: String, applicationData: WBXMLElement)
        /// `instanceID`: the 16.x `AirSyncBase:InstanceId` of one instance of a recurring
        /// series (MS-ASAIRS 2.2.2.25), a child of Change and Delete beside ServerId.
        case change(serverID: String, instanceID: String?, applicationData: WBXMLElement)
        case delete(serverID: String, instanceID: String?)
        case fetch(serverID: String)
    }

    /// MS-ASCMD 2.2.3.29.2 Collection of a request.
    struct Collection: Sendable {
        var syncKey: String
        var collectionID: String
        /// MS-ASCMD 2.2.3.179 Supported, as `Namespace:Name`.
        var supported: [String]?
        /// MS-ASCMD 2.2.3.43 DeletesAsMoves; nil: the default, true.
        var deletesAsMoves: Bool?
        /// MS-ASCMD 2.2.3.84 GetChanges; nil: true, except with SyncKey 0.
        var getChanges: Bool?
        /// MS-ASCMD 2.2.3.199 WindowSize.
        var windowSize: Int?
        /// The `Options` element, applied over the options in force.
        var options: WBXMLElement?
        var commands: [Command] = []

        init(syncKey: String, collectionID: String) {
            self.syncKey = syncKey
            self.collectionID = collectionID
        }
    }

    var collections: [Collection] = []
    /// MS-ASCMD 2.2.3.199 WindowSize of the whole request.
    var windowSize: Int?
    /// MS-ASCMD 2.2.3.195 Wait, in minutes.
    var wait: Int?
    /// MS-ASCMD 2.2.3.79.2 HeartbeatInterval, in seconds.
    var heartbeatInterval: Int?
    /// MS-ASCMD 2.2.3.129 Partial: the collections complete the cached ones.
    var partial = false

    /// More collections than this in one request are refused (status 15).
    static let maximumCollections = 1_000

    init() {}

    /// Parses a `Sync` element; nil when it is not one (a protocol error).
    init?(_ element: WBXMLElement) {
        guard element.name == "Sync", element.namespace == "AirSync" else { return nil }
        for child in element.children {
            switch child.name {
            case "Collections":
                for collection in child.children(named: "Collection") {
                    guard let parsed = Self.collection(collection) else { return nil }
                    collections.append(parsed)
                }
            case "WindowSize": windowSize = child.text.flatMap { Int($0) }
            case "Wait": wait = child.text.flatMap { Int($0) }
            case "HeartbeatInterval": heartbeatInterval = child.text.flatMap { Int($0) }
            case "Partial": partial = child.text != "0"
            default: continue
            }
        }
    }

    private static func collection(_ element: WBXMLElement) -> Collection? {
        guard let key = element.childText("SyncKey"), let id = element.childText("CollectionId") else { return nil }
        var collection = Collection(syncKey: key, collectionID: id)
        for child in element.children {
            switch child.name {
            case "Supported": collection.supported = SyncOptions.supported(child)
            case "DeletesAsMoves": collection.deletesAsMoves = child.text != "0"
            case "GetChanges": collection.getChanges = child.text != "0"
            case "WindowSize": collection.windowSize = child.text.flatMap { Int($0) }
            case "Options": collection.options = collection.options ?? child
            case "Commands":
                for command in child.children {
                    guard let parsed = Self.command(command) else { return nil }
                    collection.commands.append(parsed)
                }
            default: continue
            }
        }
        return collection
    }

    private static func command(_ element: WBXMLElement) -> Command? {
        let data = element.child("ApplicationData") ?? WBXMLElement("AirSync", "ApplicationData", children: [])
        switch element.name {
        case "Add": return element.childText("ClientId").map { .add(clientID: $0, applicationData: data) }
        case "Change":
            return element.childText("ServerId").map {
                .change(serverID: $0, instanceID: instanceID(of: element), applicationData: data)
            }
        case "Delete":
            return element.childText("ServerId").map { .delete(serverID: $0, instanceID: instanceID(of: element)) }
        case "Fetch": return element.childText("ServerId").map { .fetch(serverID: $0) }
        default: return nil
        }
    }

    /// MS-ASCMD 2.2.3.24, 2.2.3.42.2: `AirSyncBase:InstanceId` beside ServerId (16.0+). Its
    /// value is checked by the converter, so a bad one fails that item alone (status 6).
    private static func instanceID(of element: WBXMLElement) -> String? {
        guard let child = element.child("InstanceId", namespace: "AirSyncBase") else { return nil }
        return child.text ?? ""
    }

    /// MS-ASCMD 2.2.3.199: WindowSize 0 or above 512 means 512; none means 100.
    static func windowSize(_ value: Int?) -> Int {
        guard let value else { return 100 }
        return value <= 0 || value > 512 ? 512 : value
    }
}

extension WBXMLElement {
    /// FNV-1a (64 bits) of the element's XML form: tells a resent Add from a new one that
    /// reuses a ClientId.
    var fingerprint: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in xml().utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
