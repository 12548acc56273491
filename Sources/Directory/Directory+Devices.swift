import Foundation
import GRDB

/// What the ActiveSync commands ask of the directory about the device that
/// sent a request, named by the authenticated user's id and the DeviceId.
extension Directory {
    /// How old `last_seen` may grow before a request writes it again: 5 minutes.
    public static let deviceTouchInterval: TimeInterval = 300

    /// Records a request from a device and returns the device.
    ///
    /// On first contact the device is inserted; before that, when
    /// `pruneIdleAfter` is given, the user's devices idle longer than that
    /// are deleted (except blocked devices and those with a wipe still to
    /// deliver). A known device is written only when its type, user agent or
    /// protocol version changed (nil keeps what is stored) or its
    /// `last_seen` is at least `touchInterval` old, so that steady traffic
    /// costs one read per request, not a write.
    public func registerDevice(
        userID: Int64, deviceID: String, deviceType: String, userAgent: String?, protocolVersion: String?,
        pruneIdleAfter: TimeInterval?, touchInterval: TimeInterval = Directory.deviceTouchInterval, now: Date = Date()
    ) async throws -> Device {
        let deviceID = try Validation.deviceID(deviceID)
        let deviceType = try Validation.deviceType(deviceType)
        let userAgent = try Validation.deviceField("user agent", userAgent)
        let protocolVersion = try Validation.deviceField(
            "protocol version", protocolVersion, maximumLength: Validation.maximumProtocolVersionLength)
        if let pruneIdleAfter, !(pruneIdleAfter > 0) { throw DirectoryError.invalidIdlePeriod(pruneIdleAfter) }

        // The common case: a known device, recently seen, nothing changed.
        let known = try readNow { db in try StoredDevice.fetch(userID: userID, deviceID: deviceID, in: db) }
        if let known {
            var record = known.record
            let changed = record.touch(
                deviceType: deviceType, userAgent: userAgent, protocolVersion: protocolVersion, now: now,
                touchInterval: touchInterval)
            if !changed { return try known.device }
        }

        return try await pool.write { db in
            // Again inside the transaction: another request may have come first.
            if var record = try StoredDevice.fetch(userID: userID, deviceID: deviceID, in: db)?.record {
                if record.touch(
                    deviceType: deviceType, userAgent: userAgent, protocolVersion: protocolVersion, now: now,
                    touchInterval: touchInterval)
                {
                    try record.update(db)
                }
            } else {
                guard try UserRecord.exists(db, key: userID) else { throw DirectoryError.userIDNotFound(userID) }
                if let pruneIdleAfter {
                    _ = try StoredDevice.deleteIdle(userID: userID, before: now - pruneIdleAfter, in: db)
                }
                var record = DeviceRecord(
                    userID: userID, deviceID: deviceID, deviceType: deviceType, userAgent: userAgent,
                    protocolVersion: protocolVersion, now: now)
                try record.insert(db)
            }
            return try StoredDevice.require(userID: userID, deviceID: deviceID, in: db).device
        }
    }

    /// The device with this DeviceId (in any case) of the user, if known.
    public func device(userID: Int64, deviceID: String) async throws -> Device? {
        let deviceID = try Validation.deviceID(deviceID)
        return try readNow { db in try StoredDevice.fetch(userID: userID, deviceID: deviceID, in: db)?.device }
    }

    /// Replaces what the device told about itself (Settings DeviceInformation
    /// Set, MS-ASCMD 2.2.3.45): every field, a nil one clears what was kept.
    public func setDeviceInformation(userID: Int64, deviceID: String, _ information: DeviceInformation) async throws {
        let deviceID = try Validation.deviceID(deviceID)
        try Validation.deviceInformation(information)
        try await pool.write { db in
            var record = try StoredDevice.require(userID: userID, deviceID: deviceID, in: db).record
            record.information = information
            try record.update(db)
        }
    }

    /// Provision phase 1 (MS-ASPROV): remembers the temporary key
    /// handed to the device with the policy, and the final key it turns
    /// into once the device acknowledges it. Replaces a pair still pending.
    public func setPendingPolicyKey(userID: Int64, deviceID: String, temporaryKey: UInt32, finalKey: UInt32)
        async throws
    {
        let deviceID = try Validation.deviceID(deviceID)
        try Validation.policyKeys(temporary: temporaryKey, final: finalKey)
        try await pool.write { db in
            var record = try StoredDevice.require(userID: userID, deviceID: deviceID, in: db).record
            record.pendingPolicyKey = temporaryKey
            record.pendingFinalKey = finalKey
            try record.update(db)
        }
    }

    /// Provision phase 2: when `temporaryKey` is the pending one, makes the
    /// pending final key the device's policy key, clears the pending pair
    /// and returns the final key. Otherwise (another key, nothing pending,
    /// or acknowledged already) returns nil and changes nothing.
    public func acknowledgePolicy(userID: Int64, deviceID: String, temporaryKey: UInt32) async throws -> UInt32? {
        let deviceID = try Validation.deviceID(deviceID)
        return try await pool.write { db in
            var record = try StoredDevice.require(userID: userID, deviceID: deviceID, in: db).record
            guard let pending = record.pendingPolicyKey, pending == temporaryKey, let final = record.pendingFinalKey
            else { return nil }
            record.policyKey = final
            record.pendingPolicyKey = nil
            record.pendingFinalKey = nil
            try record.update(db)
            return final
        }
    }

    /// The device acknowledged a remote wipe: requested → acknowledged.
    /// Acknowledging again keeps the first acknowledgement; a device with no
    /// wipe requested throws `wipeNotRequested` and nothing changes.
    public func acknowledgeWipe(userID: Int64, deviceID: String, now: Date = Date()) async throws {
        let deviceID = try Validation.deviceID(deviceID)
        try await pool.write { db in
            let stored = try StoredDevice.require(userID: userID, deviceID: deviceID, in: db)
            var record = stored.record
            switch try stored.device.wipe {
            case .none:
                throw DirectoryError.wipeNotRequested(address: stored.userAddress, deviceID: record.deviceID)
            case .acknowledged:
                return
            case .requested(let accountOnly, let requestedAt):
                record.setWipe(
                    .acknowledged(
                        accountOnly: accountOnly, requestedAt: requestedAt, acknowledgedAt: max(now, requestedAt))
                )
                try record.update(db)
            }
        }
    }
}
