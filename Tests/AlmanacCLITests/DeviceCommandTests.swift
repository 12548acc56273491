import Directory
import Foundation
import Testing

/// `almanac device …` against devices a test registers the way the
/// ActiveSync commands do.
struct DeviceCommandTests {
    static let password = "Correct-Horse-1"
    static let day: TimeInterval = 86_400

    /// A data directory with example.com, alice (an iPhone seen now, an
    /// Android phone seen 60 days ago) and bob (a tablet seen now).
    func prepared() async throws -> String {
        let data = temporaryDataDirectory()
        try expectSuccess(["domain", "add", "example.com", "--data-dir", data])
        for address in ["alice@example.com", "bob@example.com"] {
            try expectSuccess(
                ["user", "add", address, "--plan", "enhanced", "--password-stdin", "--data-dir", data],
                input: Self.password + "\n")
        }
        let directory = try Directory(path: data + "/directory.sqlite")
        defer { try? directory.close() }
        let alice = try #require(try await directory.user(address: "alice@example.com"))
        let bob = try #require(try await directory.user(address: "bob@example.com"))
        _ = try await directory.registerDevice(
            userID: alice.id, deviceID: "ApplF17ABC123", deviceType: "iPhone", userAgent: "Apple-iPhone14C2/2104.17",
            protocolVersion: "16.1", pruneIdleAfter: nil)
        try await directory.setDeviceInformation(
            userID: alice.id, deviceID: "ApplF17ABC123",
            DeviceInformation(
                model: "iPhone14,2", imei: "356938035643809", friendlyName: "Alice's iPhone", os: "iOS 17.4",
                osLanguage: "English", phoneNumber: "+15550100", mobileOperator: "Carrier"))
        try await directory.setPendingPolicyKey(
            userID: alice.id, deviceID: "ApplF17ABC123", temporaryKey: 1_234_567, finalKey: 7_654_321)
        _ = try await directory.acknowledgePolicy(userID: alice.id, deviceID: "ApplF17ABC123", temporaryKey: 1_234_567)
        _ = try await directory.registerDevice(
            userID: alice.id, deviceID: "androidc0ffee", deviceType: "Android", userAgent: "Android/14",
            protocolVersion: "14.1", pruneIdleAfter: nil, now: Date() - 60 * Self.day)
        _ = try await directory.registerDevice(
            userID: bob.id, deviceID: "TABLET9", deviceType: "SAMSUNGSMX710", userAgent: nil, protocolVersion: "16.1",
            pruneIdleAfter: nil)
        return data
    }

    @Test func listShowsEveryDeviceOrOneUsers() async throws {
        let data = try await prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let list = try AlmanacProcess.run(["device", "list", "--data-dir", data])
        #expect(list.status == 0, "\(list.standardError)")
        let lines = list.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("USER "))
        for column in ["DEVICEID", "TYPE", "MODEL", "OS", "LAST SEEN", "POLICY", "WIPE", "BLOCKED"] {
            #expect(lines[0].contains(column))
        }
        // By address, then most recently seen first.
        #expect(lines[1].hasPrefix("alice@example.com  ApplF17ABC123"))
        #expect(lines[1].contains("Alice's iPhone") && lines[1].contains("iOS 17.4"))
        #expect(lines[1].contains("provisioned") && lines[1].hasSuffix("none  no"))
        #expect(lines[2].hasPrefix("alice@example.com  androidc0ffee"))
        #expect(lines[2].contains("Android") && lines[2].contains(" none "))
        #expect(lines[3].hasPrefix("bob@example.com    TABLET9"))

