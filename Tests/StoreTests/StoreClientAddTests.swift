import Foundation
import GRDB
import Schemas
import Testing

@testable import Store

/// Client Adds (`client_add`, v0006): written with the item in its transaction, or not at all;
/// found by device, folder, ClientId and fingerprint; gone with the item; pruned by age and count.
struct StoreClientAddTests {
    private let add = ClientAdd(deviceID: "Phone1", clientID: "c1", fingerprint: UInt64.max - 7)!

    private func put(
        _ store: Store, _ folderID: Int64, _ name: String, size: Int = 0, condition: WriteCondition = .none,
        quotaLimit: Int64 = .max, clientAdd: ClientAdd?
    ) async throws -> Item {
        try await store.putItem(
            folderID: folderID, resourceName: name, contentType: "text/calendar",
            body: icsBody(uid: name, size: size), index: ItemIndex(uid: name), condition: condition,
            quotaLimit: quotaLimit, clientAdd: clientAdd
        ).item
    }

    private func rowCount(_ store: Store) async throws -> Int {
        try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM client_add") ?? -1 }
    }

    @Test func writtenWithTheItemAndFoundByEveryPartOfItsKey() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let work = try await store.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        #expect(try await store.itemID(folderID: calendarID, clientAdd: add) == nil)
        let item = try await put(store, calendarID, "a.ics", clientAdd: add)

        #expect(try await store.itemID(folderID: calendarID, clientAdd: add) == item.id)
        let upperCased = try #require(ClientAdd(deviceID: "PHONE1", clientID: "c1", fingerprint: UInt64.max - 7))
        #expect(try await store.itemID(folderID: calendarID, clientAdd: upperCased) == item.id)
        #expect(try await store.itemID(folderID: work.id, clientAdd: add) == nil)
        for other in [
            ClientAdd(deviceID: "Phone2", clientID: "c1", fingerprint: UInt64.max - 7),
            ClientAdd(deviceID: "Phone1", clientID: "C1", fingerprint: UInt64.max - 7),
            ClientAdd(deviceID: "Phone1", clientID: "c1", fingerprint: 1),
        ] {
            #expect(try await store.itemID(folderID: calendarID, clientAdd: #require(other)) == nil)
        }
        // The fingerprint is kept as its bit pattern: the UInt64 comes back whole.
        let stored = try await store.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT fingerprint FROM client_add")
        }
        #expect(stored.map { UInt64(bitPattern: $0) } == UInt64.max - 7)
        // A write without a client Add records none.
        _ = try await put(store, calendarID, "b.ics", clientAdd: nil)
        #expect(try await rowCount(store) == 1)
    }

    @Test func aRefusedWriteLeavesNeitherItemNorRow() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        _ = try await put(store, calendarID, "taken.ics", clientAdd: nil)

        await #expect(throws: StoreError.self) {
            _ = try await put(store, calendarID, "big.ics", size: 5_000, quotaLimit: 4_000, clientAdd: add)
        }
        await #expect(throws: StoreError.self) {
            _ = try await put(store, calendarID, "taken.ics", condition: .ifNoneMatchAny, clientAdd: add)
        }
        #expect(try await store.item(folderID: calendarID, resourceName: "big.ics") == nil)
        #expect(try await store.itemID(folderID: calendarID, clientAdd: add) == nil)
        #expect(try await rowCount(store) == 0)
    }

    @Test func aMovedItemStaysFoundAndADeletedOneTakesItsRows() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let work = try await store.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        let item = try await put(store, calendarID, "a.ics", clientAdd: add)
        let moved = try await store.moveItem(
            folderID: calendarID, resourceName: "a.ics", toFolderID: work.id, toResourceName: "a.ics", condition: .none)
        #expect(try await store.itemID(folderID: calendarID, clientAdd: add) == item.id)

        try await store.deleteItem(folderID: work.id, resourceName: moved.resourceName, condition: .none)
        #expect(try await store.itemID(folderID: calendarID, clientAdd: add) == nil)
        #expect(try await rowCount(store) == 0)
    }

    @Test func aWritePrunesTheDevicesOldAndSurplusRowsOfTheFolder() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let work = try await store.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        let old = try await put(store, calendarID, "old.ics", clientAdd: add)
        let now = Date().timeIntervalSince1970
        try await store.database.write { db in
            // Older than the lifetime; then more recent rows than a folder keeps.
            try db.execute(
                sql: "UPDATE client_add SET created_at = ?", arguments: [now - ClientAdd.lifetime - 60])
            for n in 0..<ClientAdd.maximumPerFolder {
                try db.execute(
                    sql: """
                        INSERT INTO client_add (device_id, folder_id, client_id, fingerprint, item_id, created_at)
                        VALUES ('phone1', ?, ?, 0, ?, ?)
                        """,
                    arguments: [calendarID, "old-\(n)", old.id, now - 3_600 + Double(n)])
            }
            // Another device's row and another folder's are not this device's and folder's.
            try db.execute(
                sql: """
                    INSERT INTO client_add (device_id, folder_id, client_id, fingerprint, item_id, created_at)
                    VALUES ('phone2', ?1, 'x', 0, ?2, 0), ('phone1', ?3, 'x', 0, ?2, 0)
                    """,
                arguments: [calendarID, old.id, work.id])
        }
        let newer = try #require(ClientAdd(deviceID: "Phone1", clientID: "c2", fingerprint: 2))
        let item = try await put(store, calendarID, "new.ics", clientAdd: newer)

        #expect(try await store.itemID(folderID: calendarID, clientAdd: newer) == item.id)
        #expect(try await store.itemID(folderID: calendarID, clientAdd: add) == nil)
        let kept = try await store.database.read { db in
            try String.fetchAll(
                db, sql: "SELECT client_id FROM client_add WHERE device_id = 'phone1' AND folder_id = ?",
                arguments: [calendarID])
        }
        #expect(kept.count == ClientAdd.maximumPerFolder)
        #expect(!kept.contains("old-0") && kept.contains("old-1") && kept.contains("c2"))
        #expect(try await rowCount(store) == ClientAdd.maximumPerFolder + 2)
    }

    /// A store written before v0006 keeps its items, and records client Adds after it.
    @Test func itemsWrittenBeforeV0006AreKept() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.storePath()
        try await writeOlderStore(
            at: path, before: "v0006",
            sql: """
                INSERT INTO folder (id, class, name, display_name, created_modseq, modseq, created_at, updated_at)
                VALUES (100, 'calendar', 'old-calendar', 'Old', 0, 0, 0, 0);
                INSERT INTO item (folder_id, resource_name, uid, etag, content_type, body, size,
                    created_modseq, modseq, created_at, updated_at, subject)
                VALUES (100, 'old.ics', 'old', 'e1', 'text/calendar', CAST('event' AS BLOB), 5, 0, 0, 0, 0,
                    'Old');
                """)
        let store = try Store(path: path, userID: 1, bus: nil)
        defer { try? store.close() }
        let old = try #require(try await store.item(folderID: 100, resourceName: "old.ics"))
        #expect(old.body == Array("event".utf8) && old.subject == "Old")
        let item = try await put(store, 100, "new.ics", clientAdd: add)
        #expect(try await store.itemID(folderID: 100, clientAdd: add) == item.id)
        #expect(try await store.items(folderID: 100).count == 2)
    }
}
