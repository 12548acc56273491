import Conversions
import Foundation
import WBXML

/// Settings of the ActiveSync service.
public struct ActiveSyncConfiguration: Sendable {
    /// Devices not seen for this long are removed when the same user adds another (Outlook
    /// sends a new DeviceId on each restart); nil keeps them.
    public var pruneDevicesIdleFor: TimeInterval?
    /// Limits of the WBXML decoder for request bodies.
    public var wbxmlLimits: WBXMLLimits
    /// The converter of each item class (Calendar, Contacts, Tasks, Notes). Folders of a class
    /// without one sync no items: their Sync answers success with nothing in it, and a client's
    /// Add, Change or Fetch there is answered with status 6 (conversion error).
    public var converters: ItemConverters
    /// The longest a Sync with Wait or HeartbeatInterval waits for a change (the client's value
    /// when shorter; MS-ASCMD allows up to 59 minutes).
    public var maximumSyncWait: Duration
    /// The heartbeat intervals, in seconds, a Ping (MS-ASCMD 2.2.3.88.1) or a Sync
    /// (2.2.3.88.2) may ask for; outside it Ping answers status 5 and Sync status 14, each with
    /// the nearest bound. MS-ASCMD's values are 60 to 3,540 (59 minutes).
    public var heartbeatRange: ClosedRange<Int>
    /// The most folders one Ping may watch (more: status 6 with MaxFolders, MS-ASCMD 2.2.3.102).
    public var maximumPingFolders: Int

    public static let defaultHeartbeatRange = 60...3540

    public init(
        pruneDevicesIdleFor: TimeInterval? = 30 * 24 * 3600, wbxmlLimits: WBXMLLimits = .default,
        converters: ItemConverters = .standard, maximumSyncWait: Duration = .seconds(59 * 60),
        heartbeatRange: ClosedRange<Int> = ActiveSyncConfiguration.defaultHeartbeatRange,
        maximumPingFolders: Int = 300
    ) {
        self.pruneDevicesIdleFor = pruneDevicesIdleFor
        self.wbxmlLimits = wbxmlLimits
        self.converters = converters
        self.maximumSyncWait = maximumSyncWait
        self.heartbeatRange = heartbeatRange
        self.maximumPingFolders = maximumPingFolders
    }
}
