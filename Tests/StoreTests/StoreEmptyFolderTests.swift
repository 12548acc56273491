import Foundation
import Testing

@testable import Store

struct StoreEmptyFolderTests {
    @Test func deletesEveryItemWithTombstonesAndFreesTheQuota() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let other = try await store.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        let a = try await store.put(calendarID, "a.ics", body: icsBody(uid: "a", size: 500)).item
        let b = try await store.put(calendarID, "b.ics", body: icsBody(uid: "b", size: 700)).item
        let kept = try await store.put(other.id, "c.ics", body: icsBody(uid: "c", size: 300)).item
        let since = try await store.modseq()

        let deleted = try await store.deleteItems(folderID: calendarID)
        #expect(deleted == [a.id, b.id])
        #expect(try await store.items(folderID: calendarID).isEmpty)
        #expect(try await store.items(folderID: other.id) == [kept])
        #expect(try await store.usedBytes() == kept.size)
        let changes = try await store.changes(folderID: calendarID, since: since).changes
        #expect(changes.map(\.kind) == [.deleted, .deleted])
        #expect(Set(changes.compactMap(\.itemID)) == [a.id, b.id])
        #expect(try await store.folder(id: calendarID)?.modseq == since + 2)

        // Nothing left: nothing is written.
        #expect(try await store.deleteItems(folderID: calendarID).isEmpty)
        #expect(try await store.modseq() == since + 2)
        await #expect(throws: StoreError.folderNotFound(9999)) { try await store.deleteItems(folderID: 9999) }
    }
}
