import Foundation
import Testing

@testable import Store

struct StoreFolderTests {
    @Test func createUpdateAndMoveFolders() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let projects = try await store.createFolder(
            class: .mail, name: "projects", displayName: "Projects", parentID: nil)
        let alpha = try await store.createFolder(
            class: .mail, name: "alpha", displayName: "Alpha", parentID: projects.id)
        #expect(alpha.parentID == projects.id && alpha.role == nil && alpha.createdModseq == alpha.modseq)
        #expect(try await store.folder(parentID: projects.id, name: "alpha") == alpha)

        await #expect(throws: StoreError.folderNameExists("alpha")) {
            _ = try await store.createFolder(class: .mail, name: "alpha", displayName: "A", parentID: projects.id)
        }
        await #expect(throws: StoreError.folderNameExists("inbox")) {
            _ = try await store.createFolder(class: .mail, name: "inbox", displayName: "Inbox 2", parentID: nil)
        }
        await #expect(throws: StoreError.folderNotFound(999)) {
            _ = try await store.createFolder(class: .mail, name: "x", displayName: "X", parentID: 999)
        }
        // The same name is fine under another parent.
        _ = try await store.createFolder(class: .mail, name: "alpha", displayName: "Alpha", parentID: nil)

        let renamed = try await store.updateFolder(id: alpha.id, displayName: "Alpha (old)", parentID: nil)
        #expect(renamed.displayName == "Alpha (old)" && renamed.name == "alpha" && renamed.parentID == projects.id)
        #expect(renamed.modseq > alpha.modseq)
        await #expect(throws: StoreError.folderNameExists("alpha")) {
            _ = try await store.updateFolder(id: renamed.id, displayName: nil, parentID: .some(nil))
        }
        await #expect(throws: StoreError.folderCycle(folder: projects.id, parent: alpha.id)) {
            _ = try await store.updateFolder(id: projects.id, displayName: nil, parentID: alpha.id)
        }
        let inbox = try #require(await store.folder(role: .inbox))
        await #expect(throws: StoreError.specialFolder(.inbox)) {
            _ = try await store.updateFolder(id: inbox.id, displayName: nil, parentID: projects.id)
        }
        await #expect(throws: StoreError.specialFolder(.inbox)) { try await store.deleteFolder(id: inbox.id) }
        let retitled = try await store.updateFolder(id: inbox.id, displayName: "Posteingang", parentID: nil)
        #expect(retitled.displayName == "Posteingang" && retitled.role == .inbox)

        let moved = try await store.updateFolder(id: projects.id, displayName: nil, parentID: inbox.id)
        #expect(moved.parentID == inbox.id)
    }

    @Test func deleteCascadesWithTombstonesAndFreesQuota() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.storePath(), userID: 1, bus: nil)
        defer { try? store.close() }
        let calendarID = try await store.calendarID()
        try await store.put(calendarID, "keep.ics", body: icsBody(uid: "keep"))
        let kept = try await store.usedBytes()
        let parent = try await store.createFolder(class: .calendar, name: "p", displayName: "P", parentID: nil)
        let child = try await store.createFolder(class: .calendar, name: "c", displayName: "C", parentID: parent.id)
        let a = try await store.put(parent.id, "a.ics", body: icsBody(uid: "a")).item
        let b = try await store.put(child.id, "b.ics", body: icsBody(uid: "b")).item
        let since = try await store.modseq()

        try await store.deleteFolder(id: parent.id)

        #expect(try await store.folder(id: parent.id) == nil)
        #expect(try await store.folder(id: child.id) == nil)
        #expect(try await store.item(id: a.id) == nil)
        #expect(try await store.item(id: b.id) == nil)
        #expect(try await store.usedBytes() == kept)
        let parentChanges = try await store.changes(folderID: parent.id, since: since).changes
        #expect(parentChanges.map(\.kind) == [.deleted, .folderDeleted])
        #expect(parentChanges.first?.itemID == a.id)
        let childChanges = try await store.changes(folderID: child.id, since: since).changes
        #expect(childChanges.map(\.kind) == [.deleted, .folderDeleted])
        #expect(childChanges.first?.resourceName == "b.ics")
        #expect(try await store.modseq() == since + 4)
        await #expect(throws: StoreError.folderNotFound(parent.id)) { try await store.deleteFolder(id: parent.id) }

        // Ids are never reused.
        let next = try await store.createFolder(class: .calendar, name: "p", displayName: "P", parentID: nil)
        #expect(next.id > child.id)
    }
}
