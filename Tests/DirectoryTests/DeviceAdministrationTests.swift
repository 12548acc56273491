import Foundation
import GRDB
import Testing

@testable import Directory

/// What an operator does with devices: list, block, remove, prune.
struct DeviceAdministrationTests {
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

    @Test func devicesAreListedByAddressThenMostRecent() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let other = try await directory.addUser(
            address: "alpha@example.test", password: goodPassword, plan: .enhanced, quotaBytes: nil, displayName: nil)
        for (user, deviceID, seen) in [
            (userID, "older", start), (userID, "newer", start + 100), (other.id, "alphas", start),
        ] {
            _ = try await directory.registerDevice(
                userID: user, deviceID: deviceID, deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: nil, now: seen)
        }
        #expect(try await directory.devices(address: nil).map(\.deviceID) == ["alphas", "newer", "older"])
        #expect(try await directory.devices(address: "DEMO@example.test").map(\.deviceID) == ["newer", "older"])
        #expect(try await directory.devices(address: "alpha@example.test").map(\.userID) == [other.id])
        await #expect(throws: DirectoryError.userNotFound("nobody@example.test")) {
            try await directory.devices(address: "nobody@example.test")
        }
    }

    @Test func pruneRemovesIdleDevicesOfEveryone() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let other = try await directory.addUser(
            address: "other@example.test", password: goodPassword, plan: .enhanced, quotaBytes: nil, displayName: nil)
        let day: TimeInterval = 86_400
        for (user, deviceID, seen) in [
            (userID, "old", start), (userID, "edge", start + 10 * day), (other.id, "theirs", start),
            (other.id, "wiped", start), (userID, "fresh", start + 39 * day),
        ] {
            _ = try await directory.registerDevice(
                userID: user, deviceID: deviceID, deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: nil, now: seen)
        }
        // A wipe the device acknowledged is done: the device may go.
        try await directory.requestWipe(address: "other@example.test", deviceID: "wiped", accountOnly: true, now: start)
        try await directory.acknowledgeWipe(userID: other.id, deviceID: "wiped", now: start)

        await #expect(throws: DirectoryError.invalidIdlePeriod(-1)) {
            try await directory.pruneDevices(idleFor: -1, now: start + 40 * day)
        }
        #expect(try await directory.devices(address: nil).count == 5)
        #expect(try await directory.pruneDevices(idleFor: 30 * day, now: start + 40 * day) == 3)
        #expect(try await directory.devices(address: nil).map(\.deviceID) == ["fresh", "edge"])
        #expect(try await directory.pruneDevices(idleFor: 30 * day, now: start + 40 * day) == 0)
    }

    @Test func blockAndAllow() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        _ = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start)
        try await directory.setBlocked(address: "demo@example.test", deviceID: "DEV1", true)
        #expect(try await directory.device(address: "demo@example.test", deviceID: "dev1").isBlocked)
        // A blocked device is still recognised, blocked, when it calls again.
        let calling = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start + 1000)
        #expect(calling.isBlocked)
        try await directory.setBlocked(address: "demo@example.test", deviceID: "dev1", false)
        #expect(try await directory.device(address: "demo@example.test", deviceID: "dev1").isBlocked == false)

        await #expect(throws: DirectoryError.deviceNotFound(address: "demo@example.test", deviceID: "dev2")) {
            try await directory.setBlocked(address: "Demo@example.test", deviceID: "dev2", true)
        }
        await #expect(throws: DirectoryError.userNotFound("nobody@example.test")) {
            try await directory.setBlocked(address: "nobody@example.test", deviceID: "dev1", true)
        }
    }

    @Test func removeForgetsTheDeviceAndItsState() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let first = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start)
        try await directory.setPendingPolicyKey(userID: userID, deviceID: "dev1", temporaryKey: 7, finalKey: 8)
        _ = try await directory.acknowledgePolicy(userID: userID, deviceID: "dev1", temporaryKey: 7)
        try await directory.setBlocked(address: "demo@example.test", deviceID: "dev1", true)
        try await directory.setDeviceInformation(userID: userID, deviceID: "dev1", DeviceInformation(model: "X"))

        try await directory.removeDevice(address: "demo@example.test", deviceID: "DEV1")
        #expect(try await directory.device(userID: userID, deviceID: "dev1") == nil)
        #expect(try await directory.devices(address: "demo@example.test").isEmpty)
        await #expect(throws: DirectoryError.deviceNotFound(address: "demo@example.test", deviceID: "dev1")) {
            try await directory.removeDevice(address: "demo@example.test", deviceID: "dev1")
        }

        // Its next request makes a new device that must Provision again.
        let again = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
            pruneIdleAfter: nil, now: start + 10)
        #expect(again.id != first.id)
        #expect(again.policyKey == nil && !again.isBlocked && again.information == DeviceInformation())
    }

    @Test func removingAUserRemovesTheirDevices() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let userID = try await demoID(directory)
        let other = try await directory.addUser(
            address: "other@example.test", password: goodPassword, plan: .enhanced, quotaBytes: nil, displayName: nil)
        for user in [userID, other.id] {
            _ = try await directory.registerDevice(
                userID: user, deviceID: "dev1", deviceType: "iPhone", userAgent: nil, protocolVersion: nil,
                pruneIdleAfter: nil, now: start)
        }
        try await directory.removeUser(address: "demo@example.test")
        let rows = try directory.readNow { db in try DeviceRecord.fetchAll(db) }
        #expect(rows.map(\.userID) == [other.id])
    }
}
