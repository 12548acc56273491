import Foundation
import Testing

@testable import Store

struct StoreQuotaTests {
    @Test func refusedWriteLeavesNothingHalfWritten() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let limit: Int64 = 3_000
        let first = try await store.putItem(
            folderID: calendarID, resourceName: "a.ics", contentType: "text/calendar",
            body: icsBody(uid: "a", size: 2_000),
            index: ItemIndex(), condition: .none, quotaLimit: limit)
        let before = try await store.info()
        let rows = try await store.changeRows()
        #expect(before.usedBytes == first.item.size)

        let big = icsBody(uid: "b", size: 1_500)
        await #expect(throws: StoreError.quotaExceeded(used: before.usedBytes, limit: limit, needed: Int64(big.count)))
        {
            _ = try await store.putItem(
                folderID: calendarID, resourceName: "b.ics", contentType: "text/calendar", body: big,
                index: ItemIndex(), condition: .none, quotaLimit: limit)
        }
        // Growing the existing item past the limit is refused too, and keeps the old content.
        await #expect(throws: StoreError.self) {
            _ = try await store.putItem(
                folderID: calendarID, resourceName: "a.ics", contentType: "text/calendar",
                body: icsBody(uid: "a", size: 3_500), index: ItemIndex(), condition: .none, quotaLimit: limit)
        }
        #expect(try await store.item(folderID: calendarID, resourceName: "b.ics") == nil)
        #expect(try await store.item(folderID: calendarID, resourceName: "a.ics") == first.item)
        #expect(try await store.info() == before)
        #expect(try await store.changeRows() == rows)

        // Exactly at the limit passes.
        let exact = icsBody(uid: "c", size: Int(limit - before.usedBytes))
        #expect(exact.count == Int(limit - before.usedBytes))
        _ = try await store.putItem(
            folderID: calendarID, resourceName: "c.ics", contentType: "text/calendar", body: exact,
            index: ItemIndex(), condition: .none, quotaLimit: limit)
        #expect(try await store.usedBytes() == limit)
    }

    @Test func deleteAndReplaceFreeQuota() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let a = try await store.put(calendarID, "a.ics", body: icsBody(uid: "a", size: 1_000)).item
        let b = try await store.put(calendarID, "b.ics", body: icsBody(uid: "b", size: 700)).item
        #expect(try await store.usedBytes() == a.size + b.size)

        let smaller = try await store.put(calendarID, "a.ics", body: icsBody(uid: "a", size: 300)).item
        #expect(try await store.usedBytes() == smaller.size + b.size)

        try await store.deleteItem(folderID: calendarID, resourceName: "b.ics", condition: .none)
        #expect(try await store.usedBytes() == smaller.size)

        // A write that does not grow usage passes even when the limit was lowered below it.
        let shrunk = try await store.putItem(
            folderID: calendarID, resourceName: "a.ics", contentType: "text/calendar",
            body: icsBody(uid: "a", size: 200),
            index: ItemIndex(), condition: .none, quotaLimit: 10)
        #expect(try await store.usedBytes() == shrunk.item.size)
        try await store.deleteItem(folderID: calendarID, resourceName: "a.ics", condition: .none)
        #expect(try await store.usedBytes() == 0)
    }
}
