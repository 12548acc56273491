import Foundation
import GRDB
import Testing

@testable import Directory

struct DevicePolicyTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func defaults() {
        let policy = DevicePolicy.default
        #expect(policy.isRequired && policy.passwordRequired)
        #expect(policy.minimumPasswordLength == 4)
        #expect(!policy.alphanumericRequired)
        #expect(policy.maxInactivityLockSeconds == 900)
        #expect(policy.allowSimplePassword)
        #expect(policy.maxFailedAttempts == 10)
        #expect(!DevicePolicy.none.isRequired && !DevicePolicy.none.passwordRequired)
        #expect(throws: Never.self) { try DevicePolicy.default.validate() }
        #expect(throws: Never.self) { try DevicePolicy.none.validate() }
    }

    @Test func aDomainWithoutItsOwnPolicyUsesTheDefault() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        #expect(try await directory.devicePolicy(domain: "example.test") == .default)
        await #expect(throws: DirectoryError.domainNotFound("missing.example")) {
            try await directory.devicePolicy(domain: "missing.example")
        }
    }

    @Test func roundTrip() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let strict = DevicePolicy(
            isRequired: true, passwordRequired: true, minimumPasswordLength: 16, alphanumericRequired: true,
            maxInactivityLockSeconds: 60, allowSimplePassword: false, maxFailedAttempts: 4)
        try await directory.setDevicePolicy(domain: "EXAMPLE.test", strict)
        #expect(try await directory.devicePolicy(domain: "example.test") == strict)
        let loose = DevicePolicy(
            isRequired: true, passwordRequired: false, minimumPasswordLength: 1, alphanumericRequired: false,
            maxInactivityLockSeconds: nil, allowSimplePassword: true, maxFailedAttempts: nil)
        try await directory.setDevicePolicy(domain: "example.test", loose)
        #expect(try await directory.devicePolicy(domain: "example.test") == loose)
        try await directory.setDevicePolicy(domain: "example.test", .none)
        #expect(try await directory.devicePolicy(domain: "example.test") == .none)
        let upper = DevicePolicy(
            isRequired: true, passwordRequired: true, minimumPasswordLength: 8, alphanumericRequired: false,
            maxInactivityLockSeconds: 9999, allowSimplePassword: true, maxFailedAttempts: 16)
        try await directory.setDevicePolicy(domain: "example.test", upper)
        #expect(try await directory.devicePolicy(domain: "example.test") == upper)
        await #expect(throws: DirectoryError.domainNotFound("missing.example")) {
            try await directory.setDevicePolicy(domain: "missing.example", upper)
        }
    }

    static let badPolicies: [(DevicePolicy, String)] = {
        func with(_ change: (inout DevicePolicy) -> Void) -> DevicePolicy {
            var policy = DevicePolicy.default
            change(&policy)
            return policy
        }
        return [
            (with { $0.minimumPasswordLength = 0 }, "minimum password length 0 is outside 1-16"),
            (with { $0.minimumPasswordLength = 17 }, "minimum password length 17 is outside 1-16"),
            (with { $0.maxInactivityLockSeconds = 59 }, "inactivity lock of 59 seconds is outside 60-9999 seconds"),
            (
                with { $0.maxInactivityLockSeconds = 10_000 },
                "inactivity lock of 10000 seconds is outside 60-9999 seconds"
            ),
            (with { $0.maxInactivityLockSeconds = 0 }, "inactivity lock of 0 seconds is outside 60-9999 seconds"),
            (with { $0.maxFailedAttempts = 3 }, "wipe after 3 failed attempts is outside 4-16"),
            (with { $0.maxFailedAttempts = 17 }, "wipe after 17 failed attempts is outside 4-16"),
        ]
    }()

    @Test(arguments: badPolicies)
    func outOfRangeValuesAreRefusedAndNothingIsWritten(policy: DevicePolicy, reason: String) async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        let kept = DevicePolicy(
            isRequired: true, passwordRequired: true, minimumPasswordLength: 6, alphanumericRequired: true,
            maxInactivityLockSeconds: 300, allowSimplePassword: false, maxFailedAttempts: 8)
        try await directory.setDevicePolicy(domain: "example.test", kept)
        await #expect(throws: DirectoryError.invalidPolicy(reason)) {
            try await directory.setDevicePolicy(domain: "example.test", policy)
        }
        #expect(try await directory.devicePolicy(domain: "example.test") == kept)
    }

    @Test func schemaEnforcesThePolicyRanges() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        try await directory.setDevicePolicy(domain: "example.test", .default)
        for sql in [
            "UPDATE domain_policy SET min_password_length = 0", "UPDATE domain_policy SET min_password_length = 17",
            "UPDATE domain_policy SET max_inactivity_lock_seconds = 59",
            "UPDATE domain_policy SET max_inactivity_lock_seconds = 10000",
            "UPDATE domain_policy SET max_failed_attempts = 3", "UPDATE domain_policy SET max_failed_attempts = 17",
            "UPDATE domain_policy SET required = 2", "UPDATE domain_policy SET domain_id = 999",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try directory.pool.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try await directory.devicePolicy(domain: "example.test") == .default)
    }

    @Test func removingTheDomainRemovesItsPolicy() async throws {
        let directory = try await makeDirectory(in: folder)
        defer { try? directory.close() }
        try await directory.setDevicePolicy(domain: "example.test", .none)
        try await directory.removeUser(address: "demo@example.test")
        try await directory.removeDomain("example.test")
        #expect(try directory.readNow { db in try DomainPolicyRecord.fetchCount(db) } == 0)
        // A new domain of the same name starts from the default again.
        _ = try await directory.addDomain("example.test")
        #expect(try await directory.devicePolicy(domain: "example.test") == .default)
    }
}
