import Foundation
import Testing

@testable import Store

/// ActiveSync sync states (v0005): current and previous key per device and collection, advanced
/// only from the key the caller read.
struct StoreSyncStateTests {
    @Test func savesAdvancesAndAnswersTheCurrentAndPreviousKey() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        #expect(try await store.syncState(deviceID: "Phone1", collection: "hierarchy") == nil)

        let first = try await store.saveSyncState(
            deviceID: "Phone1", collection: "hierarchy", expectedKey: nil, key: 1, state: [1, 2], previous: nil)
        #expect(first.deviceID == "phone1")
        let second = try await store.saveSyncState(
            deviceID: "PHONE1", collection: "hierarchy", expectedKey: 1, key: 2, state: [3],
            previous: (first.key, first.state))
        let read = try #require(try await store.syncState(deviceID: "phone1", collection: "hierarchy"))
        #expect(read.key == 2 && read.state == [3] && read.previousKey == 1 && read.previousState == [1, 2])
        #expect(read.state(forKey: 1) == [1, 2] && read.state(forKey: 2) == [3] && read.state(forKey: 3) == nil)
        #expect(read == second.withUpdatedAt(read.updatedAt))

        // Another collection and another device are separate.
        #expect(try await store.syncState(deviceID: "phone1", collection: "7") == nil)
        #expect(try await store.syncState(deviceID: "phone2", collection: "hierarchy") == nil)
    }

    @Test func aStaleExpectedKeyChangesNothing() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        _ = try await store.saveSyncState(
            deviceID: "d", collection: "5", expectedKey: nil, key: 1, state: [], previous: nil)
        await #expect(throws: StoreError.self) {
            try await store.saveSyncState(
                deviceID: "d", collection: "5", expectedKey: nil, key: 9, state: [9], previous: nil)
        }
        await #expect(throws: StoreError.self) {
            try await store.saveSyncState(
                deviceID: "d", collection: "5", expectedKey: 4, key: 9, state: [9], previous: nil)
        }
        let read = try #require(try await store.syncState(deviceID: "d", collection: "5"))
        #expect(read.key == 1 && read.state == [] && read.previousKey == nil && read.previousState == nil)
    }

    @Test func deletesOneDevicesStates() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        for (device, collection) in [("a", "hierarchy"), ("a", "5"), ("a", "6"), ("b", "hierarchy")] {
            _ = try await store.saveSyncState(
                deviceID: device, collection: collection, expectedKey: nil, key: 1, state: [1], previous: nil)
        }
        try await store.deleteSyncStates(deviceID: "A", collections: ["5"])
        #expect(try await store.syncState(deviceID: "a", collection: "5") == nil)
        #expect(try await store.syncState(deviceID: "a", collection: "6") != nil)
        try await store.deleteSyncStates(deviceID: "a")
        #expect(try await store.syncState(deviceID: "a", collection: "hierarchy") == nil)
        #expect(try await store.syncState(deviceID: "b", collection: "hierarchy") != nil)
    }
}

extension SyncState {
    fileprivate func withUpdatedAt(_ date: Date) -> SyncState {
        var copy = self
        copy.updatedAt = date
        return copy
    }
}