        let bob = try AlmanacProcess.run(["device", "list", "--user", "BOB@example.com", "--data-dir", data])
        #expect(bob.status == 0)
        #expect(bob.standardOutput.split(separator: "\n").count == 2)
        #expect(bob.standardOutput.contains("TABLET9") && !bob.standardOutput.contains("alice"))
    }

    @Test func showPrintsEveryField() async throws {
        let data = try await prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let show = try AlmanacProcess.run(["device", "show", "alice@example.com", "applf17abc123", "--data-dir", data])
        #expect(show.status == 0, "\(show.standardError)")
        for line in [
            "User:               alice@example.com", "Device ID:          ApplF17ABC123",
            "Device type:        iPhone", "User agent:         Apple-iPhone14C2/2104.17",
            "Protocol version:   16.1", "Model:              iPhone14,2", "IMEI:               356938035643809",
            "Friendly name:      Alice's iPhone", "OS:                 iOS 17.4", "OS language:        English",
            "Phone number:       +15550100", "Mobile operator:    Carrier", "Client user agent:  -",
            "Policy:             provisioned", "Policy key:         7654321", "Pending policy key: -",
            "Wipe:               none", "Blocked:            no",
        ] {
            #expect(show.standardOutput.contains(line + "\n"), "\(line)")
        }
        #expect(show.standardOutput.contains("First seen:         20"))
        #expect(show.standardOutput.contains("Last seen:          20"))
    }

    @Test func wipeIsRecordedForTheNextSync() async throws {
        let data = try await prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let wipe = try AlmanacProcess.run(["device", "wipe", "alice@example.com", "ApplF17ABC123", "--data-dir", data])
        #expect(wipe.status == 0, "\(wipe.standardError)")
        #expect(wipe.standardOutput.contains("Wipe requested for device ApplF17ABC123 of alice@example.com"))
        let accountOnly = try AlmanacProcess.run([
            "device", "wipe", "bob@example.com", "tablet9", "--account-only", "--data-dir", data,
        ])
        #expect(accountOnly.status == 0)
        #expect(accountOnly.standardOutput.contains("Account-only wipe requested for device TABLET9"))

        let show = try AlmanacProcess.run(["device", "show", "alice@example.com", "ApplF17ABC123", "--data-dir", data])
        #expect(show.standardOutput.contains("Wipe:               requested, requested 20"))
        let list = try AlmanacProcess.run(["device", "list", "--user", "bob@example.com", "--data-dir", data])
        #expect(list.standardOutput.contains("requested (account only)"))

        let directory = try Directory(path: data + "/directory.sqlite")
        defer { try? directory.close() }
        let tablet = try await directory.device(address: "bob@example.com", deviceID: "TABLET9")
        guard case .requested(accountOnly: true, _) = tablet.wipe else {
            Issue.record("\(tablet.wipe)")
            return
        }
        let iPhone = try await directory.device(address: "alice@example.com", deviceID: "ApplF17ABC123")
        guard case .requested(accountOnly: false, _) = iPhone.wipe else {
            Issue.record("\(iPhone.wipe)")
            return
        }
    }

    @Test func blockAndAllow() async throws {
        let data = try await prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let block = try AlmanacProcess.run(["device", "block", "bob@example.com", "TABLET9", "--data-dir", data])
        #expect(block.status == 0, "\(block.standardError)")
        #expect(block.standardOutput == "Blocked device TABLET9 of bob@example.com\n")
        var list = try AlmanacProcess.run(["device", "list", "--user", "bob@example.com", "--data-dir", data])
        #expect(list.standardOutput.split(separator: "\n").last?.hasSuffix("  yes") == true)
        do {
            let directory = try Directory(path: data + "/directory.sqlite")
            defer { try? directory.close() }
            #expect(try await directory.device(address: "bob@example.com", deviceID: "TABLET9").isBlocked)
            #expect(
                try await directory.device(address: "alice@example.com", deviceID: "ApplF17ABC123").isBlocked == false)
        }

        let allow = try AlmanacProcess.run(["device", "allow", "bob@example.com", "tablet9", "--data-dir", data])
        #expect(allow.status == 0)
        #expect(allow.standardOutput == "Allowed device TABLET9 of bob@example.com\n")
        list = try AlmanacProcess.run(["device", "list", "--user", "bob@example.com", "--data-dir", data])
        #expect(list.standardOutput.split(separator: "\n").last?.hasSuffix("  no") == true)
    }

    @Test func removeForgetsTheDevice() async throws {
        let data = try await prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let remove = try AlmanacProcess.run([
            "device", "remove", "alice@example.com", "ANDROIDC0FFEE", "--data-dir", data,
        ])
        #expect(remove.status == 0, "\(remove.standardError)")
        #expect(remove.standardOutput == "Removed device androidc0ffee of alice@example.com\n")
        let list = try AlmanacProcess.run(["device", "list", "--data-dir", data])
        #expect(!list.standardOutput.contains("androidc0ffee"))
        #expect(list.standardOutput.contains("ApplF17ABC123") && list.standardOutput.contains("TABLET9"))
        let show = try AlmanacProcess.run(["device", "show", "alice@example.com", "androidc0ffee", "--data-dir", data])
        #expect(show.status == 2)
        #expect(show.standardError.contains("no device \"androidc0ffee\" for user \"alice@example.com\""))
    }

    @Test func pruneRemovesIdleDevices() async throws {
        let data = try await prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let none = try AlmanacProcess.run(["device", "prune", "--idle-days", "90", "--data-dir", data])
        #expect(none.status == 0, "\(none.standardError)")
        #expect(none.standardOutput == "Removed 0 devices idle for more than 90 days\n")
        let prune = try AlmanacProcess.run(["device", "prune", "--idle-days", "30", "--data-dir", data])
        #expect(prune.status == 0)
        #expect(prune.standardOutput == "Removed 1 device idle for more than 30 days\n")
        let list = try AlmanacProcess.run(["device", "list", "--data-dir", data])
        #expect(!list.standardOutput.contains("androidc0ffee"))
        #expect(list.standardOutput.split(separator: "\n").count == 3)
    }

    @Test(
        arguments: [
            (["device", "show", "nobody@example.com", "ApplF17ABC123"], "no user \"nobody@example.com\""),
            (["device", "show", "alice@example.com", "Unknown1"], "no device \"Unknown1\""),
            (["device", "show", "alice@example.com", "bad-id"], "invalid device id \"bad-id\""),
            (["device", "wipe", "alice@example.com", "Unknown1"], "no device \"Unknown1\""),
            (["device", "wipe", "nobody@example.com", "ApplF17ABC123", "--account-only"], "nobody@example.com"),
            (["device", "block", "alice@example.com", "Unknown1"], "no device \"Unknown1\""),
            (["device", "allow", "nobody@example.com", "TABLET9"], "no user \"nobody@example.com\""),
            (["device", "remove", "bob@example.com", "ApplF17ABC123"], "no device \"ApplF17ABC123\""),
            (["device", "list", "--user", "nobody@example.com"], "no user \"nobody@example.com\""),
            (["device", "prune", "--idle-days", "0"], "--idle-days"),
            (["device", "prune"], "--idle-days"),
            (["device", "show", "alice@example.com"], "<device-id>"),
            (["device", "frobnicate"], "Usage: almanac device <subcommand>"),
        ] as [([String], String)])
    func badInputExitsTwoAndChangesNothing(arguments: [String], mentions: String) async throws {
        let data = try await prepared()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try AlmanacProcess.run(["device", "list", "--data-dir", data]).standardOutput
        let result = try AlmanacProcess.run(arguments + ["--data-dir", data])
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(mentions), "\(result.standardError)")
        #expect(try AlmanacProcess.run(["device", "list", "--data-dir", data]).standardOutput == before)
    }

    private func expectSuccess(_ arguments: [String], input: String? = nil) throws {
        let result = try AlmanacProcess.run(arguments, input: input)
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
    }
}
