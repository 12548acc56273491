import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WBXML

/// `/Microsoft-Server-ActiveSync` through the router, as a phone reaches it: authentication,
/// the plan gate, OPTIONS, the Provision handshake and FolderSync over HTTP (MS-ASHTTP 2.2).
struct ActiveSyncRouteTests {
    static let path = "/Microsoft-Server-ActiveSync"
    static let wbxml = "application/vnd.ms-sync.wbxml"

    @Test(arguments: [path, "/microsoft-server-activesync", "/MICROSOFT-SERVER-ACTIVESYNC", path + "/"])
    func optionsAnswersVersionsAndCommandsInAnyLetterCase(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: path, method: .options, headers: basicAuth("demo@example.test"))
                #expect(response.status == .ok)
                #expect(response.headers[Self.field("MS-ASProtocolVersions")] == "12.1,14.0,14.1,16.0,16.1")
                let commands = try #require(response.headers[Self.field("MS-ASProtocolCommands")])
                #expect(commands.split(separator: ",").contains("FolderSync"))
                #expect(commands.split(separator: ",").contains("Provision"))
                #expect(response.headers[Self.field("MS-Server-ActiveSync")] == "16.1")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test(arguments: [HTTPRequest.Method.options, .post])
    func noCredentialsAreChallenged(method: HTTPRequest.Method) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: Self.query("FolderSync", device: "Phone1"), method: method,
                    headers: Self.easHeaders(auth: [:]), body: ByteBuffer(bytes: try Self.encode(Self.folderSync("0"))))
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Basic realm=\"Almanac\", charset=\"UTF-8\"")
                #expect(response.headers[Self.field("MS-ASProtocolCommands")] == nil)
            }
            #expect(try await fixture.directory.devices(address: "demo@example.test").isEmpty)
        }
    }

    @Test func basicPlanUserIsForbiddenAndNoDeviceIsRecorded() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: Self.query("FolderSync", user: "basic@example.test", device: "Phone1"), method: .post,
                    headers: Self.easHeaders(auth: basicAuth("basic@example.test")),
                    body: ByteBuffer(bytes: try Self.encode(Self.folderSync("0"))))
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("Basic plan"))
                let options = try await client.execute(
                    uri: Self.path, method: .options, headers: basicAuth("basic@example.test"))
                #expect(options.status == .forbidden)
                #expect(options.headers[Self.field("MS-ASProtocolVersions")] == nil)
            }
            #expect(try await fixture.directory.devices(address: "basic@example.test").isEmpty)
        }
    }

    /// An unprovisioned device is sent to Provision (142); after both Provision phases its
    /// FolderSync lists the standard folders, and the same key again lists nothing new.
    @Test func provisionThenFolderSyncOverHTTP() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let refused = try await Self.post(client, "FolderSync", Self.folderSync("0"))
                #expect(try Self.decode(refused).childText("Status") == "142")

                let first = try Self.decode(try await Self.post(client, "Provision", Self.provision()))
                #expect(first.childText("Status") == "1")
                let firstPolicy = try #require(first.child("Policies")?.child("Policy"))
                #expect(firstPolicy.childText("Status") == "1")
                #expect(firstPolicy.child("Data")?.child("EASProvisionDoc") != nil)
                let temporary = try #require(firstPolicy.childText("PolicyKey").flatMap { UInt32($0) })
                let second = try Self.decode(
                    try await Self.post(client, "Provision", Self.provision(acknowledging: temporary)))
                let secondPolicy = try #require(second.child("Policies")?.child("Policy"))
                #expect(secondPolicy.childText("Status") == "1")
                let key = try #require(secondPolicy.childText("PolicyKey").flatMap { UInt32($0) })
                #expect(key != temporary)

                let response = try await Self.post(client, "FolderSync", Self.folderSync("0"), policyKey: key)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == Self.wbxml)
                let sync = try Self.decode(response)
                #expect(sync.namespace == "FolderHierarchy" && sync.name == "FolderSync")
                #expect(sync.childText("Status") == "1")
                #expect(sync.childText("SyncKey") == "1")
                let changes = try #require(sync.child("Changes"))
                let adds = changes.children.filter { $0.name == "Add" }
                #expect(changes.childText("Count") == String(adds.count))
                var types: [String: String] = [:]
                for add in adds {
                    types[add.childText("DisplayName") ?? ""] = add.childText("Type")
                    #expect(add.childText("ParentId") == "0")
                    #expect(add.childText("ServerId").flatMap { Int($0) } != nil)
                }
                #expect(
                    types == [
                        "Inbox": "2", "Drafts": "3", "Deleted Items": "4", "Sent Items": "5", "Outbox": "6",
                        "Tasks": "7", "Calendar": "8", "Contacts": "9", "Notes": "10", "Junk E-mail": "12",
                    ])

                let again = try Self.decode(
                    try await Self.post(client, "FolderSync", Self.folderSync("1"), policyKey: key))
                #expect(again.childText("Status") == "1" && again.childText("SyncKey") == "1")
                #expect(again.child("Changes")?.childText("Count") == "0")
            }
            let device = try await fixture.directory.device(address: "demo@example.test", deviceID: "Phone1")
            #expect(device.deviceType == "iPhone")
        }
    }

    /// MS-ASCMD 2.2.2: another content type is 101 (InvalidContent), a body that is not
    /// WBXML 102 (InvalidWBXML), each in the command's Status with HTTP 200; before 14.0 a 400.
    @Test func wrongContentTypeAndTruncatedBodyGetTheCommonStatus() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let body = try Self.encode(Self.folderSync("0"))
                let wrongType = try await Self.post(client, "FolderSync", body: body, contentType: "text/xml")
                #expect(wrongType.status == .ok)
                #expect(try Self.decode(wrongType).childText("Status") == "101")

                for length in [1, 4, body.count / 2, body.count - 1] {
                    let truncated = try await Self.post(client, "FolderSync", body: Array(body.prefix(length)))
                    #expect(truncated.status == .ok)
                    let answer = try Self.decode(truncated)
                    #expect(answer.name == "FolderSync" && answer.childText("Status") == "102")
                }
                let legacy = try await Self.post(client, "FolderSync", body: Array(body.prefix(5)), version: "12.1")
                #expect(legacy.status == .badRequest)
            }
        }
    }

    // MARK: - Requests

    static func field(_ name: String) -> HTTPField.Name {
        HTTPField.Name(name)!
    }

    static func query(_ command: String, user: String = "demo@example.test", device: String = "Phone1") -> String {
        "\(path)?Cmd=\(command)&User=\(user)&DeviceId=\(device)&DeviceType=iPhone"
    }

    static func easHeaders(
        auth: HTTPFields = basicAuth("demo@example.test"), version: String = "14.1", contentType: String = wbxml,
        policyKey: UInt32? = nil
    ) -> HTTPFields {
        var headers = auth
        headers[field("MS-ASProtocolVersion")] = version
        headers[.contentType] = contentType
        headers[.userAgent] = "Apple-iPhone16C1/2201.100"
        if let policyKey { headers[field("X-MS-PolicyKey")] = String(policyKey) }
        return headers
    }

    static func post(
        _ client: some TestClientProtocol, _ command: String, _ element: WBXMLElement, policyKey: UInt32? = nil
    ) async throws -> TestResponse {
        try await post(client, command, body: try encode(element), policyKey: policyKey)
    }

    static func post(
        _ client: some TestClientProtocol, _ command: String, body: [UInt8], version: String = "14.1",
        contentType: String = wbxml, policyKey: UInt32? = nil
    ) async throws -> TestResponse {
        try await client.execute(
            uri: query(command), method: .post,
            headers: easHeaders(version: version, contentType: contentType, policyKey: policyKey),
            body: ByteBuffer(bytes: body))
    }

    static func encode(_ element: WBXMLElement) throws -> [UInt8] {
        try WBXMLEncoder().encode(element)
    }

    static func decode(_ response: TestResponse) throws -> WBXMLElement {
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == wbxml)
        return try WBXMLDecoder().decode(Array(buffer: response.body))
    }

    // MARK: - Bodies (MS-ASCMD 2.2.1.5, MS-ASPROV 4.1)

    static func folderSync(_ key: String) -> WBXMLElement {
        WBXMLElement("FolderHierarchy", "FolderSync", children: [WBXMLElement("FolderHierarchy", "SyncKey", text: key)])
    }

    static func provision(acknowledging key: UInt32? = nil) -> WBXMLElement {
        var policy = [WBXMLElement("Provision", "PolicyType", text: "MS-EAS-Provisioning-WBXML")]
        if let key {
            policy += [
                WBXMLElement("Provision", "PolicyKey", text: String(key)),
                WBXMLElement("Provision", "Status", text: "1"),
            ]
        }
        return WBXMLElement(
            "Provision", "Provision",
            children: [
                WBXMLElement(
                    "Provision", "Policies", children: [WBXMLElement("Provision", "Policy", children: policy)])
            ])
    }
}

extension WBXMLElement {
    func childText(_ name: String) -> String? { child(name)?.text }
}
