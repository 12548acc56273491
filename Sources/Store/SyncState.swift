import Foundation

/// The saved state of one Exchange ActiveSync collection on one device (a row of `sync_state`,
/// v0005): what the current SyncKey names, and the state of the key before it, which a client
/// that lost a response may resend. The bytes are ActiveSync's own encoding.
public struct SyncState: Sendable, Equatable {
    /// The EAS DeviceId, lower-cased.
    public var deviceID: String
    /// `hierarchy` for the folder list (FolderSync), else a folder id.
    public var collection: String
    public var key: Int64
    public var state: [UInt8]
    public var previousKey: Int64?
    public var previousState: [UInt8]?
    public var updatedAt: Date

    public init(
        deviceID: String, collection: String, key: Int64, state: [UInt8], previousKey: Int64?,
        previousState: [UInt8]?, updatedAt: Date
    ) {
        self.deviceID = deviceID
        self.collection = collection
        self.key = key
        self.state = state
        self.previousKey = previousKey
        self.previousState = previousState
        self.updatedAt = updatedAt
    }

    /// The state a key names: the current or the previous one.
    public func state(forKey key: Int64) -> [UInt8]? {
        if key == self.key { return state }
        if key == previousKey { return previousState }
        return nil
    }
}
