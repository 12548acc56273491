import ActiveSync
import Conversions
import Directory
import Foundation
import Store
import WBXML

/// A directory and a store pool in a temporary folder with the domain `example.test` and the
/// Enhanced user `demo@example.test`, and the ActiveSync service over them: requests go in as
/// element trees, answers come back decoded.
struct EASFixture {
    let root: URL
    let directory: Directory
    let stores: StorePool
    let service: ActiveSyncService
    let user: User

    init(
        configuration: ActiveSyncConfiguration = ActiveSyncConfiguration(),
        admission: RequestAdmission = RequestAdmission()
    ) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-eas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        directory = try Directory(path: root.appendingPathComponent("directory.sqlite").path, hasher: .fast)
        stores = StorePool(directory: root.appendingPathComponent("users"), maxOpen: 4, bus: ChangeBus())
        _ = try await directory.addDomain("example.test")
        user = try await directory.addUser(
            address: "demo@example.test", password: "Correct-Horse-1", plan: .enhanced, quotaBytes: nil,
            displayName: "Demo User")
        service = ActiveSyncService(
            directory: directory, stores: stores, configuration: configuration, admission: admission)
    }

    func tearDown() async {
        await stores.closeAll()
        try? directory.close()
        try? FileManager.default.removeItem(at: root)
    }

    static func with<T>(_ body: (EASFixture) async throws -> T) async throws -> T {
        let fixture = try await EASFixture()
        do {
            let result = try await body(fixture)
            await fixture.tearDown()
            return result
        } catch {
            await fixture.tearDown()
            throw error
        }
    }

    /// A POST in the plain query form.
    func post(
        _ command: String, _ body: WBXMLElement?, version: String = "14.1", device: String = "Phone1",
        type: String = "iPhone", policyKey: UInt32? = nil, contentType: String = ActiveSyncResponse.wbxmlContentType
    ) async throws -> ActiveSyncResponse {
        var headers: [(name: String, value: String)] = [
            ("MS-ASProtocolVersion", version), ("Content-Type", contentType), ("User-Agent", "Test/1.0"),
        ]
        if let policyKey { headers.append(("X-MS-PolicyKey", String(policyKey))) }
        return await service.handle(
            ActiveSyncRequest(
                method: "POST", query: "Cmd=\(command)&User=demo&DeviceId=\(device)&DeviceType=\(type)",
                headers: headers, body: try body.map { try WBXMLEncoder().encode($0) } ?? [], user: user))
    }

    /// A POST with raw bytes and query.
    func post(query: String, headers: [(name: String, value: String)], body: [UInt8]) async -> ActiveSyncResponse {
        await service.handle(ActiveSyncRequest(method: "POST", query: query, headers: headers, body: body, user: user))
    }

    /// Both Provision phases; returns the final policy key.
    func provision(device: String = "Phone1", version: String = "14.1") async throws -> UInt32 {
        let first = try decode(
            try await post(
                "Provision", EAS.provision(), version: version, device: device))
        let temporary = try requireKey(first)
        let second = try decode(
            try await post(
                "Provision", EAS.provision(acknowledging: temporary), version: version, device: device))
        return try requireKey(second)
    }

    /// The user's store.
    func withStore<T: Sendable>(_ body: @Sendable (Store) async throws -> T) async throws -> T {
        try await stores.withStore(userID: user.id, body)
    }
}

/// The policy key of a Provision response.
func requireKey(_ response: WBXMLElement) throws -> UInt32 {
    guard let text = response.child("Policies")?.child("Policy")?.childText("PolicyKey"), let key = UInt32(text) else {
        throw EASTestError.missing("PolicyKey in \(response.xml())")
    }
    return key
}

enum EASTestError: Error {
    case missing(String)
}

/// Decodes a 200 WBXML answer.
func decode(_ response: ActiveSyncResponse) throws -> WBXMLElement {
    guard response.status == 200 else { throw EASTestError.missing("a 200 answer, got \(response.status)") }
    return try WBXMLDecoder().decode(response.body)
}

extension WBXMLElement {
    func childText(_ name: String) -> String? { child(name)?.text }
    func children(named name: String) -> [WBXMLElement] { children.filter { $0.name == name } }
    /// The Status text of this element.
    var status: String? { childText("Status") }
}
