import Foundation

/// An Exchange ActiveSync client Add (MS-ASCMD 2.2.3.7.2) as the store remembers it (a row of
/// `client_add`, v0006, without its folder and item): the device, the ClientId it chose and the
/// fingerprint of what it sent. Written with the item it created, in one transaction, so a
/// resent Add finds that item even when the sync state saved after it was lost.
public struct ClientAdd: Sendable, Hashable {
    /// The EAS DeviceId, lower-cased.
    public let deviceID: String
    public let clientID: String
    /// The fingerprint of the Add's `ApplicationData` (stored as its Int64 bit pattern).
    public let fingerprint: UInt64

    /// How long a row is kept, and how many a device keeps per folder (the newest).
    static let lifetime: TimeInterval = 30 * 24 * 60 * 60
    static let maximumPerFolder = 512

    /// nil when the DeviceId is not 1 to 128 characters or the ClientId not 1 to 256
    /// (the schema's bounds, counted as SQLite counts them).
    public init?(deviceID: String, clientID: String, fingerprint: UInt64) {
        let deviceID = deviceID.lowercased()
        guard (1...128).contains(deviceID.unicodeScalars.count),
            (1...256).contains(clientID.unicodeScalars.count)
        else { return nil }
        self.deviceID = deviceID
        self.clientID = clientID
        self.fingerprint = fingerprint
    }

    /// The fingerprint as SQLite stores it.
    var storedFingerprint: Int64 { Int64(bitPattern: fingerprint) }
}
