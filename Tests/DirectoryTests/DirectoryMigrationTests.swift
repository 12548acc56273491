import Foundation
import GRDB
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
        let tables = try await directory.pool.read { db in
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

    @Test func refusesAFileThatIsNotADatabase() throws {
        try Data("not a database, just some text that is long enough".utf8).write(
            to: URL(fileURLWithPath: folder.directoryPath))
        #expect(throws: (any Error).self) { try Directory(path: folder.directoryPath, hasher: .fast) }
    }
}
