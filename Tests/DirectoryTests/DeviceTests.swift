import Foundation
import GRDB
import Testing

@testable import Directory

struct DeviceTests {
    let folder: TemporaryFolder
    /// A whole second, so that it survives the directory's millisecond dates.
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    init() throws {
        folder = try TemporaryFolder()
    }

    /// The demo user's id.
    func demoID(_ directory: Directory) async throws -> Int64 {
        try #require(try await directory.user(address: "demo@example.test")).id
    }

    /// Row changes made through the writer connection since it opened.
    func writes(_ directory: Directory) async throws -> Int {
        try await directory.pool.write { db in try Int.fetchOne(db, sql: "SELECT total_changes()") ?? 0 }
    }

    @Test func firstContactInsertsTheDevice() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let device = try await directory.registerDevice(
            userID: userID, deviceID: "ApplF17XYZ12", deviceType: "iPhone", userAgent: "Apple-iPhone13C2/2104.17",
            protocolVersion: "16.1", pruneIdleAfter: nil, now: start)
        #expect(device.userID == userID)
        #expect(device.userAddress == "demo@example.test")
        #expect(device.deviceID == "ApplF17XYZ12")
        #expect(device.deviceType == "iPhone")
        #expect(device.userAgent == "Apple-iPhone13C2/2104.17")
        #expect(device.protocolVersion == "16.1")
        #expect(device.firstSeen == start && device.lastSeen == start)
        #expect(device.information == DeviceInformation())
        #expect(device.policyKey == nil && device.pendingPolicyKey == nil && device.pendingFinalKey == nil)
        #expect(device.wipe == .none)
        #expect(!device.isBlocked)
        #expect(try await directory.device(userID: userID, deviceID: "ApplF17XYZ12") == device)
        #expect(try await directory.device(address: "Demo@Example.test", deviceID: "ApplF17XYZ12") == device)
        #expect(try await directory.device(userID: userID, deviceID: "Other1") == nil)
    }

    @Test func steadyTrafficDoesNotWrite() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        func register(at now: Date, userAgent: String? = "UA/1", version: String? = "14.1") async throws -> Device {
            try await directory.registerDevice(
                userID: userID, deviceID: "android123", deviceType: "Android", userAgent: userAgent,
                protocolVersion: version, pruneIdleAfter: nil, now: now)
        }
        let first = try await register(at: start)

        // Within the touch interval: nothing written, last_seen unchanged.
        let before = try await writes(directory)
        for seconds in [1.0, 60, Directory.deviceTouchInterval - 1] {
            #expect(try await register(at: start + seconds) == first)
        }
        // No user agent or version sent: what is stored stays, still no write.
        #expect(try await register(at: start + 2, userAgent: nil, version: nil) == first)
        #expect(try await writes(directory) == before)
        #expect(try await directory.device(userID: userID, deviceID: "android123")?.lastSeen == start)

        // Once the interval has passed, last_seen moves.
        let touched = try await register(at: start + Directory.deviceTouchInterval)
        #expect(touched.lastSeen == start + Directory.deviceTouchInterval)
        #expect(touched.firstSeen == start)
        #expect(try await writes(directory) == before + 1)

        // A changed user agent or version is written at once.
        let upgraded = try await register(at: start + Directory.deviceTouchInterval + 10, userAgent: "UA/2")
        #expect(upgraded.userAgent == "UA/2")
        #expect(upgraded.lastSeen == start + Directory.deviceTouchInterval + 10)
        let newer = try await register(
            at: start + Directory.deviceTouchInterval + 20, userAgent: "UA/2", version: "16.1")
        #expect(newer.protocolVersion == "16.1" && newer.userAgent == "UA/2")
        #expect(try await writes(directory) == before + 3)

        // A clock that went back never moves last_seen backwards.
        let back = try await register(at: start, userAgent: "UA/3")
        #expect(back.userAgent == "UA/3" && back.lastSeen == newer.lastSeen)
    }

    @Test func touchIntervalIsAParameter() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        _ = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "Android", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, touchInterval: 10, now: start)
        let touched = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "Android", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, touchInterval: 10, now: start + 10)
        #expect(touched.lastSeen == start + 10)
    }

    @Test func deviceIDsAreUniquePerUserInAnyCase() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let other = try await directory.addUser(
            address: "other@example.test", password: goodPassword, plan: .enhanced, quotaBytes: nil, displayName: nil)
        let first = try await directory.registerDevice(
            userID: userID, deviceID: "ABCdef123", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start)
        let again = try await directory.registerDevice(
            userID: userID, deviceID: "abcDEF123", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start + 1)
        #expect(again == first)
        #expect(again.deviceID == "ABCdef123")
        #expect(try await directory.device(userID: userID, deviceID: "ABCDEF123") == first)

        // Another user may use the same DeviceId: a different device.
        let theirs = try await directory.registerDevice(
            userID: other.id, deviceID: "abcdef123", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start)
        #expect(theirs.id != first.id)
        #expect(try await directory.devices(address: nil).count == 2)

        // The schema refuses a second row in another case.
        #expect(throws: DatabaseError.self) {
            try directory.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO device (user_id, device_id, device_type, first_seen, last_seen)
                        VALUES (?, 'ABCDEF123', 'iPhone', '2024-01-01 00:00:00.000', '2024-01-01 00:00:00.000')
                        """, arguments: [userID])
            }
        }
    }

    @Test(arguments: ["", "has-dash", "with space", "ünïcode", String(repeating: "a", count: 65), "a,b"])
    func badDeviceIDsAreRefused(deviceID: String) async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        await #expect(throws: DirectoryError.invalidDeviceID(deviceID)) {
            try await directory.registerDevice(
                userID: userID, deviceID: deviceID, deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: nil)
        }
        await #expect(throws: DirectoryError.invalidDeviceID(deviceID)) {
            try await directory.requestWipe(address: "demo@example.test", deviceID: deviceID, accountOnly: false)
        }
        #expect(try await directory.devices(address: nil).isEmpty)
    }

    @Test func badDeviceFieldsAreRefused() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let longest = String(repeating: "a", count: Validation.maximumDeviceIDLength)
        let device = try await directory.registerDevice(
            userID: userID, deviceID: longest, deviceType: longest, userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start)
        #expect(device.deviceID == longest)
        await #expect(throws: DirectoryError.invalidDeviceType("")) {
            try await directory.registerDevice(
                userID: userID, deviceID: "dev2", deviceType: "", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: nil)
        }
        await #expect(throws: DirectoryError.invalidDeviceField("user agent", value: "UA\r\nX-Forged: 1")) {
            try await directory.registerDevice(
                userID: userID, deviceID: "dev2", deviceType: "iPhone", userAgent: "UA\r\nX-Forged: 1",
                protocolVersion: nil, pruneIdleAfter: nil)
        }
        await #expect(throws: DirectoryError.invalidDeviceField("protocol version", value: "16.1.1.1.1.1.1.1.1")) {
            try await directory.registerDevice(
                userID: userID, deviceID: "dev2", deviceType: "iPhone", userAgent: nil,
                protocolVersion: "16.1.1.1.1.1.1.1.1", pruneIdleAfter: nil)
        }
        await #expect(throws: DirectoryError.userIDNotFound(999)) {
            try await directory.registerDevice(
                userID: 999, deviceID: "dev2", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: nil)
        }
        #expect(try await directory.devices(address: nil) == [device])
    }

    @Test func deviceInformationIsReplacedWhole() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        _ = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "SAMSUNGSMG991B", userAgent: "Android-SAMSUNG/101",
            protocolVersion: "16.1", pruneIdleAfter: nil, now: start)
        let information = DeviceInformation(
            model: "SM-G991B", imei: "356938035643809", friendlyName: "Galaxy S21", os: "Android 14",
            osLanguage: "German", phoneNumber: "+49 30 1234567", mobileOperator: "Telekom.de",
            userAgent: "Android-SAMSUNG-SM-G991B/101.400401")
        try await directory.setDeviceInformation(userID: userID, deviceID: "DEV1", information)
        var device = try #require(try await directory.device(userID: userID, deviceID: "dev1"))
        #expect(device.information == information)
        #expect(device.userAgent == "Android-SAMSUNG/101")

        let fewer = DeviceInformation(model: "SM-G991B", os: "Android 15")
        try await directory.setDeviceInformation(userID: userID, deviceID: "dev1", fewer)
        device = try #require(try await directory.device(userID: userID, deviceID: "dev1"))
        #expect(device.information == fewer)

        let tooLong = DeviceInformation(friendlyName: String(repeating: "x", count: 1025))
        await #expect(throws: DirectoryError.invalidDeviceField("FriendlyName", value: tooLong.friendlyName!)) {
            try await directory.setDeviceInformation(userID: userID, deviceID: "dev1", tooLong)
        }
        #expect(try await directory.device(userID: userID, deviceID: "dev1")?.information == fewer)
        await #expect(throws: DirectoryError.deviceNotFound(address: "demo@example.test", deviceID: "dev9")) {
            try await directory.setDeviceInformation(userID: userID, deviceID: "dev9", fewer)
        }
    }

    @Test func firstContactPrunesTheUsersIdleDevices() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let other = try await directory.addUser(
            address: "other@example.test", password: goodPassword, plan: .enhanced, quotaBytes: nil, displayName: nil)
        let day: TimeInterval = 86_400
        for (user, deviceID, seen) in [
            (userID, "old", start), (userID, "recent", start + 10 * day), (userID, "blocked", start),
            (userID, "wiping", start), (other.id, "theirs", start),
        ] {
            _ = try await directory.registerDevice(
                userID: user, deviceID: deviceID, deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: nil, now: seen)
        }
        try await directory.setBlocked(address: "demo@example.test", deviceID: "blocked", true)
        try await directory.requestWipe(
            address: "demo@example.test", deviceID: "wiping", accountOnly: false, now: start)

        // A known device's request prunes nothing.
        _ = try await directory.registerDevice(
            userID: userID, deviceID: "recent", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: 30 * day, now: start + 40 * day)
        #expect(try await directory.devices(address: nil).count == 5)

        // A new one prunes this user's devices idle for more than 30 days:
        // "old" (40 days); "recent" was just seen; blocked and wiping stay.
        _ = try await directory.registerDevice(
            userID: userID, deviceID: "new", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: 30 * day, now: start + 40 * day)
        let left = try await directory.devices(address: nil).map { "\($0.userAddress) \($0.deviceID)" }
        #expect(
            left == [
                "demo@example.test recent", "demo@example.test new", "demo@example.test blocked",
                "demo@example.test wiping", "other@example.test theirs",
            ])
        await #expect(throws: DirectoryError.invalidIdlePeriod(0)) {
            try await directory.registerDevice(
                userID: userID, deviceID: "newer", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: 0)
        }
    }

    @Test func schemaEnforcesDeviceInvariants() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let device = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start)
        let statements = [
            "UPDATE device SET device_id = 'has-dash'",
            "UPDATE device SET device_id = ''",
            "UPDATE device SET device_type = ''",
            "UPDATE device SET last_seen = '2000-01-01 00:00:00.000'",
            "UPDATE device SET policy_key = 0",
            "UPDATE device SET policy_key = 4294967296",
            "UPDATE device SET pending_policy_key = 5",
            "UPDATE device SET pending_policy_key = 5, pending_final_key = 5",
            "UPDATE device SET wipe_state = 'requested'",
            "UPDATE device SET wipe_state = 'gone'",
            "UPDATE device SET wipe_account_only = 1",
            "UPDATE device SET wipe_state = 'acknowledged', wipe_requested_at = '2024-01-01 00:00:00.000'",
            """
            UPDATE device SET wipe_state = 'acknowledged', wipe_requested_at = '2024-01-02 00:00:00.000',
                wipe_acknowledged_at = '2024-01-01 00:00:00.000'
            """,
            "UPDATE device SET wipe_state = 'none', wipe_requested_at = '2024-01-01 00:00:00.000'",
            "UPDATE device SET blocked = 2",
            "UPDATE device SET user_id = 999",
            "UPDATE device SET blocked = 'yes'",
        ]
        for sql in statements {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try directory.pool.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try await directory.device(userID: userID, deviceID: "dev1") == device)
    }
}
