import Foundation
import Testing

@testable import Store

struct StoreItemTests {
    @Test func putCreatesThenReplacesWithAStrongETag() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let index = ItemIndex(uid: "u1", subject: "Standup", startAt: 1_700_000_000, endAt: 1_700_001_800)

        let created = try await store.putItem(
            folderID: calendarID, resourceName: "u1.ics", contentType: "text/calendar", body: icsBody(uid: "u1"),
            index: index, condition: .ifNoneMatchAny, quotaLimit: .max)
        #expect(created.created)
        #expect(created.item.etag.count == 32 && created.item.etag.allSatisfy(\.isHexDigit))
        #expect(try await store.item(folderID: calendarID, resourceName: "u1.ics") == created.item)
        #expect(try await store.item(id: created.item.id) == created.item)

        let replaced = try await store.putItem(
            folderID: calendarID, resourceName: "u1.ics", contentType: "text/calendar",
            body: icsBody(uid: "u1", summary: "Standup moved"), index: index, condition: .ifMatch(created.item.etag),
            quotaLimit: .max)
        #expect(!replaced.created)
        #expect(replaced.item.id == created.item.id)
        #expect(replaced.item.etag != created.item.etag)
        #expect(replaced.item.createdModseq == created.item.modseq && replaced.item.modseq > created.item.modseq)
        #expect(try await store.item(folderID: calendarID, resourceName: "u1.ics") == replaced.item)

        // The same bytes give the same ETag.
        let again = try await store.put(calendarID, "u1.ics", body: icsBody(uid: "u1", summary: "Standup moved"))
        #expect(again.item.etag == replaced.item.etag)
        #expect(try await store.folder(id: calendarID)?.modseq == again.item.modseq)  // the CTag follows
    }

    @Test func indexedColumnsRoundTripAndServeTimeRanges() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let inboxID = try #require(await store.folder(role: .inbox)).id
        let index = ItemIndex(
            uid: "<m1@example.org>", subject: "Hello", sender: "ann@example.org", isRead: false, isFlagged: true,
            receivedAt: 1_700_000_000)
        let write = try await store.putItem(
            folderID: inboxID, resourceName: "m1.eml", contentType: "message/rfc822",
            body: Array("Subject: Hello\r\n\r\nHi".utf8),
            index: index, condition: .none, quotaLimit: .max)
        #expect(try await store.item(folderID: inboxID, resourceName: "m1.eml")?.index == index)
        #expect(write.item.index == index)

        let calendarID = try await store.calendarID()
        for (name, start, end) in [("early", 100, 200), ("late", 500, 600), ("open", 300, nil)]
            as [(String, Int64, Int64?)]
        {
            _ = try await store.putItem(
                folderID: calendarID, resourceName: name, contentType: "text/calendar", body: icsBody(uid: name),
                index: ItemIndex(uid: name, startAt: start, endAt: end), condition: .none, quotaLimit: .max)
        }
        #expect(try await store.items(folderID: calendarID, overlapping: 150, 250).map(\.resourceName) == ["early"])
        #expect(
            try await store.items(folderID: calendarID, overlapping: 250, 550).map(\.resourceName) == ["late", "open"])
        #expect(try await store.items(folderID: calendarID, overlapping: 1000, nil).map(\.resourceName) == ["open"])
        #expect(try await store.items(folderID: calendarID, uid: "late").count == 1)
    }

    @Test func conditionsRefuseWithTheCurrentETagAndChangeNothing() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let existing = try await store.put(calendarID, "a.ics", body: icsBody(uid: "a")).item
        let modseq = try await store.modseq()

        func put(_ name: String, _ condition: WriteCondition) async throws {
            _ = try await store.putItem(
                folderID: calendarID, resourceName: name, contentType: "text/calendar", body: icsBody(uid: "new"),
                index: ItemIndex(), condition: condition, quotaLimit: .max)
        }
        await #expect(throws: StoreError.preconditionFailed(existing.etag)) { try await put("a.ics", .ifNoneMatchAny) }
        await #expect(throws: StoreError.preconditionFailed(existing.etag)) { try await put("a.ics", .ifMatch("0000")) }
        await #expect(throws: StoreError.preconditionFailed("none")) { try await put("b.ics", .ifMatchAny) }
        await #expect(throws: StoreError.preconditionFailed("none")) { try await put("b.ics", .ifMatch(existing.etag)) }
        await #expect(throws: StoreError.preconditionFailed(existing.etag)) {
            try await store.deleteItem(folderID: calendarID, resourceName: "a.ics", condition: .ifMatch("0000"))
        }
        await #expect(throws: StoreError.itemNotFound(folder: calendarID, resourceName: "b.ics")) {
            try await store.deleteItem(folderID: calendarID, resourceName: "b.ics", condition: .none)
        }
        await #expect(throws: StoreError.folderNotFound(999)) {
            _ = try await store.putItem(
                folderID: 999, resourceName: "x.ics", contentType: "text/calendar", body: [1], index: ItemIndex(),
                condition: .none, quotaLimit: .max)
        }
        #expect(try await store.modseq() == modseq)
        #expect(try await store.item(folderID: calendarID, resourceName: "a.ics") == existing)
        #expect(try await store.item(folderID: calendarID, resourceName: "b.ics") == nil)

        try await put("a.ics", .ifMatchAny)
        try await put("b.ics", .ifNoneMatchAny)
        let current = try #require(await store.item(folderID: calendarID, resourceName: "a.ics")).etag
        try await store.deleteItem(folderID: calendarID, resourceName: "a.ics", condition: .ifMatch(current))
        #expect(try await store.item(folderID: calendarID, resourceName: "a.ics") == nil)
        #expect(try await store.modseq() == modseq + 3)
    }

    @Test(arguments: ["", ".", "..", "a/b", "tab\there", "nul\u{0}", "del\u{7F}", String(repeating: "é", count: 128)])
    func invalidNamesAreRefusedAndChangeNothing(name: String) async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        try await store.put(calendarID, "ok.ics", body: icsBody(uid: "ok"))
        let modseq = try await store.modseq()

        await #expect(throws: StoreError.invalidName(name)) { try await store.put(calendarID, name, body: [1, 2]) }
        await #expect(throws: StoreError.invalidName(name)) {
            _ = try await store.createFolder(class: .mail, name: name, displayName: "x", parentID: nil)
        }
        await #expect(throws: StoreError.invalidName(name)) {
            _ = try await store.moveItem(
                folderID: calendarID, resourceName: "ok.ics", toFolderID: calendarID, toResourceName: name,
                condition: .none)
        }
        #expect(try await store.modseq() == modseq)
        #expect(try await store.items(folderID: calendarID).map(\.resourceName) == ["ok.ics"])
        #expect(try await store.folders().count == StandardFolder.all.count)
    }

    @Test func longestValidNameIsAccepted() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let name = String(repeating: "a", count: 251) + ".ics"
        let write = try await store.put(try await store.calendarID(), name, body: icsBody(uid: "x"))
        #expect(write.item.resourceName == name)
    }
}
