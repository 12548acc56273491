import Dispatch
import Foundation
import GRDB
import Testing

@testable import Store

/// Short reads run on the calling thread through the store's own read-only connection, and
/// fall back to the pool when it is busy (``QuickReader``).
struct QuickReaderTests {
    @Test func aQuickReadSeesEveryCommitBeforeIt() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendar = try await store.calendarID()
        #expect(try await store.item(folderID: calendar, resourceName: "a.ics") == nil)

        for number in 0..<3 {
            let write = try await store.put(calendar, "a.ics", body: icsBody(uid: "a", size: 100 + number), uid: "a")
            // The quick connection was opened by the first read; each read is its own transaction.
            #expect(try await store.item(folderID: calendar, resourceName: "a.ics")?.etag == write.item.etag)
            #expect(try await store.modseq() == write.item.modseq)
        }
        #expect(try store.quickReader.attempt { _ in true } == true)
    }

    @Test(.timeLimit(.minutes(1))) func aBusyConnectionSendsTheReadToThePool() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendar = try await store.calendarID()
        _ = try await store.put(calendar, "a.ics", body: icsBody(uid: "a", size: 100), uid: "a")

        // One read holds the connection on another thread until released.
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let held = Thread {
            _ = try? store.quickReader.attempt { _ in
                holding.signal()
                release.wait()
            }
        }
        held.start()
        holding.wait()

        #expect(try store.quickReader.attempt { _ in 1 } == nil)
        // The store's reads still answer, from the pool.
        #expect(try await store.item(folderID: calendar, resourceName: "a.ics") != nil)
        #expect(try await store.folders().contains { $0.id == calendar })

        release.signal()
        while (try? store.quickReader.attempt { _ in 1 }) == nil { try await Task.sleep(for: .milliseconds(1)) }
    }

    @Test func aNilResultIsAnAnswerNotABusyConnection() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let answer: Int?? = try store.quickReader.attempt { _ -> Int? in nil }
        #expect(answer == .some(nil))
    }

    @Test func theConnectionOnlyReads() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        #expect(throws: DatabaseError.self) {
            _ = try store.quickReader.attempt { db in try db.execute(sql: "UPDATE store_info SET modseq = modseq + 1") }
        }
        #expect(try await store.modseq() == store.database.read { db in try StoreInfo.fetch(db).modseq })
    }

    @Test func aClosedStoreRefusesQuickReads() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        _ = try await store.modseq()
        try store.close()
        #expect(try store.quickReader.attempt { _ in 1 } == nil)
        await #expect(throws: DatabaseError.self) { _ = try await store.modseq() }
    }
}
