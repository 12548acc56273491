import Foundation
import Synchronization
import Testing

@testable import Store

struct StorePoolTests {
    @Test func closesTheLeastRecentlyUsedIdleStore() async throws {
        let directory = try TemporaryDirectory()
        let pool = StorePool(directory: directory.url, maxOpen: 3, bus: ChangeBus())
        for userID: Int64 in [1, 2, 3] { _ = try await pool.withStore(userID: userID) { $0.storeID } }
        #expect(await pool.openUserIDs() == [1, 2, 3])
        _ = try await pool.withStore(userID: 1) { $0.storeID }  // 2 is now the least recently used
        _ = try await pool.withStore(userID: 4) { $0.storeID }
        #expect(await pool.openUserIDs() == [1, 3, 4])
        _ = try await pool.withStore(userID: 2) { $0.storeID }
        #expect(await pool.openUserIDs() == [1, 2, 4])
        await pool.closeAll()
        #expect(await pool.openCount() == 0)
    }

    @Test func leasedStoresAreNotClosed() async throws {
        let directory = try TemporaryDirectory()
        let pool = StorePool(directory: directory.url, maxOpen: 2, bus: ChangeBus())
        let held = try await pool.acquire(userID: 1)
        for userID: Int64 in 2...6 {
            _ = try await pool.withStore(userID: userID) { try await $0.modseq() }
            #expect(await pool.openUserIDs().contains(1))
            #expect(await pool.openCount() <= 2)
        }
        #expect(try await held.modseq() > 0)  // still open and usable
        await pool.release(userID: 1)
        await pool.closeAll()
    }

    @Test func waiterAtTheCapProceedsWhenALeaseIsReturned() async throws {
        let directory = try TemporaryDirectory()
        let pool = StorePool(directory: directory.url, maxOpen: 1, bus: ChangeBus())
        _ = try await pool.acquire(userID: 1)
        let done = Flag()
        let waiter = Task {
            try await pool.withStore(userID: 2) { store in
                done.set()
                return store.userID
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(!done.isSet)
        #expect(await pool.openUserIDs() == [1])
        await pool.release(userID: 1)
        #expect(try await waiter.value == 2)
        #expect(await pool.openUserIDs() == [2])
        await pool.closeAll()
    }

    @Test func cancelledWaiterAtTheCapThrows() async throws {
        let directory = try TemporaryDirectory()
        let pool = StorePool(directory: directory.url, maxOpen: 1, bus: ChangeBus())
        _ = try await pool.acquire(userID: 1)
        let waiter = Task { try await pool.withStore(userID: 2) { $0.userID } }
        try await Task.sleep(for: .milliseconds(100))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        #expect(await pool.openUserIDs() == [1])
        await pool.release(userID: 1)
        await pool.closeAll()
    }

    @Test func manyUsersAtOnceNeverOpenMoreThanTheCap() async throws {
        let directory = try TemporaryDirectory()
        let bus = ChangeBus()
        let pool = StorePool(directory: directory.url, maxOpen: 4, bus: bus)
        let peak = Peak()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<48 {
                group.addTask {
                    try await pool.withStore(userID: Int64(n % 12)) { store in
                        let open = await pool.openCount()
                        peak.record(open)
                        let calendarID = try await store.calendarID()
                        try await store.put(calendarID, "\(n).ics", body: icsBody(uid: "\(n)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(peak.value <= 4 && peak.value >= 1)
        #expect(await pool.openCount() <= 4)
        for userID: Int64 in 0..<12 {
            let count = try await pool.withStore(userID: userID) { try await $0.items(folderID: $0.calendarID()).count }
            #expect(count == 4)
        }
        await pool.closeAll()
    }

    @Test func concurrentLeasesOfOneUserShareOneStore() async throws {
        let directory = try TemporaryDirectory()
        let pool = StorePool(directory: directory.url, maxOpen: 8, bus: ChangeBus())
        let ids = try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<20 { group.addTask { try await pool.withStore(userID: 9) { ObjectIdentifier($0) } } }
            return try await group.reduce(into: Set<ObjectIdentifier>()) { $0.insert($1) }
        }
        #expect(ids.count == 1)
        #expect(await pool.openCount() == 1)
        await pool.closeAll()
    }

    @Test func removeStoreDeletesTheFiles() async throws {
        let directory = try TemporaryDirectory()
        let pool = StorePool(directory: directory.url, maxOpen: 8, bus: ChangeBus())
        let firstID = try await pool.withStore(userID: 5) { store in
            try await store.put(try await store.calendarID(), "a.ics", body: icsBody(uid: "a"))
            return store.storeID
        }
        let path = pool.path(userID: 5)
        #expect(FileManager.default.fileExists(atPath: path))
        try await pool.removeStore(userID: 5)
        #expect(await pool.openCount() == 0)
        for file in [path, path + "-wal", path + "-shm"] { #expect(!FileManager.default.fileExists(atPath: file)) }
        let secondID = try await pool.withStore(userID: 5) { $0.storeID }
        #expect(secondID != firstID)
        await pool.closeAll()
    }
}

/// A flag set from another task.
private final class Flag: Sendable {
    private let state = Mutex(false)
    var isSet: Bool { state.withLock { $0 } }
    func set() { state.withLock { $0 = true } }
}

/// The highest value recorded from concurrent tasks.
private final class Peak: Sendable {
    private let state = Mutex(0)
    var value: Int { state.withLock { $0 } }
    func record(_ value: Int) { state.withLock { $0 = max($0, value) } }
}
