import Foundation
import GRDB
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

    /// A deleted folder takes its subfolders' and its own sync states and client Adds with it, in
    /// its transaction; other folders', the hierarchy's and the moved item's own rows stay.
    @Test func aDeletedFolderLeavesNoSyncStateOrClientAdd() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let work = try await store.createFolder(class: .calendar, name: "work", displayName: "Work", parentID: nil)
        let sub = try await store.createFolder(class: .calendar, name: "sub", displayName: "Sub", parentID: work.id)
        let keep = try await store.createFolder(class: .calendar, name: "keep", displayName: "Keep", parentID: nil)
        for device in ["a", "b"] {
            for collection in ["hierarchy", String(work.id), String(sub.id), String(keep.id)] {
                _ = try await store.saveSyncState(
                    deviceID: device, collection: collection, expectedKey: nil, key: 1, state: [1], previous: nil)
            }
        }
        for (folderID, name) in [(work.id, "moved.ics"), (sub.id, "sub.ics"), (keep.id, "keep.ics")] {
            _ = try await store.putItem(
                folderID: folderID, resourceName: name, contentType: "text/calendar", body: icsBody(uid: name),
                index: ItemIndex(uid: name), condition: .none, quotaLimit: .max,
                clientAdd: try #require(ClientAdd(deviceID: "a", clientID: name, fingerprint: 1)))
        }
        // The Add sent to work now names an item in the calendar: the item's cascade cannot reach it.
        _ = try await store.moveItem(
            folderID: work.id, resourceName: "moved.ics", toFolderID: calendarID, toResourceName: "moved.ics",
            condition: .none)

        try await store.deleteFolder(id: work.id)

        let (states, adds) = try await store.database.read { db in
            (
                try String.fetchAll(db, sql: "SELECT device_id || ' ' || collection FROM sync_state ORDER BY 1"),
                try Int64.fetchAll(db, sql: "SELECT folder_id FROM client_add ORDER BY 1")
            )
        }
        #expect(states == ["a \(keep.id)", "a hierarchy", "b \(keep.id)", "b hierarchy"])
        #expect(adds == [keep.id])
        #expect(try await store.item(folderID: calendarID, resourceName: "moved.ics") != nil)
    }
}

extension SyncState {
    fileprivate func withUpdatedAt(_ date: Date) -> SyncState {
        var copy = self
        copy.updatedAt = date
        return copy
    }
}
