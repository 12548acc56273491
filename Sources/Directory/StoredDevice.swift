import Foundation
import GRDB

/// A device row joined with its owner's address, as one query reads them.
struct StoredDevice: Sendable {
    var record: DeviceRecord
    var userAddress: String

    var device: Device {
        get throws { try record.device(userAddress: userAddress) }
    }

    /// The device with this DeviceId (in any case) of the user with this id.
    static func fetch(userID: Int64, deviceID: String, in db: Database) throws -> StoredDevice? {
        try fetch(where: "device.user_id = ? AND device.device_id = ?", [userID, deviceID], in: db).first
    }

    /// The device with this DeviceId (in any case) of the user with this address.
    static func fetch(address: String, deviceID: String, in db: Database) throws -> StoredDevice? {
        try fetch(where: "user.address = ? AND device.device_id = ?", [address.lowercased(), deviceID], in: db).first
    }

    /// The devices that match, by owner address, then most recently seen first.
    static func fetch(where condition: String, _ arguments: StatementArguments, in db: Database) throws
        -> [StoredDevice]
    {
        // Cached, like StoredUser's: the conditions are a few fixed strings, and every EAS
        // request reads its device.
        let statement = try db.cachedStatement(
            sql: """
                SELECT device.*, user.address AS user_address FROM device JOIN user ON user.id = device.user_id
                WHERE \(condition) ORDER BY user.address, device.last_seen DESC, device.id
                """)
        return try Row.fetchAll(statement, arguments: arguments).map { row in
            try StoredDevice(record: DeviceRecord(row: row), userAddress: row["user_address"])
        }
    }

    /// The device of the user with this id, else `deviceNotFound` (or
    /// `userIDNotFound` when there is no such user).
    static func require(userID: Int64, deviceID: String, in db: Database) throws -> StoredDevice {
        if let stored = try fetch(userID: userID, deviceID: deviceID, in: db) { return stored }
        guard let user = try UserRecord.fetchOne(db, key: userID) else { throw DirectoryError.userIDNotFound(userID) }
        throw DirectoryError.deviceNotFound(address: user.address, deviceID: deviceID)
    }

    /// The device of the user with this address, else `deviceNotFound` (or
    /// `userNotFound` when there is no such user).
    static func require(address: String, deviceID: String, in db: Database) throws -> StoredDevice {
        if let stored = try fetch(address: address, deviceID: deviceID, in: db) { return stored }
        guard try UserRecord.filter(UserRecord.Columns.address == address.lowercased()).fetchOne(db) != nil else {
            throw DirectoryError.userNotFound(address)
        }
        throw DirectoryError.deviceNotFound(address: address.lowercased(), deviceID: deviceID)
    }

    /// Deletes the devices last seen before `cutoff`, of one user or of all,
    /// except blocked devices and devices with a wipe still to deliver: a
    /// stolen phone that stays off must not come back as a new device.
    static func deleteIdle(userID: Int64?, before cutoff: Date, in db: Database) throws -> Int {
        var request = DeviceRecord.filter(
            DeviceRecord.Columns.lastSeen < cutoff && DeviceRecord.Columns.blocked == false
                && DeviceRecord.Columns.wipeState != "requested")
        if let userID { request = request.filter(DeviceRecord.Columns.userID == userID) }
        return try request.deleteAll(db)
    }
}
