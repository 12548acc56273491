import Foundation
import GRDB
import Schemas
import Testing

@testable import Store

struct StoreOpeningTests {
    @Test func newStoreIsMigratedWithTheStandardFolders() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 7, bus: nil)
        defer { try? store.close() }

        let folders = try await store.folders()
        #expect(folders.count == StandardFolder.all.count)
        #expect(Set(folders.compactMap(\.role)) == Set(FolderRole.allCases))
        let calendar = try #require(await store.folder(role: .calendar))
        #expect(calendar.name == "calendar" && calendar.displayName == "Calendar" && calendar.folderClass == .calendar)
        #expect(try await store.folder(role: .sent)?.displayName == "Sent Items")
        #expect(try await store.folder(role: .trash)?.displayName == "Deleted Items")
        #expect(try await store.folder(role: .junk)?.displayName == "Junk E-mail")
        #expect(folders.allSatisfy { $0.parentID == nil })

        let info = try await store.info()
        #expect(info.modseq == Int64(StandardFolder.all.count))  // one folder-created change each
        #expect(info.usedBytes == 0 && info.oldestModseq == 0)
        #expect(UUID(uuidString: store.storeID) != nil)
        #expect(try await store.changeRows().map(\.kind) == Array(repeating: .folderCreated, count: folders.count))
    }

    @Test func connectionIsDurableWALWithForeignKeys() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let (journal, synchronous, foreignKeys) = try await store.database.write { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(foreignKeys == 1)
    }

    @Test func reopeningKeepsDataAndAppliesNothingTwice() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.storePath()
        let first = try Store(path: path, userID: 1, bus: nil)
        let storeID = first.storeID
        let calendarID = try await first.calendarID()
        let folder = try await first.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        try await first.put(calendarID, "a.ics", body: icsBody(uid: "a"), uid: "a")
        let modseq = try await first.modseq()
        try first.close()

        let second = try Store(path: path, userID: 1, bus: nil)
        defer { try? second.close() }
        #expect(second.storeID == storeID)
        #expect(try await second.modseq() == modseq)
        #expect(try await second.folders().count == StandardFolder.all.count + 1)
        #expect(try await second.folder(id: folder.id) == folder)
        #expect(try await second.item(folderID: calendarID, resourceName: "a.ics")?.uid == "a")
        let migrations = try await second.database.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations == Schemas.store.map(\.identifier))
    }

    @Test func olderFileIsMigratedForwardKeepingItsData() async throws {
        // A store written by the first release: only v0001 applied, one folder row.
        let directory = try TemporaryDirectory()
        let path = directory.storePath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        try await old.write { db in
            try db.execute(sql: Schemas.store[0].sql)
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v0001_store')")
        }
        try old.close()

        let store = try Store(path: path, userID: 1, bus: nil)
        defer { try? store.close() }
        let migrations = try await store.database.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(migrations == Schemas.store.map(\.identifier))
        let calendarID = try await store.calendarID()
        let updated = try await store.updateFolderProperties(
            id: calendarID, set: [FolderProperty(name: "{urn:x}a", value: "<a xmlns=\"urn:x\"/>")], remove: [])
        #expect(updated.id == calendarID)
    }

    @Test func migratedFileWithoutItsInfoRowIsSeededOnOpen() async throws {
        // A crash between the migration and the seeding leaves a migrated, empty file.
        let directory = try TemporaryDirectory()
        let path = directory.storePath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Store.migrator.migrate(queue)
        try queue.close()

        let store = try Store(path: path, userID: 1, bus: nil)
        defer { try? store.close() }
        #expect(try await store.folders().count == StandardFolder.all.count)
    }

    @Test func twoProcessesOpeningANewFileCreateTheStandardFoldersOnce() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.storePath()
        let stores = try await withThrowingTaskGroup(of: Store.self) { group in
            for _ in 0..<2 { group.addTask { try Store(path: path, userID: 1, bus: nil) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        defer { for store in stores { try? store.close() } }
        #expect(stores[0].storeID == stores[1].storeID)
        #expect(try await stores[0].folders().count == StandardFolder.all.count)
        #expect(try await stores[1].modseq() == Int64(StandardFolder.all.count))
    }

    @Test func schemaRefusesWhatTheInvariantsForbid() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let statements = [
            // Unknown class.
            "INSERT INTO folder (class, name, display_name, created_modseq, modseq, created_at, updated_at) VALUES ('files', 'x', 'x', 1, 1, 0, 0)",
            // A second inbox.
            "INSERT INTO folder (class, role, name, display_name, created_modseq, modseq, created_at, updated_at) VALUES ('mail', 'inbox', 'x', 'x', 1, 1, 0, 0)",
            // Same top-level name (NULL parents compare equal through IFNULL).
            "INSERT INTO folder (class, name, display_name, created_modseq, modseq, created_at, updated_at) VALUES ('mail', 'inbox', 'x', 1, 1, 0, 0)",
            // Item in a folder that does not exist.
            "INSERT INTO item (folder_id, resource_name, etag, content_type, body, size, created_modseq, modseq, created_at, updated_at) VALUES (999, 'a', 'e', 't', x'00', 1, 1, 1, 0, 0)",
            // A second store_info row.
            "INSERT INTO store_info (id, store_id, created_at) VALUES (2, '00000000-0000-0000-0000-000000000000', 0)",
        ]
        for sql in statements {
            await #expect(throws: DatabaseError.self, "\(sql)") {
                try await store.database.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try await store.folders().count == StandardFolder.all.count)
    }
}
