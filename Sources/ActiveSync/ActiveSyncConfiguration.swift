import Foundation
import WBXML

/// Settings of the ActiveSync service.
public struct ActiveSyncConfiguration: Sendable {
    /// Devices not seen for this long are removed when the same user adds another (Outlook
    /// sends a new DeviceId on each restart); nil keeps them.
    public var pruneDevicesIdleFor: TimeInterval?
    /// Limits of the WBXML decoder for request bodies.
    public var wbxmlLimits: WBXMLLimits

    public init(pruneDevicesIdleFor: TimeInterval? = 30 * 24 * 3600, wbxmlLimits: WBXMLLimits = .default) {
        self.pruneDevicesIdleFor = pruneDevicesIdleFor
        self.wbxmlLimits = wbxmlLimits
    }
}
