import Foundation
import GRDB
import Schemas
import Testing

@testable import Directory

struct DirectoryMigrationTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func migratesAnEmptyFile() async throws {
        let directory = try Directory(path: folder.directoryPath, hasher: .fast)
        defer { try? directory.close() }
        #expect(try await directory.appliedMigrations() == ["v0001_directory", "v0002_activesync"])
        let tables = try directory.readNow { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables.contains("domain") && tables.contains("user") && tables.contains("credential"))
        #expect(tables.contains("device") && tables.contains("domain_policy") && tables.contains("out_of_office"))
        #expect(try await directory.domains().isEmpty)
    }

    @Test func createsMissingFolders() async throws {
        let path = folder.url.appendingPathComponent("data/nested/directory.sqlite").path
        let directory = try Directory(path: path, hasher: .fast)
        try directory.close()
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func reopeningKeepsData() async throws {
        let first = try await makeDirectory(in: folder)
        let demo = try #require(try await first.user(address: "demo@example.test"))
        try first.close()

        let second = try Directory(path: folder.directoryPath, hasher: .fast)
        defer { try? second.close() }
        #expect(try await second.appliedMigrations() == ["v0001_directory", "v0002_activesync"])
        #expect(try await second.user(address: "demo@example.test") == demo)
        #expect(try await second.domains().map(\.name) == ["example.test"])
        #expect(
            await second.authenticate(login: "demo@example.test", password: goodPassword, client: "::1")
                == .success(demo))
    }

    /// A file made before devices existed gains their tables and keeps its users.
    @Test func upgradesAVersionOneFile() async throws {
        let queue = try DatabaseQueue(path: folder.directoryPath)
        var first = DatabaseMigrator()
        let v0001 = try #require(Schemas.directory.first)
        first.registerMigration(v0001.identifier) { db in try db.execute(sql: v0001.sql) }
        try first.migrate(queue)
        try await queue.write { db in
            try db.execute(
                sql: "INSERT INTO domain (name, created_at) VALUES ('example.test', '2024-01-01 00:00:00.000')")
            try db.execute(
                sql: """
                    INSERT INTO user (domain_id, local_part, address, display_name, plan, quota_bytes, created_at)
                    VALUES (1, 'old', 'old@example.test', 'Old', 'basic', 1000000000, '2024-01-01 00:00:00.000')
                    """)
            try db.execute(
                sql: "INSERT INTO credential (user_id, hash, version, updated_at) VALUES (1, '$s$a$b', 1, '2024-01-01')"
            )
        }
        try queue.close()

        let directory = try Directory(path: folder.directoryPath, hasher: .fast)
        defer { try? directory.close() }
        #expect(try await directory.appliedMigrations() == ["v0001_directory", "v0002_activesync"])
        let old = try #require(try await directory.user(address: "old@example.test"))
        #expect(try await directory.devices(address: "old@example.test").isEmpty)
        #expect(try await directory.outOfOffice(userID: old.id) == .disabled)
        #expect(try await directory.devicePolicy(domain: "example.test") == .default)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        try Data("not a database, just some text that is long enough".utf8).write(
            to: URL(fileURLWithPath: folder.directoryPath))
        #expect(throws: (any Error).self) { try Directory(path: folder.directoryPath, hasher: .fast) }
    }
}
