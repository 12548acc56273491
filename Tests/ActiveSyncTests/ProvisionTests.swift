import ActiveSync
import Directory
import Foundation
import Testing
import WBXML

/// Provision (MS-ASPROV): the two phases, the policy key gate, no-policy mode, wipe, block.
struct ProvisionTests {
    @Test func twoPhasesGiveAFinalKeyThatOpensTheOtherCommands() async throws {
        try await EASFixture.with { fixture in
            // Before provisioning: 142 from 14.0, HTTP 449 before.
            #expect(try decode(try await fixture.post("FolderSync", EAS.folderSync("0"))).status == "142")
            #expect(try await fixture.post("FolderSync", EAS.folderSync("0"), version: "12.1").status == 449)

            let first = try decode(try await fixture.post("Provision", EAS.provision()))
            #expect(first.status == "1")
            #expect(first.child("DeviceInformation")?.status == "1")
            let policy = try #require(first.child("Policies")?.child("Policy"))
            #expect(policy.childText("PolicyType") == "MS-EAS-Provisioning-WBXML" && policy.status == "1")
            let document = try #require(policy.child("Data")?.child("EASProvisionDoc"))
            #expect(document.childText("DevicePasswordEnabled") == "1")
            #expect(document.childText("MinDevicePasswordLength") == String(DevicePolicy.default.minimumPasswordLength))
            let temporary = try requireKey(first)
            // The temporary key opens nothing.
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: temporary)).status
                    != "1")

            // A wrong key is refused with Policy status 5 and changes nothing.
            let wrong = try decode(try await fixture.post("Provision", EAS.provision(acknowledging: temporary &+ 1)))
            #expect(wrong.child("Policies")?.child("Policy")?.status == "5")
            let second = try decode(try await fixture.post("Provision", EAS.provision(acknowledging: temporary)))
            let final = try requireKey(second)
            #expect(final != temporary)
            #expect(second.child("Policies")?.child("Policy")?.child("Data") == nil)
            // Acknowledging again: the temporary key is spent.
            let again = try decode(try await fixture.post("Provision", EAS.provision(acknowledging: temporary)))
            #expect(again.child("Policies")?.child("Policy")?.status == "5")

            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: final)).status == "1")
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: 12345)).status == "144")
            let device = try #require(try await fixture.directory.device(userID: fixture.user.id, deviceID: "Phone1"))
            #expect(device.policyKey == final)
            #expect(device.information.model == "iPhone16,1" && device.information.os == "iOS 18.1")
        }
    }

    /// The key derives from the document sent: the same policy gives the same final key, a
    /// changed policy asks devices to provision again (143) and they never loop.
    @Test func aChangedPolicyAsksForANewProvisionOnce() async throws {
        try await EASFixture.with { fixture in
            let first = try await fixture.provision()
            var policy = DevicePolicy.default
            policy.minimumPasswordLength = 8
            try await fixture.directory.setDevicePolicy(domain: "example.test", policy)
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: first)).status == "143")
            let second = try await fixture.provision()
            #expect(second != first)
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: second)).status == "1")
            // A second device of the same policy gets the same final key, but only by provisioning.
            #expect(
                try decode(
                    try await fixture.post("FolderSync", EAS.folderSync("0"), device: "Phone2", policyKey: second)
                )
                .status == "142")
            #expect(try await fixture.provision(device: "Phone2") == second)
            // Client status 3 (policy not applied) gets no key.
            let initial = try decode(try await fixture.post("Provision", EAS.provision(), device: "Phone3"))
            let refused = try decode(
                try await fixture.post(
                    "Provision", EAS.provision(acknowledging: try requireKey(initial), status: 3), device: "Phone3"))
            #expect(refused.status == "139")
        }
    }

    @Test func noPolicyModeNeedsNoKey() async throws {
        try await EASFixture.with { fixture in
            try await fixture.directory.setDevicePolicy(domain: "example.test", .none)
            #expect(try decode(try await fixture.post("FolderSync", EAS.folderSync("0"))).status == "1")
            let answer = try decode(try await fixture.post("Provision", EAS.provision()))
            #expect(answer.status == "1")
            #expect(answer.child("Policies")?.child("Policy")?.status == "2")
            #expect(answer.child("Policies")?.child("Policy")?.child("PolicyKey") == nil)
        }
    }

    @Test func remoteWipeIsDeliveredAndItsAcknowledgementRecorded() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            try await fixture.directory.requestWipe(
                address: "demo@example.test", deviceID: "Phone1", accountOnly: false)
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: key)).status == "140")
            #expect(
                try await fixture.post("FolderSync", EAS.folderSync("0"), version: "12.1", policyKey: key).status == 449
            )
            let directive = try decode(try await fixture.post("Provision", EAS.element("Provision", "Provision", [])))
            #expect(directive.status == "1" && directive.child("RemoteWipe") != nil)
            // A failed wipe is asked for again.
            let failed = try decode(
                try await fixture.post(
                    "Provision",
                    EAS.element(
                        "Provision", "Provision",
                        [EAS.element("Provision", "RemoteWipe", [EAS.text("Provision", "Status", "2")])])))
            #expect(failed.status == "2" && failed.child("RemoteWipe") != nil)
            guard
                case .requested = try #require(
                    try await fixture.directory.device(userID: fixture.user.id, deviceID: "Phone1")
                ).wipe
            else {
                Issue.record("a failed wipe was recorded as done")
                return
            }
            let done = try decode(
                try await fixture.post(
                    "Provision",
                    EAS.element(
                        "Provision", "Provision",
                        [EAS.element("Provision", "RemoteWipe", [EAS.text("Provision", "Status", "1")])])))
            #expect(done.status == "1")
            guard
                case .acknowledged(false, _, _) = try #require(
                    try await fixture.directory.device(userID: fixture.user.id, deviceID: "Phone1")
                ).wipe
            else {
                Issue.record("the wipe acknowledgement was not recorded")
                return
            }
        }
    }

    @Test func accountOnlyWipeFor161AndRefusalBefore() async throws {
        try await EASFixture.with { fixture in
            _ = try await fixture.provision(version: "16.1")
            try await fixture.directory.requestWipe(address: "demo@example.test", deviceID: "Phone1", accountOnly: true)
            let directive = try decode(
                try await fixture.post("Provision", EAS.element("Provision", "Provision", []), version: "16.1"))
            #expect(directive.child("AccountOnlyRemoteWipe") != nil && directive.child("RemoteWipe") == nil)
            // An older client is never wiped whole for it: it is refused.
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), version: "14.1")).status == "130")
        }
    }

    @Test func blockedDevicesAreRefused() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            try await fixture.directory.setBlocked(address: "demo@example.test", deviceID: "Phone1", true)
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: key)).status == "129")
            #expect(
                try await fixture.post("FolderSync", EAS.folderSync("0"), version: "12.1", policyKey: key).status == 403
            )
            try await fixture.directory.setBlocked(address: "demo@example.test", deviceID: "Phone1", false)
            #expect(try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), policyKey: key)).status == "1")
        }
    }
}
