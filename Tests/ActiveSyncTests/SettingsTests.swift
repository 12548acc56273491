import ActiveSync
import Conversions
import Directory
import Foundation
import Testing
import WBXML

/// Settings (MS-ASCMD 2.2.1.18): Oof, DeviceInformation, UserInformation, RightsManagementInformation.
struct SettingsTests {
    private func oofSet(state: String, start: String? = nil, end: String? = nil) -> WBXMLElement {
        var children = [EAS.text("Settings", "OofState", state)]
        if let start { children.append(EAS.text("Settings", "StartTime", start)) }
        if let end { children.append(EAS.text("Settings", "EndTime", end)) }
        children.append(
            EAS.element(
                "Settings", "OofMessage",
                [
                    WBXMLElement("Settings", "AppliesToInternal"), EAS.text("Settings", "Enabled", "1"),
                    EAS.text("Settings", "ReplyMessage", "Away <until> Monday\nAsk Bob"),
                    EAS.text("Settings", "BodyType", "TEXT"),
                ]))
        children.append(
            EAS.element(
                "Settings", "OofMessage",
                [
                    WBXMLElement("Settings", "AppliesToExternalUnknown"), EAS.text("Settings", "Enabled", "0"),
                    EAS.text("Settings", "ReplyMessage", "<p>Closed</p>"), EAS.text("Settings", "BodyType", "HTML"),
                ]))
        return EAS.settings([EAS.element("Settings", "Oof", [EAS.element("Settings", "Set", children)])])
    }

    private func oofGet(_ bodyType: String) -> WBXMLElement {
        EAS.settings([
            EAS.element(
                "Settings", "Oof", [EAS.element("Settings", "Get", [EAS.text("Settings", "BodyType", bodyType)])])
        ])
    }

    @Test func outOfOfficeRoundTripsWithBodyTypes() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            let empty = try decode(try await fixture.post("Settings", oofGet("Text"), policyKey: key))
            #expect(empty.status == "1" && empty.child("Oof")?.child("Get")?.childText("OofState") == "0")

            let set = try decode(
                try await fixture.post(
                    "Settings",
                    oofSet(state: "2", start: "2026-12-20T08:00:00.000Z", end: "2027-01-04T08:00:00.000Z"),
                    policyKey: key))
            #expect(set.child("Oof")?.status == "1")
            let stored = try await fixture.directory.outOfOffice(userID: fixture.user.id)
            #expect(stored.state == .timeBased && stored.internal?.text == "Away <until> Monday\nAsk Bob")

            let text = try #require(
                try decode(try await fixture.post("Settings", oofGet("Text"), policyKey: key)).child("Oof")?.child(
                    "Get"))
            #expect(text.childText("OofState") == "2")
            #expect(text.childText("StartTime") == "2026-12-20T08:00:00.000Z")
            let messages = text.children(named: "OofMessage")
            #expect(messages.count == 2)
            #expect(
                messages[0].child("AppliesToInternal") != nil
                    && messages[0].childText("ReplyMessage") == "Away <until> Monday\nAsk Bob")
            #expect(messages[1].childText("ReplyMessage") == "Closed" && messages[1].childText("Enabled") == "0")
            let html = try #require(
                try decode(try await fixture.post("Settings", oofGet("HTML"), policyKey: key)).child("Oof")?.child(
                    "Get"))
            // The body as item bodies make it (HTMLText): a line break after each <br>.
            #expect(
                html.children(named: "OofMessage")[0].childText("ReplyMessage")
                    == "<html><body>Away &lt;until&gt; Monday<br>\r\nAsk Bob</body></html>")
            #expect(html.children(named: "OofMessage")[1].childText("ReplyMessage") == "<p>Closed</p>")
        }
    }

    @Test func invalidOutOfOfficeChangesNothing() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            for body in [
                oofSet(state: "2", start: "2027-01-04T08:00:00.000Z", end: "2026-12-20T08:00:00.000Z"),
                oofSet(state: "2"), oofSet(state: "7"),
                // MS-ASDTYPE 2.3: dateTime is UTC, its `Z` required.
                oofSet(state: "2", start: "2026-12-20T08:00:00.000", end: "2027-01-04T08:00:00.000Z"),
                oofSet(state: "2", start: "2026-12-20T08:00:00+01:00", end: "2027-01-04T08:00:00.000Z"),
            ] {
                let answer = try decode(try await fixture.post("Settings", body, policyKey: key))
                #expect(answer.child("Oof")?.status == "5")
            }
            #expect(try await fixture.directory.outOfOffice(userID: fixture.user.id) == .disabled)
        }
    }

    @Test func userAndRightsManagementInformation() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            let user = EAS.settings([
                EAS.element("Settings", "UserInformation", [WBXMLElement("Settings", "Get")]),
                EAS.element("Settings", "RightsManagementInformation", [WBXMLElement("Settings", "Get")]),
            ])
            let modern = try decode(try await fixture.post("Settings", user, policyKey: key))
            let account = try #require(
                modern.child("UserInformation")?.child("Get")?.child("Accounts")?.child("Account"))
            #expect(account.childText("UserDisplayName") == "Demo User")
            #expect(account.child("EmailAddresses")?.childText("PrimarySmtpAddress") == "demo@example.test")
            #expect(modern.child("RightsManagementInformation")?.status == "1")
            let legacy = try decode(try await fixture.post("Settings", user, version: "14.0", policyKey: key))
            #expect(
                legacy.child("UserInformation")?.child("Get")?.child("EmailAddresses")?.childText("SMTPAddress")
                    == "demo@example.test")
            // An unknown part: protocol error.
            let unknown = try decode(
                try await fixture.post("Settings", EAS.settings([WBXMLElement("Settings", "Model")]), policyKey: key))
            #expect(unknown.status == "2")
        }
    }

    /// A DeviceInformation field the directory refuses (a control character) is answered with
    /// status 5 and stores nothing; an unusable User-Agent header is not kept and the request runs.
    @Test func invalidDeviceInformationChangesNothing() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            let before = try #require(try await fixture.directory.device(userID: fixture.user.id, deviceID: "Phone1"))
            let bad = EAS.settings([
                EAS.element(
                    "Settings", "DeviceInformation",
                    [EAS.element("Settings", "Set", [EAS.text("Settings", "Model", "evil\u{07}model")])])
            ])
            let answer = try decode(try await fixture.post("Settings", bad, policyKey: key))
            #expect(answer.child("DeviceInformation")?.status == "5")
            let after = try #require(try await fixture.directory.device(userID: fixture.user.id, deviceID: "Phone1"))
            #expect(after.information == before.information)

            let headers: [(name: String, value: String)] = [
                ("MS-ASProtocolVersion", "14.1"), ("Content-Type", ActiveSyncResponse.wbxmlContentType),
                ("X-MS-PolicyKey", String(key)), ("User-Agent", String(repeating: "x", count: 5000)),
            ]
            let sync = try decode(
                await fixture.post(
                    query: "Cmd=FolderSync&DeviceId=Phone1&DeviceType=iPhone", headers: headers,
                    body: try WBXMLEncoder().encode(EAS.folderSync("0"))))
            #expect(sync.status == "1")
            #expect(
                try await fixture.directory.device(userID: fixture.user.id, deviceID: "Phone1")?.userAgent == "Test/1.0"
            )
        }
    }
}
