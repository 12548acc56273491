import WBXML

/// The elements of a Ping response (MS-ASCMD 2.2.1.13): Status, and with status 2 the changed
/// folders, with 5 the allowed HeartbeatInterval, with 6 MaxFolders.
enum PingResponse {
    static func status(_ status: PingStatus) -> WBXMLElement {
        ping(status, [])
    }

    /// Status 2 with `folderIDs` (MS-ASCMD 2.2.3.75.1: `Folders/Folder` holds the ServerId).
    static func changed(_ folderIDs: [String]) -> WBXMLElement {
        ping(
            .changesOccurred,
            [WBXMLElement("Ping", "Folders", children: folderIDs.map { WBXMLElement("Ping", "Folder", text: $0) })])
    }

    /// Status 5 with the nearest allowed interval (MS-ASCMD 2.2.3.88.1).
    static func invalidHeartbeat(allowed: Int) -> WBXMLElement {
        ping(.invalidHeartbeatInterval, [WBXMLElement("Ping", "HeartbeatInterval", text: String(allowed))])
    }

    /// Status 6 with the most folders a Ping may watch (MS-ASCMD 2.2.3.102).
    static func tooManyFolders(maximum: Int) -> WBXMLElement {
        ping(.tooManyFolders, [WBXMLElement("Ping", "MaxFolders", text: String(maximum))])
    }

    private static func ping(_ status: PingStatus, _ more: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement("Ping", "Ping", children: [WBXMLElement("Ping", "Status", text: String(status.rawValue))] + more)
    }
}
