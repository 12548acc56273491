import Foundation
import GRDB
import Schemas
import Testing

@testable import Store

/// The search values of items (`item_search`, v0004): written and replaced with the item, gone
/// with it, scoped to a folder, never read by listings.
struct StoreSearchValueTests {
    private func putCard(
        _ store: Store, _ folderID: Int64, _ name: String, _ values: [(String, String)],
        condition: WriteCondition = .ifNoneMatchAny
    ) async throws -> Item {
        try await store.putItem(
            folderID: folderID, resourceName: name + ".vcf", contentType: "text/vcard",
            body: Array((name + values.map(\.1).joined()).utf8),
            index: ItemIndex(uid: name, searchValues: values.map { ItemSearchValue(name: $0.0, value: $0.1) }),
            condition: condition, quotaLimit: .max
        ).item
    }

    @Test func findsValuesOfOnePropertyContainingTheBytes() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let folder = try #require(try await store.folder(role: .contacts))
        let alice = try await putCard(
            store, folder.id, "a", [("FN", "alice example"), ("EMAIL", "alice@example.com"), ("EMAIL", "a@home.test")])
        let bob = try await putCard(store, folder.id, "b", [("FN", "bob"), ("EMAIL", "bob@work.example")])
        _ = try await putCard(store, folder.id, "c", [("FN", "carol"), ("TEL", "example.com")])

        let found = try await store.searchValues(folderID: folder.id, name: "EMAIL", containing: "example")
        #expect(found.map(\.itemID) == [alice.id, bob.id])
        #expect(found.map(\.value) == ["alice@example.com", "bob@work.example"])
        // Bytes, not a collation: the caller folds both sides.
        #expect(try await store.searchValues(folderID: folder.id, name: "EMAIL", containing: "EXAMPLE").isEmpty)
        #expect(try await store.searchValues(folderID: folder.id, name: "FN", containing: "example").count == 1)
        #expect(try await store.itemIDsWithoutSearchValues(folderID: folder.id).isEmpty)
        // Listings never carry them.
        #expect(try await store.item(id: alice.id)?.index.searchValues == [])
    }

    @Test func replacingOrDeletingAnItemReplacesOrDropsItsValues() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let folder = try #require(try await store.folder(role: .contacts))
        let first = try await putCard(store, folder.id, "a", [("EMAIL", "old@example.com")])
        _ = try await putCard(store, folder.id, "a", [("EMAIL", "new@example.com")], condition: .ifMatch(first.etag))
        #expect(
            try await store.searchValues(folderID: folder.id, name: "EMAIL", containing: "@").map(\.value) == [
                "new@example.com"
            ])
        try await store.deleteItem(folderID: folder.id, resourceName: "a.vcf", condition: .none)
        #expect(try await store.searchValues(folderID: folder.id, name: "EMAIL", containing: "@").isEmpty)
        let leftovers = try await store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM item_search")
        }
        #expect(leftovers == 0)
    }

    @Test func valuesFollowAMovedItemAndStayInTheirFolder() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let folder = try #require(try await store.folder(role: .contacts))
        let other = try await store.createFolder(
            class: .contacts, name: "work", displayName: "Work", parentID: nil)
        let card = try await putCard(store, folder.id, "a", [("EMAIL", "a@example.com")])
        _ = try await putCard(store, other.id, "b", [("EMAIL", "b@example.com")])
        #expect(try await store.searchValues(folderID: folder.id, name: "EMAIL", containing: "example").count == 1)

        _ = try await store.moveItem(
            folderID: folder.id, resourceName: "a.vcf", toFolderID: other.id, toResourceName: "a.vcf",
            condition: .none)
        #expect(try await store.searchValues(folderID: folder.id, name: "EMAIL", containing: "example").isEmpty)
        let moved = try await store.searchValues(folderID: other.id, name: "EMAIL", containing: "example")
        #expect(moved.map(\.itemID) == [card.id, card.id + 1])
    }

    @Test func itemsByIDWithAndWithoutBodies() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let folder = try #require(try await store.folder(role: .contacts))
        let a = try await putCard(store, folder.id, "a", [("FN", "a")])
        let b = try await putCard(store, folder.id, "b", [("FN", "b")])
        let withBodies = try await store.items(folderID: folder.id, ids: [b.id, a.id, 999], withBodies: true)
        #expect(withBodies == [a, b])
        let bare = try await store.items(folderID: folder.id, ids: [a.id], withBodies: false)
        #expect(bare.map(\.body) == [[]])
        #expect(bare.first?.etag == a.etag && bare.first?.size == a.size)
        let calendarID = try await store.calendarID()
        #expect(try await store.items(folderID: calendarID, ids: [a.id], withBodies: true).isEmpty)
    }

    /// A store written before v0004 keeps its items through the migration; they have no search
    /// values, so a search must check them itself.
    @Test func itemsWrittenBeforeV0004AreKeptAndListedAsWithoutValues() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.storePath()
        try await writeOlderStore(
            at: path, before: "v0004",
            sql: """
                INSERT INTO folder (id, class, name, display_name, created_modseq, modseq, created_at, updated_at)
                VALUES (100, 'contacts', 'old-book', 'Old', 0, 0, 0, 0);
                INSERT INTO item (folder_id, resource_name, uid, etag, content_type, body, size,
                    created_modseq, modseq, created_at, updated_at, subject, search_text)
                VALUES (100, 'old.vcf', 'old', 'e1', 'text/vcard', CAST('card' AS BLOB), 4, 0, 0, 0, 0, 'Old',
                    'old@example.com');
                """)
        let store = try Store(path: path, userID: 1, bus: nil)
        defer { try? store.close() }
        let old = try #require(try await store.item(folderID: 100, resourceName: "old.vcf"))
        #expect(old.body == Array("card".utf8) && old.subject == "Old")
        let new = try await putCard(store, 100, "new", [("EMAIL", "new@example.com")])
        #expect(try await store.itemIDsWithoutSearchValues(folderID: 100) == [old.id])
        #expect(
            try await store.searchValues(folderID: 100, name: "EMAIL", containing: "example").map(\.itemID) == [new.id])
    }
}
