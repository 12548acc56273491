/// The heartbeat interval and folder list of a device's last Ping, which a later Ping may
/// leave out (MS-ASCMD 3.1.5.8: the server caches both; an empty Ping reuses them). Kept under
/// the sync-state collection `ping`.
struct PingCache: DeviceRequestCache {
    static let collection = "ping"

    var heartbeatInterval: Int
    var folders: [PingRequest.Folder]
}
