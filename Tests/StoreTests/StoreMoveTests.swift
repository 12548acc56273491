import Foundation
import Testing

@testable import Store

struct StoreMoveTests {
    @Test func moveKeepsUIDAndBodyWithATombstoneInTheSource() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let work = try await store.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        let original = try await store.put(calendarID, "e.ics", body: icsBody(uid: "event-1"), uid: "event-1").item
        let used = try await store.usedBytes()
        let since = try await store.modseq()

        let moved = try await store.moveItem(
            folderID: calendarID, resourceName: "e.ics", toFolderID: work.id, toResourceName: "moved.ics",
            condition: .ifMatch(original.etag))
        #expect(moved.id == original.id)
        #expect(moved.uid == "event-1" && moved.body == original.body && moved.etag == original.etag)
        #expect(moved.folderID == work.id && moved.resourceName == "moved.ics")
        #expect(try await store.item(folderID: work.id, resourceName: "moved.ics") == moved)
        #expect(try await store.item(folderID: calendarID, resourceName: "e.ics") == nil)
        #expect(try await store.usedBytes() == used)

        let source = try await store.changes(folderID: calendarID, since: since).changes
        #expect(source.map(\.kind) == [.deleted] && source.first?.resourceName == "e.ics")
        let target = try await store.changes(folderID: work.id, since: since).changes
        #expect(target.map(\.kind) == [.created] && target.first?.resourceName == "moved.ics")
        #expect(try await store.modseq() == since + 2)
    }

    @Test func moveOntoAnExistingItemOrWithAFailedConditionChangesNothing() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let a = try await store.put(calendarID, "a.ics", body: icsBody(uid: "a")).item
        try await store.put(calendarID, "b.ics", body: icsBody(uid: "b"))
        let modseq = try await store.modseq()

        await #expect(throws: StoreError.itemExists(folder: calendarID, resourceName: "b.ics")) {
            _ = try await store.moveItem(
                folderID: calendarID, resourceName: "a.ics", toFolderID: calendarID, toResourceName: "b.ics",
                condition: .none)
        }
        await #expect(throws: StoreError.preconditionFailed(a.etag)) {
            _ = try await store.moveItem(
                folderID: calendarID, resourceName: "a.ics", toFolderID: calendarID, toResourceName: "c.ics",
                condition: .ifMatch("nope"))
        }
        await #expect(throws: StoreError.folderNotFound(4242)) {
            _ = try await store.moveItem(
                folderID: calendarID, resourceName: "a.ics", toFolderID: 4242, toResourceName: "a.ics",
                condition: .none)
        }
        await #expect(throws: StoreError.itemNotFound(folder: calendarID, resourceName: "zz.ics")) {
            _ = try await store.moveItem(
                folderID: calendarID, resourceName: "zz.ics", toFolderID: calendarID, toResourceName: "y.ics",
                condition: .none)
        }
        #expect(try await store.modseq() == modseq)
        #expect(try await store.item(folderID: calendarID, resourceName: "a.ics") == a)
    }
}
