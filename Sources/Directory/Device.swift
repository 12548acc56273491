import Foundation

/// An Exchange ActiveSync client of one user (a phone, a tablet, a mail
/// app), as the directory knows it.
public struct Device: Sendable, Equatable {
    /// The row id.
    public var id: Int64
    /// The owner's user id.
    public var userID: Int64
    /// The owner's lower-cased address.
    public var userAddress: String
    /// The DeviceId the client sends (MS-ASHTTP 2.2.1.1.1.2.3), as it first
    /// sent it; matched in any case.
    public var deviceID: String
    /// The DeviceType the client sends, such as `iPhone` or `Android`.
    public var deviceType: String
    /// The User-Agent header of the latest request that carried one.
    public var userAgent: String?
    /// What the client told about itself in Settings DeviceInformation.
    public var information: DeviceInformation
    /// The EAS protocol version of the latest request that named one, such
    /// as `16.1`.
    public var protocolVersion: String?
    /// The first request.
    public var firstSeen: Date
    /// The latest request, to within `Directory.deviceTouchInterval`.
    public var lastSeen: Date
    /// The final policy key the device acknowledged (MS-ASPROV), if any.
    public var policyKey: UInt32?
    /// The temporary key handed out in the first Provision phase, while the
    /// device has not acknowledged it.
    public var pendingPolicyKey: UInt32?
    /// The final key `pendingPolicyKey` turns into when acknowledged.
    public var pendingFinalKey: UInt32?
    /// Whether an operator asked for the device to be wiped.
    public var wipe: DeviceWipe
    /// Whether an operator blocked the device.
    public var isBlocked: Bool

    public init(
        id: Int64, userID: Int64, userAddress: String, deviceID: String, deviceType: String, userAgent: String?,
        information: DeviceInformation, protocolVersion: String?, firstSeen: Date, lastSeen: Date,
        policyKey: UInt32?, pendingPolicyKey: UInt32?, pendingFinalKey: UInt32?, wipe: DeviceWipe, isBlocked: Bool
    ) {
        self.id = id
        self.userID = userID
        self.userAddress = userAddress
        self.deviceID = deviceID
        self.deviceType = deviceType
        self.userAgent = userAgent
        self.information = information
        self.protocolVersion = protocolVersion
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.policyKey = policyKey
        self.pendingPolicyKey = pendingPolicyKey
        self.pendingFinalKey = pendingFinalKey
        self.wipe = wipe
        self.isBlocked = isBlocked
    }
}
