import Foundation
import Testing

@testable import Store

struct StoreFolderPropertyTests {
    static let color = FolderProperty(
        name: "{http://apple.com/ns/ical/}calendar-color",
        value: #"<calendar-color xmlns="http://apple.com/ns/ical/">#FF2968FF</calendar-color>"#)
    static let dead = FolderProperty(
        name: "{urn:example}note", value: #"<x:note xmlns:x="urn:example">kept <b/> as sent</x:note>"#)

    @Test func setReplaceAndRemoveInOneChangeEach() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let before = try #require(await store.folder(id: calendarID))

        let renamed = try await store.updateFolderProperties(
            id: calendarID, displayName: "Work", set: [Self.color, Self.dead], remove: [])
        #expect(renamed.displayName == "Work")
        #expect(renamed.name == before.name)
        #expect(renamed.modseq > before.modseq)
        #expect(try await store.folderProperties(id: calendarID) == [Self.color, Self.dead])

        let replacement = FolderProperty(
            name: Self.color.name, value: Self.color.value.replacingOccurrences(of: "FF29", with: "0000"))
        let after = try await store.updateFolderProperties(id: calendarID, set: [replacement], remove: [Self.dead.name])
        #expect(after.displayName == "Work")
        #expect(after.modseq > renamed.modseq)
        #expect(try await store.folderProperties(id: calendarID) == [replacement])
        #expect(try await store.allFolderProperties() == [calendarID: [replacement]])

        let changes = try await store.changes(folderID: calendarID, since: before.modseq)
        #expect(changes.changes.map(\.kind) == [.folderUpdated])
    }

    @Test func unknownFolderChangesNothing() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let modseq = try await store.modseq()
        await #expect(throws: StoreError.folderNotFound(999)) {
            try await store.updateFolderProperties(id: 999, displayName: "X", set: [Self.color], remove: [])
        }
        #expect(try await store.modseq() == modseq)
        #expect(try await store.allFolderProperties().isEmpty)
    }

    @Test func createWithPropertiesIsAllOrNothing() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let folder = try await store.createFolder(
            class: .calendar, name: "work", displayName: "Work", parentID: nil, properties: [Self.color])
        #expect(try await store.folderProperties(id: folder.id) == [Self.color])
        let modseq = try await store.modseq()
        await #expect(throws: StoreError.folderNameExists("work")) {
            try await store.createFolder(
                class: .calendar, name: "work", displayName: "Again", parentID: nil, properties: [Self.dead])
        }
        #expect(try await store.modseq() == modseq)
        #expect(try await store.allFolderProperties() == [folder.id: [Self.color]])
        // Properties go with their folder.
        try await store.deleteFolder(id: folder.id)
        #expect(try await store.allFolderProperties().isEmpty)
    }

    @Test func listingsWithoutBodiesMultigetAndUIDLookup() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        let tasksID = try #require(await store.folder(role: .tasks)).id
        let a = try await store.put(calendarID, "a.ics", body: icsBody(uid: "A"), uid: "A")
        try await store.put(calendarID, "b.ics", body: icsBody(uid: "B"), uid: "B")
        try await store.put(tasksID, "t.ics", body: icsBody(uid: "A"), uid: "A")

        let listing = try await store.itemsWithoutBodies(folderID: calendarID)
        #expect(listing.items.map(\.resourceName) == ["a.ics", "b.ics"])
        #expect(listing.items.allSatisfy { $0.body.isEmpty && $0.size > 0 })
        #expect(listing.items[0].etag == a.item.etag)
        #expect(listing.modseq == (try await store.modseq()))
        await #expect(throws: StoreError.folderNotFound(999)) { try await store.itemsWithoutBodies(folderID: 999) }

        let fetched = try await store.items(folderID: calendarID, resourceNames: ["b.ics", "missing.ics", "a.ics"])
        #expect(Set(fetched.map(\.resourceName)) == ["a.ics", "b.ics"])
        #expect(fetched.allSatisfy { !$0.body.isEmpty })

        let holders = try await store.items(uid: "A", folderIDs: [calendarID, tasksID])
        #expect(holders.map(\.resourceName) == ["a.ics", "t.ics"])
        #expect(try await store.items(uid: "A", folderIDs: [calendarID]).map(\.resourceName) == ["a.ics"])
        #expect(try await store.items(uid: "Z", folderIDs: [calendarID, tasksID]).isEmpty)
    }
}
