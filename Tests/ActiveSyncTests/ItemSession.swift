import ActiveSync
import Conversions
import Directory
import Foundation
import Store
import Testing
import WBXML

/// A provisioned device of the fixture's user with the fake converters: posts item commands
/// and writes items into the store as DAV would.
struct ItemSession {
    let fixture: EASFixture
    let policyKey: UInt32
    var device = "Phone1"
    var version = "14.1"

    /// Runs `body` with a fresh fixture whose service converts every class with `converters`
    /// (``FakeConverter`` unless given).
    static func with<T>(
        converters: ItemConverters = FakeConverter.all, maximumSyncWait: Duration = .seconds(5),
        heartbeatRange: ClosedRange<Int> = ActiveSyncConfiguration.defaultHeartbeatRange, maximumPingFolders: Int = 300,
        limits: RequestAdmission.Limits = RequestAdmission.Limits(), _ body: (ItemSession) async throws -> T
    ) async throws -> T {
        let fixture = try await EASFixture(
            configuration: ActiveSyncConfiguration(
                converters: converters, maximumSyncWait: maximumSyncWait, heartbeatRange: heartbeatRange,
                maximumPingFolders: maximumPingFolders),
            admission: RequestAdmission(limits: limits))
        do {
            let session = ItemSession(fixture: fixture, policyKey: try await fixture.provision())
            let result = try await body(session)
            await fixture.tearDown()
            return result
        } catch {
            await fixture.tearDown()
            throw error
        }
    }

    /// Posts a command; `user` stands in for the signed-in user (another quota, say).
    func post(_ command: String, _ body: WBXMLElement?, user: User? = nil) async throws -> ActiveSyncResponse {
        await fixture.service.handle(try request(command, body, user: user))
    }

    /// The request ``post(_:_:user:)`` sends.
    func request(_ command: String, _ body: WBXMLElement?, user: User? = nil) throws -> ActiveSyncRequest {
        let headers: [(name: String, value: String)] = [
            ("MS-ASProtocolVersion", version), ("Content-Type", ActiveSyncResponse.wbxmlContentType),
            ("X-MS-PolicyKey", String(policyKey)),
        ]
        return ActiveSyncRequest(
            method: "POST", query: "Cmd=\(command)&User=demo&DeviceId=\(device)&DeviceType=iPhone",
            headers: headers, body: try body.map { try WBXMLEncoder().encode($0) } ?? [], user: user ?? fixture.user)
    }

    /// A Sync and its decoded answer.
    func sync(_ collections: [WBXMLElement], windowSize: Int? = nil, user: User? = nil) async throws -> WBXMLElement {
        try decode(try await post("Sync", EAS.sync(collections, windowSize: windowSize), user: user))
    }

    /// SyncKey 0 then the first full round of one folder; returns the key after it.
    func start(_ folderID: Int64, options: [WBXMLElement]? = nil) async throws -> String {
        let first = try await sync([EAS.collection("0", folderID, options: options)])
        let key = try #require(first.collection(folderID)?.childText("SyncKey"))
        return key
    }

    // MARK: The store

    func folderID(_ role: FolderRole) async throws -> Int64 {
        try #require(try await fixture.withStore { try await $0.folder(role: role) }).id
    }

    /// Writes an item the way a DAV PUT would: its own resource name, the stored text, the UID indexed.
    @discardableResult
    func put(
        _ folderID: Int64, _ name: String, subject: String, itemClass: ItemClass = .notes, start: Date? = nil,
        end: Date? = nil
    ) async throws -> Item {
        let uid = name.split(separator: ".").first.map(String.init) ?? name
        let body = FakeConverter.body(itemClass, uid: uid, subject: subject, start: start, end: end)
        let index = ItemIndex(
            uid: uid, subject: subject, startAt: start.map { Int64($0.timeIntervalSince1970) },
            endAt: end.map { Int64($0.timeIntervalSince1970) })
        return try await fixture.withStore { store in
            try await store.putItem(
                folderID: folderID, resourceName: name, contentType: itemClass.contentType, body: body, index: index,
                condition: .none, quotaLimit: .max
            ).item
        }
    }

    func items(_ folderID: Int64) async throws -> [Item] {
        try await fixture.withStore { try await $0.items(folderID: folderID) }
    }
}

extension WBXMLElement {
    /// The response Collection of a folder.
    func collection(_ folderID: Int64) -> WBXMLElement? {
        child("Collections")?.children(named: "Collection").first { $0.childText("CollectionId") == String(folderID) }
    }

    /// The server commands of a response Collection, as (kind, ServerId, subject).
    var serverCommands: [(kind: String, serverID: String, subject: String?)] {
        (child("Commands")?.children ?? []).map { command in
            let subject = command.child("ApplicationData")?.children.first?.text
            return (command.name, command.childText("ServerId") ?? "", subject)
        }
    }

    /// The answers to client commands of a response Collection.
    var clientResponses: [WBXMLElement] { child("Responses")?.children ?? [] }
}
