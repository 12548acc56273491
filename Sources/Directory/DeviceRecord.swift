import Foundation
import GRDB

/// A row of `device`.
struct DeviceRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "device"

    var id: Int64?
    var userID: Int64
    var deviceID: String
    var deviceType: String
    var userAgent: String?
    var model: String?
    var imei: String?
    var friendlyName: String?
    var os: String?
    var osLanguage: String?
    var phoneNumber: String?
    var mobileOperator: String?
    var informationUserAgent: String?
    var protocolVersion: String?
    var firstSeen: Date
    var lastSeen: Date
    var policyKey: UInt32?
    var pendingPolicyKey: UInt32?
    var pendingFinalKey: UInt32?
    var wipeState: String
    var wipeAccountOnly: Bool
    var wipeRequestedAt: Date?
    var wipeAcknowledgedAt: Date?
    var blocked: Bool

    enum CodingKeys: String, CodingKey {
        case id
        case userID = "user_id"
        case deviceID = "device_id"
        case deviceType = "device_type"
        case userAgent = "user_agent"
        case model
        case imei
        case friendlyName = "friendly_name"
        case os
        case osLanguage = "os_language"
        case phoneNumber = "phone_number"
        case mobileOperator = "mobile_operator"
        case informationUserAgent = "information_user_agent"
        case protocolVersion = "protocol_version"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case policyKey = "policy_key"
        case pendingPolicyKey = "pending_policy_key"
        case pendingFinalKey = "pending_final_key"
        case wipeState = "wipe_state"
        case wipeAccountOnly = "wipe_account_only"
        case wipeRequestedAt = "wipe_requested_at"
        case wipeAcknowledgedAt = "wipe_acknowledged_at"
        case blocked
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let userID = Column(CodingKeys.userID)
        static let deviceID = Column(CodingKeys.deviceID)
        static let lastSeen = Column(CodingKeys.lastSeen)
        static let wipeState = Column(CodingKeys.wipeState)
        static let blocked = Column(CodingKeys.blocked)
    }

    /// A device seen for the first time.
    init(
        userID: Int64, deviceID: String, deviceType: String, userAgent: String?, protocolVersion: String?, now: Date
    ) {
        self.userID = userID
        self.deviceID = deviceID
        self.deviceType = deviceType
        self.userAgent = userAgent
        self.protocolVersion = protocolVersion
        self.firstSeen = now
        self.lastSeen = now
        self.wipeState = "none"
        self.wipeAccountOnly = false
        self.blocked = false
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Records a request: changes the type, the user agent or the version
    /// when they differ (nil keeps what is stored), and `last_seen` when
    /// something changed or it is `touchInterval` old. Returns whether
    /// anything changed, that is whether the row needs writing.
    mutating func touch(
        deviceType: String, userAgent: String?, protocolVersion: String?, now: Date, touchInterval: TimeInterval
    ) -> Bool {
        var changed = false
        if deviceType != self.deviceType {
            self.deviceType = deviceType
            changed = true
        }
        if let userAgent, userAgent != self.userAgent {
            self.userAgent = userAgent
            changed = true
        }
        if let protocolVersion, protocolVersion != self.protocolVersion {
            self.protocolVersion = protocolVersion
            changed = true
        }
        if changed || now.timeIntervalSince(lastSeen) >= touchInterval {
            lastSeen = max(lastSeen, now)
            changed = true
        }
        return changed
    }

    var information: DeviceInformation {
        get {
            DeviceInformation(
                model: model, imei: imei, friendlyName: friendlyName, os: os, osLanguage: osLanguage,
                phoneNumber: phoneNumber, mobileOperator: mobileOperator, userAgent: informationUserAgent)
        }
        set {
            model = newValue.model
            imei = newValue.imei
            friendlyName = newValue.friendlyName
            os = newValue.os
            osLanguage = newValue.osLanguage
            phoneNumber = newValue.phoneNumber
            mobileOperator = newValue.mobileOperator
            informationUserAgent = newValue.userAgent
        }
    }

    /// The wipe columns as one value; nil when they contradict each other
    /// (the schema's CHECK prevents that).
    var wipe: DeviceWipe? {
        switch (wipeState, wipeRequestedAt, wipeAcknowledgedAt) {
        case ("none", nil, nil): DeviceWipe.none
        case ("requested", let requestedAt?, nil): .requested(accountOnly: wipeAccountOnly, at: requestedAt)
        case ("acknowledged", let requestedAt?, let acknowledgedAt?):
            .acknowledged(accountOnly: wipeAccountOnly, requestedAt: requestedAt, acknowledgedAt: acknowledgedAt)
        default: nil
        }
    }

    mutating func setWipe(_ wipe: DeviceWipe) {
        wipeState = wipe.stateName
        wipeAccountOnly = wipe.isAccountOnly
        switch wipe {
        case .none:
            wipeRequestedAt = nil
            wipeAcknowledgedAt = nil
        case .requested(_, let at):
            wipeRequestedAt = at
            wipeAcknowledgedAt = nil
        case .acknowledged(_, let requestedAt, let acknowledgedAt):
            wipeRequestedAt = requestedAt
            wipeAcknowledgedAt = acknowledgedAt
        }
    }

    /// The public value, with the owner's address.
    func device(userAddress: String) throws -> Device {
        guard let id, let wipe else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "device row \(id ?? 0) is inconsistent")
        }
        return Device(
            id: id, userID: userID, userAddress: userAddress, deviceID: deviceID, deviceType: deviceType,
            userAgent: userAgent, information: information, protocolVersion: protocolVersion, firstSeen: firstSeen,
            lastSeen: lastSeen, policyKey: policyKey, pendingPolicyKey: pendingPolicyKey,
            pendingFinalKey: pendingFinalKey, wipe: wipe, isBlocked: blocked)
    }
}
