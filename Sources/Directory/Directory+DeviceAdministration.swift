import Foundation
import GRDB

/// What an operator does with devices, naming users by address.
extension Directory {
    /// Every device, or the devices of the user with this address; by
    /// address, then most recently seen first. Refuses an unknown user.
    public func devices(address: String?) async throws -> [Device] {
        try readNow { db in
            guard let address else { return try StoredDevice.fetch(where: "1", [], in: db).map { try $0.device } }
            guard try StoredUser.fetch(address: address, in: db) != nil else {
                throw DirectoryError.userNotFound(address)
            }
            return try StoredDevice.fetch(where: "user.address = ?", [address.lowercased()], in: db).map {
                try $0.device
            }
        }
    }

    /// The device with this DeviceId (in any case) of the user with this
    /// address; `deviceNotFound` or `userNotFound` when there is none.
    public func device(address: String, deviceID: String) async throws -> Device {
        let deviceID = try Validation.deviceID(deviceID)
        return try readNow { db in try StoredDevice.require(address: address, deviceID: deviceID, in: db).device
        }
    }

    /// Asks for the device to be wiped (the whole device, or with
    /// `accountOnly` only this account's data, from EAS 16.1): its next
    /// Provision tells it. Asking again replaces an earlier request, also
    /// one the device acknowledged.
    public func requestWipe(address: String, deviceID: String, accountOnly: Bool, now: Date = Date()) async throws {
        try await changeDevice(address: address, deviceID: deviceID) { record in
            record.setWipe(.requested(accountOnly: accountOnly, at: now))
        }
    }

    /// Blocks the device (it may no longer sync) or allows it again.
    public func setBlocked(address: String, deviceID: String, _ blocked: Bool) async throws {
        try await changeDevice(address: address, deviceID: deviceID) { record in record.blocked = blocked }
    }

    /// Forgets the device, with its policy key and any wipe request: its
    /// next request makes it a new device that must Provision again.
    public func removeDevice(address: String, deviceID: String) async throws {
        let deviceID = try Validation.deviceID(deviceID)
        try await pool.write { db in
            let record = try StoredDevice.require(address: address, deviceID: deviceID, in: db).record
            _ = try record.delete(db)
        }
    }

    /// Deletes every device not seen for `idleFor` seconds, except blocked
    /// devices and devices with a wipe still to deliver; returns how many.
    @discardableResult
    public func pruneDevices(idleFor: TimeInterval, now: Date = Date()) async throws -> Int {
        guard idleFor > 0 else { throw DirectoryError.invalidIdlePeriod(idleFor) }
        return try await pool.write { db in try StoredDevice.deleteIdle(userID: nil, before: now - idleFor, in: db) }
    }

    /// Reads the device's row, lets `change` modify it, and saves it, in one
    /// transaction.
    private func changeDevice(
        address: String, deviceID: String, _ change: @escaping @Sendable (inout DeviceRecord) -> Void
    ) async throws {
        let deviceID = try Validation.deviceID(deviceID)
        try await pool.write { db in
            var record = try StoredDevice.require(address: address, deviceID: deviceID, in: db).record
            change(&record)
            try record.update(db)
        }
    }
}
