import Foundation
import Testing

@testable import Directory

/// The two Provision phases (MS-ASPROV) and remote wipe, as the directory
/// keeps them.
struct DeviceProvisioningTests {
    let folder: TemporaryFolder
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A directory whose demo user has the device `dev1`; returns the user id.
    func prepared() async throws -> (Directory, Int64) {
        let directory = try await makeDirectory(in: folder)
        let userID = try #require(try await directory.user(address: "demo@example.test")).id
        _ = try await directory.registerDevice(
            userID: userID, deviceID: "dev1", deviceType: "iPhone", userAgent: nil, protocolVersion: "16.1",
            pruneIdleAfter: nil, now: start)
        return (directory, userID)
    }

    @Test func policyKeyTwoPhases() async throws {
        let (directory, userID) = try await prepared()
        defer { try? directory.close() }
        try await directory.setPendingPolicyKey(userID: userID, deviceID: "dev1", temporaryKey: 1111, finalKey: 2222)
        let pending = try #require(try await directory.device(userID: userID, deviceID: "dev1"))
        #expect(pending.pendingPolicyKey == 1111 && pending.pendingFinalKey == 2222 && pending.policyKey == nil)

        // A wrong temporary key (or the final one) changes nothing.
        for wrong: UInt32 in [9999, 2222, 0] {
            #expect(try await directory.acknowledgePolicy(userID: userID, deviceID: "dev1", temporaryKey: wrong) == nil)
        }
        #expect(try await directory.device(userID: userID, deviceID: "dev1") == pending)

        #expect(try await directory.acknowledgePolicy(userID: userID, deviceID: "DEV1", temporaryKey: 1111) == 2222)
        let provisioned = try #require(try await directory.device(userID: userID, deviceID: "dev1"))
        #expect(provisioned.policyKey == 2222)
        #expect(provisioned.pendingPolicyKey == nil && provisioned.pendingFinalKey == nil)

        // Acknowledging twice: nothing pending any more.
        #expect(try await directory.acknowledgePolicy(userID: userID, deviceID: "dev1", temporaryKey: 1111) == nil)
        #expect(try await directory.device(userID: userID, deviceID: "dev1") == provisioned)

        // A new Provision keeps the acknowledged key until the new one is.
        try await directory.setPendingPolicyKey(
            userID: userID, deviceID: "dev1", temporaryKey: .max, finalKey: .max - 1)
        var device = try #require(try await directory.device(userID: userID, deviceID: "dev1"))
        #expect(device.policyKey == 2222 && device.pendingPolicyKey == .max && device.pendingFinalKey == .max - 1)
        #expect(try await directory.acknowledgePolicy(userID: userID, deviceID: "dev1", temporaryKey: .max) == .max - 1)
        device = try #require(try await directory.device(userID: userID, deviceID: "dev1"))
        #expect(device.policyKey == UInt32.max - 1)
    }

    @Test func policyKeysMustBeNonZeroAndDifferent() async throws {
        let (directory, userID) = try await prepared()
        defer { try? directory.close() }
        for (temporary, final): (UInt32, UInt32) in [(0, 5), (5, 0), (5, 5)] {
            await #expect(throws: DirectoryError.invalidPolicyKeys(temporary: temporary, final: final)) {
                try await directory.setPendingPolicyKey(
                    userID: userID, deviceID: "dev1", temporaryKey: temporary, finalKey: final)
            }
        }
        #expect(try await directory.device(userID: userID, deviceID: "dev1")?.pendingPolicyKey == nil)
        await #expect(throws: DirectoryError.deviceNotFound(address: "demo@example.test", deviceID: "dev2")) {
            try await directory.setPendingPolicyKey(userID: userID, deviceID: "dev2", temporaryKey: 1, finalKey: 2)
        }
        await #expect(throws: DirectoryError.deviceNotFound(address: "demo@example.test", deviceID: "dev2")) {
            try await directory.acknowledgePolicy(userID: userID, deviceID: "dev2", temporaryKey: 1)
        }
        await #expect(throws: DirectoryError.userIDNotFound(999)) {
            try await directory.acknowledgePolicy(userID: 999, deviceID: "dev1", temporaryKey: 1)
        }
    }

    @Test func wipeRequestThenAcknowledgement() async throws {
        let (directory, userID) = try await prepared()
        defer { try? directory.close() }
        try await directory.requestWipe(
            address: "demo@example.test", deviceID: "DEV1", accountOnly: true, now: start + 10)
        var device = try await directory.device(address: "demo@example.test", deviceID: "dev1")
        #expect(device.wipe == .requested(accountOnly: true, at: start + 10))

        try await directory.acknowledgeWipe(userID: userID, deviceID: "dev1", now: start + 20)
        device = try await directory.device(address: "demo@example.test", deviceID: "dev1")
        let acknowledged = DeviceWipe.acknowledged(
            accountOnly: true, requestedAt: start + 10, acknowledgedAt: start + 20)
        #expect(device.wipe == acknowledged)

        // A repeated acknowledgement keeps the first.
        try await directory.acknowledgeWipe(userID: userID, deviceID: "dev1", now: start + 30)
        #expect(try await directory.device(address: "demo@example.test", deviceID: "dev1").wipe == acknowledged)

        // Asking again starts a new request, here for the whole device.
        try await directory.requestWipe(
            address: "demo@example.test", deviceID: "dev1", accountOnly: false, now: start + 40)
        #expect(
            try await directory.device(address: "demo@example.test", deviceID: "dev1").wipe
                == .requested(accountOnly: false, at: start + 40))
    }

    @Test func acknowledgingAWipeNobodyRequestedChangesNothing() async throws {
        let (directory, userID) = try await prepared()
        defer { try? directory.close() }
        let before = try await directory.device(address: "demo@example.test", deviceID: "dev1")
        await #expect(throws: DirectoryError.wipeNotRequested(address: "demo@example.test", deviceID: "dev1")) {
            try await directory.acknowledgeWipe(userID: userID, deviceID: "DEV1")
        }
        #expect(try await directory.device(address: "demo@example.test", deviceID: "dev1") == before)
        #expect(before.wipe == .none)
    }

    @Test func anAcknowledgementBeforeTheRequestTimeKeepsTheOrder() async throws {
        let (directory, userID) = try await prepared()
        defer { try? directory.close() }
        try await directory.requestWipe(address: "demo@example.test", deviceID: "dev1", accountOnly: false, now: start)
        // A clock that went back: the acknowledgement is not dated before the request.
        try await directory.acknowledgeWipe(userID: userID, deviceID: "dev1", now: start - 60)
        #expect(
            try await directory.device(address: "demo@example.test", deviceID: "dev1").wipe
                == .acknowledged(accountOnly: false, requestedAt: start, acknowledgedAt: start))
    }

    @Test func errorsDescribeThemselves() {
        #expect(
            DirectoryError.deviceNotFound(address: "demo@example.test", deviceID: "dev1").description
                == "no device \"dev1\" for user \"demo@example.test\"")
        #expect(DirectoryError.invalidDeviceID("a-b").description.contains("letters and digits"))
        #expect(
            DirectoryError.invalidPolicyKeys(temporary: 5, final: 5).description
                == "invalid policy keys 5 and 5: both non-zero, and different")
        #expect(
            DirectoryError.invalidDeviceField("user agent", value: "a\nb").description.hasPrefix(
                "invalid device user agent \"a\\nb\""))
        #expect(DirectoryError.wipeNotRequested(address: "a@b.test", deviceID: "d").description.contains("no wipe"))
        #expect(DirectoryError.userIDNotFound(42).description == "no user with id 42")
    }
}
