import ActiveSync
import Conversions
import Foundation
import Store
import Testing
import WBXML

/// The gates before a command runs (MS-ASHTTP 2.2; MS-ASCMD 2.2.2): each refusal is the
/// specification's answer and changes nothing.
struct ActiveSyncFrontTests {
    @Test func optionsListsVersionsAndOnlyImplementedCommands() async throws {
        try await EASFixture.with { fixture in
            let answer = await fixture.service.handle(
                ActiveSyncRequest(method: "OPTIONS", query: "", headers: [], body: [], user: fixture.user))
            #expect(answer.status == 200)
            #expect(answer.headers["MS-ASProtocolVersions"] == "12.1,14.0,14.1,16.0,16.1")
            #expect(
                answer.headers["MS-ASProtocolCommands"]
                    == "Sync,FolderSync,FolderCreate,FolderDelete,FolderUpdate,MoveItems,GetItemEstimate,Settings,"
                    + "Ping,ItemOperations,Provision")
            #expect(answer.headers["MS-Server-ActiveSync"] != nil)
        }
    }

    @Test func httpLevelRefusals() async throws {
        try await EASFixture.with { fixture in
            let get = await fixture.service.handle(
                ActiveSyncRequest(method: "GET", query: "", headers: [], body: [], user: fixture.user))
            #expect(get.status == 405)
            let headers: [(name: String, value: String)] = [("MS-ASProtocolVersion", "14.1")]
            // A query that is neither form, an unknown command, no or an unsupported version.
            #expect(await fixture.post(query: "%%%", headers: headers, body: []).status == 400)
            #expect(
                await fixture.post(query: "Cmd=Frobnicate&DeviceId=a&DeviceType=b", headers: headers, body: []).status
                    == 501)
            let noVersion = await fixture.post(query: "Cmd=FolderSync&DeviceId=a&DeviceType=b", headers: [], body: [])
            #expect(noVersion.status == 400 && noVersion.headers["MS-ASProtocolVersions"] != nil)
            #expect(
                await fixture.post(
                    query: "Cmd=FolderSync&DeviceId=a&DeviceType=b", headers: [("MS-ASProtocolVersion", "12.0")],
                    body: []
                ).status == 400)
        }
    }

    /// From 14.0 a refusal is the command's Status; before, an HTTP code.
    @Test func commonStatusesFrom14AndHTTPCodesBefore() async throws {
        try await EASFixture.with { fixture in
            // Not implemented (yet): 137 / 501.
            let search = try decode(try await fixture.post("Search", EAS.element("Search", "Search", [])))
            #expect(search.namespace == "Search" && search.name == "Search" && search.status == "137")
            #expect(try await fixture.post("Search", nil, version: "12.1").status == 501)
            // Missing or bad DeviceId: 108 / 400; DeviceType: 109.
            #expect(try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), device: "")).status == "108")
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), device: "a%20b")).status == "108")
            #expect(try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), type: "")).status == "109")
            #expect(
                try await fixture.post("FolderSync", EAS.folderSync("0"), version: "12.1", device: "").status == 400)
            // Another content type: 101 / 400.
            #expect(
                try decode(try await fixture.post("FolderSync", EAS.folderSync("0"), contentType: "text/xml")).status
                    == "101")
            #expect(
                try await fixture.post("FolderSync", EAS.folderSync("0"), version: "12.1", contentType: "text/xml")
                    .status == 400)
        }
    }

    /// Truncated, random, deeply nested and oversized bodies: 102 (or 400 before 14.0), and the
    /// device's state is untouched.
    @Test func malformedBodiesChangeNothing() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            let valid = try WBXMLEncoder().encode(EAS.folderCreate("1", name: "X", type: 12))
            var generator = SystemRandomNumberGenerator()
            var bodies: [[UInt8]] = (1..<valid.count).map { Array(valid.prefix($0)) }
            bodies.append((0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) })
            // 10,000 nested elements; an unterminated string of 2 MB.
            bodies.append([0x03, 0x01, 0x6A, 0x00] + Array(repeating: 0x47, count: 10_000))
            bodies.append([0x03, 0x01, 0x6A, 0x00, 0x00, 0x07, 0x47, 0x03] + Array(repeating: 0x41, count: 2_000_000))
            let before = try await fixture.withStore { try await $0.folders() }
            let headers: [(name: String, value: String)] = [
                ("MS-ASProtocolVersion", "14.1"), ("Content-Type", ActiveSyncResponse.wbxmlContentType),
                ("X-MS-PolicyKey", String(key)),
            ]
            for body in bodies {
                let answer = await fixture.post(
                    query: "Cmd=FolderCreate&DeviceId=Phone1&DeviceType=iPhone", headers: headers, body: body)
                let element = try decode(answer)
                #expect(element.name == "FolderCreate")
                #expect(["102", "10"].contains(element.status ?? ""), "\(body.prefix(16))")
            }
            #expect(try await fixture.withStore { try await $0.folders() } == before)
            #expect(
                try await fixture.withStore { try await $0.syncState(deviceID: "phone1", collection: "hierarchy") }
                    == nil)
        }
    }
}
