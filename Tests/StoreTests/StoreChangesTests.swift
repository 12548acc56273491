import Foundation
import Testing

@testable import Store

struct StoreChangesTests {
    @Test func changesAreTheLatestPerItem() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let old = try await store.put(calendarID, "old.ics", body: icsBody(uid: "old")).item
        let since = try await store.modseq()

        let fresh = try await store.put(calendarID, "new.ics", body: icsBody(uid: "new")).item
        try await store.put(calendarID, "new.ics", body: icsBody(uid: "new", summary: "v2"))  // created + updated
        try await store.put(calendarID, "old.ics", body: icsBody(uid: "old", summary: "v2"))  // updated
        // Created, then deleted.
        let gone = try await store.put(calendarID, "gone.ics", body: icsBody(uid: "gone")).item
        try await store.deleteItem(folderID: calendarID, resourceName: "gone.ics", condition: .none)
        let tasksID = try #require(await store.folder(role: .tasks)).id
        try await store.put(tasksID, "t.ics", body: icsBody(uid: "t"))  // another folder

        let (changes, modseq) = try await store.changes(folderID: calendarID, since: since)
        #expect(modseq == since + 6)
        #expect(
            changes == [
                Change(
                    modseq: since + 2, folderID: calendarID, itemID: fresh.id, resourceName: "new.ics", kind: .created),
                Change(
                    modseq: since + 3, folderID: calendarID, itemID: old.id, resourceName: "old.ics", kind: .updated),
                Change(
                    modseq: since + 5, folderID: calendarID, itemID: gone.id, resourceName: "gone.ics", kind: .deleted),
            ])
        #expect(try await store.changes(folderID: calendarID, since: modseq).changes.isEmpty)
        await #expect(throws: StoreError.syncTokenInvalid(since: modseq + 1, modseq: modseq)) {
            _ = try await store.changes(folderID: calendarID, since: modseq + 1)
        }
    }

    @Test func pruningMakesOlderTokensTooOld() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let first = try await store.put(calendarID, "a.ics", body: icsBody(uid: "a")).item
        try await Task.sleep(for: .milliseconds(20))
        let cutoff = Date()
        try await Task.sleep(for: .milliseconds(20))
        let second = try await store.put(calendarID, "b.ics", body: icsBody(uid: "b")).item

        let pruned = try await store.pruneChanges(olderThan: cutoff)
        #expect(pruned == Int(first.modseq))  // the standard folders' changes and the first put
        #expect(try await store.info().oldestModseq == first.modseq)
        await #expect(throws: StoreError.syncTokenTooOld(since: first.modseq - 1, oldest: first.modseq)) {
            _ = try await store.changes(folderID: calendarID, since: first.modseq - 1)
        }
        let (changes, _) = try await store.changes(folderID: calendarID, since: first.modseq)
        #expect(changes.map(\.itemID) == [second.id])

        // Pruning again with an older cutoff never moves oldest_modseq back.
        #expect(try await store.pruneChanges(olderThan: cutoff.addingTimeInterval(-60)) == 0)
        #expect(try await store.info().oldestModseq == first.modseq)
        try await store.pruneChanges(olderThan: Date().addingTimeInterval(60))
        #expect(try await store.info().oldestModseq == second.modseq)
        #expect(try await store.changes(folderID: calendarID, since: second.modseq).changes.isEmpty)
    }
}
