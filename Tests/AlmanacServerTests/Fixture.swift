import ActiveSync
import AlmanacServer
import Directory
import Foundation
import HTTPTypes
import Hummingbird
import Store

/// A data directory in a temporary folder with `example.test`, an Enhanced
/// user `demo@example.test` and a Basic user `basic@example.test`, and the
/// application built on it, as `almanac serve` builds it.
struct Fixture {
    static let password = "Correct-Horse-1"

    let root: URL
    let data: DataDirectory
    let directory: Directory
    let stores: StorePool
    var configuration = ServerConfiguration()
    /// The ActiveSync requests in progress and waiting (tests wait for a Ping to be waiting).
    let admission = RequestAdmission()

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-\(UUID().uuidString)")
        data = DataDirectory(path: root.path)
        try data.create()
        directory = try Directory(path: data.directoryDatabase.path, hasher: .fast)
        stores = StorePool(directory: data.usersDirectory, maxOpen: 8, bus: ChangeBus())
        _ = try await directory.addDomain("example.test")
        let provisioning = Provisioning(data: data, directory: directory)
        try await provisioning.addUser(
            address: "demo@example.test", password: Self.password, plan: .enhanced, quotaBytes: nil,
            displayName: "Demo User")
        try await provisioning.addUser(
            address: "basic@example.test", password: Self.password, plan: .basic, quotaBytes: nil,
            displayName: "Basic User")
    }

    func application() -> some ApplicationProtocol {
        Application(
            responder: AlmanacRouter.build(
                directory: directory, stores: stores, configuration: configuration, admission: admission))
    }

    func tearDown() async {
        await stores.closeAll()
        try? directory.close()
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `body` and always removes the fixture.
    static func with<T>(_ body: (Fixture) async throws -> T) async throws -> T {
        let fixture = try await Fixture()
        do {
            let result = try await body(fixture)
            await fixture.tearDown()
            return result
        } catch {
            await fixture.tearDown()
            throw error
        }
    }
}

/// `Authorization: Basic …` for a login and password.
func basicAuth(_ login: String, _ password: String = Fixture.password) -> HTTPFields {
    var fields = HTTPFields()
    fields[.authorization] = "Basic " + Data("\(login):\(password)".utf8).base64EncodedString()
    return fields
}
