import ActiveSync
import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WBXML

/// A phone's Ping over HTTP, woken by a calendar or address book change a desktop makes over
/// CalDAV or CardDAV through the same front (MS-ASCMD 2.2.1.13).
struct PingRouteTests {
    typealias Route = ActiveSyncRouteTests

    /// Provisions Phone1 and fetches its folder list; returns the policy key and the ServerId of
    /// each folder by display name.
    static func prepare(_ client: some TestClientProtocol) async throws -> (key: UInt32, folders: [String: String]) {
        let first = try Route.decode(try await Route.post(client, "Provision", Route.provision()))
        let temporary = try #require(
            first.child("Policies")?.child("Policy")?.childText("PolicyKey").flatMap { UInt32($0) })
        let second = try Route.decode(
            try await Route.post(client, "Provision", Route.provision(acknowledging: temporary)))
        let key = try #require(second.child("Policies")?.child("Policy")?.childText("PolicyKey").flatMap { UInt32($0) })
        let sync = try Route.decode(try await Route.post(client, "FolderSync", Route.folderSync("0"), policyKey: key))
        var folders: [String: String] = [:]
        for add in sync.child("Changes")?.children ?? [] where add.name == "Add" {
            folders[add.childText("DisplayName") ?? ""] = add.childText("ServerId")
        }
        return (key, folders)
    }

    static func ping(_ folderID: String, _ folderClass: String, seconds: Int = 300) -> WBXMLElement {
        WBXMLElement(
            "Ping", "Ping",
            children: [
                WBXMLElement("Ping", "HeartbeatInterval", text: String(seconds)),
                WBXMLElement(
                    "Ping", "Folders",
                    children: [
                        WBXMLElement(
                            "Ping", "Folder",
                            children: [
                                WBXMLElement("Ping", "Id", text: folderID),
                                WBXMLElement("Ping", "Class", text: folderClass),
                            ])
                    ]),
            ])
    }

    static func waitUntilWaiting(_ fixture: Fixture) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while fixture.admission.waitingCount < 1 {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    static func dav(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil,
        contentType: String? = nil
    ) async throws -> TestResponse {
        var headers = basicAuth("demo@example.test")
        if let contentType { headers[.contentType] = contentType }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    @Test func aCalDAVPutWakesThePhonesPing() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let (key, folders) = try await Self.prepare(client)
                let calendar = try #require(folders["Calendar"])
                let started = ContinuousClock.now
                async let answer = Route.post(client, "Ping", Self.ping(calendar, "Calendar"), policyKey: key)
                try await Self.waitUntilWaiting(fixture)
                let ics = """
                    BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:ping-1\r\n\
                    DTSTAMP:20261101T000000Z\r\nDTSTART:20261120T100000Z\r\nDTEND:20261120T110000Z\r\n\
                    SUMMARY:Rings on the phone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
                    """
                let put = try await Self.dav(
                    client, .put, "/dav/calendars/demo@example.test/calendar/ping-1.ics", ics,
                    contentType: "text/calendar")
                #expect(put.status == .created)
                let ping = try Route.decode(try await answer)
                #expect(ping.name == "Ping" && ping.childText("Status") == "2")
                #expect(ping.child("Folders")?.children.compactMap(\.text) == [calendar])
                #expect(ContinuousClock.now - started < .seconds(60))
            }
        }
    }

    @Test func aCardDAVDeleteWakesThePhonesPing() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let (key, folders) = try await Self.prepare(client)
                let contacts = try #require(folders["Contacts"])
                let card =
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ping-card\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nEND:VCARD\r\n"
                let path = "/dav/addressbooks/demo@example.test/contacts/ping-card.vcf"
                #expect(try await Self.dav(client, .put, path, card, contentType: "text/vcard").status == .created)
                async let answer = Route.post(client, "Ping", Self.ping(contacts, "Contacts"), policyKey: key)
                try await Self.waitUntilWaiting(fixture)
                #expect(try await Self.dav(client, .delete, path).status == .noContent)
                let ping = try Route.decode(try await answer)
                #expect(ping.childText("Status") == "2")
                #expect(ping.child("Folders")?.children.compactMap(\.text) == [contacts])
            }
        }
    }

    @Test func anAddressBookMadeOverCardDAVAnswers7() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let (key, folders) = try await Self.prepare(client)
                let contacts = try #require(folders["Contacts"])
                async let answer = Route.post(client, "Ping", Self.ping(contacts, "Contacts"), policyKey: key)
                try await Self.waitUntilWaiting(fixture)
                let mkcol = """
                    <?xml version="1.0" encoding="utf-8"?>
                    <D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>
                    <D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>
                    <D:displayname>Clients</D:displayname></D:prop></D:set></D:mkcol>
                    """
                let made = try await Self.dav(
                    client, HTTPRequest.Method("MKCOL")!, "/dav/addressbooks/demo@example.test/clients/", mkcol,
                    contentType: "application/xml")
                #expect(made.status == .created)
                #expect(try Route.decode(try await answer).childText("Status") == "7")
            }
        }
    }
}
