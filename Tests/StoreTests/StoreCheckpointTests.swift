import Foundation
import GRDB
import Testing

@testable import Store

/// The WAL is checkpointed in the background, never inside a write (``WALCheckpointer``).
struct StoreCheckpointTests {
    /// Bytes of a file, 0 when it does not exist.
    private func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func writerHasNoAutomaticCheckpoint() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let automatic = try await store.database.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")
        }
        #expect(automatic == 0)
    }

    @Test func walIsCopiedBackInTheBackgroundAndStaysBounded() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.storePath()
        let store = try Store(path: path, userID: 1, bus: nil)
        defer { try? store.close() }
        let calendar = try await store.calendarID()
        let fileBefore = size(path)
        let pageSize = try await store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } ?? 4096
        let thresholdBytes = Int(store.checkpointer.threshold) * pageSize

        // 64 KiB items: about 17 frames each, so 240 of them write close to four thresholds
        // of WAL. Without a checkpoint the WAL would hold all of it (autocheckpoint is off).
        let body = icsBody(uid: "x", size: 64 * 1024)
        var largestWAL = 0
        for number in 0..<240 {
            try await store.put(calendar, "\(number).ics", body: body, uid: "uid-\(number)")
            store.checkpointer.waitUntilIdle()
            largestWAL = max(largestWAL, size(path + "-wal"))
        }

        #expect(store.checkpointer.completedCount >= 3)
        // The next writer after a complete checkpoint starts the WAL again from the top.
        #expect(largestWAL < thresholdBytes + 64 * pageSize)
        // The items are in the database file itself, not only in the WAL.
        #expect(size(path) > fileBefore + 3 * thresholdBytes)
        #expect(try await store.items(folderID: calendar).count == 240)
    }

    @Test func closedStoreQueuesNoCheckpoint() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        try store.close()
        store.checkpointer.committed(frames: .max)
        store.checkpointer.waitUntilIdle()
        #expect(store.checkpointer.completedCount == 0)
    }
}
