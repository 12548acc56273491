import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// FolderSync, FolderCreate, FolderUpdate, FolderDelete (MS-ASCMD 2.2.1.2–2.2.1.5).
struct FolderHierarchyTests {
    private func folderSync(_ fixture: EASFixture, _ key: String, _ policyKey: UInt32) async throws -> WBXMLElement {
        try decode(try await fixture.post("FolderSync", EAS.folderSync(key), policyKey: policyKey))
    }

    private func adds(_ response: WBXMLElement) -> [String: (name: String, type: String, parent: String)] {
        var found: [String: (String, String, String)] = [:]
        for add in response.child("Changes")?.children(named: "Add") ?? [] {
            found[add.childText("ServerId") ?? ""] = (
                add.childText("DisplayName") ?? "", add.childText("Type") ?? "", add.childText("ParentId") ?? ""
            )
        }
        return found
    }

    @Test func firstSyncListsTheStandardFoldersWithTheirTypes() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            let first = try await folderSync(fixture, "0", key)
            #expect(first.status == "1" && first.childText("SyncKey") == "1")
            #expect(first.child("Changes")?.childText("Count") == "10")
            let types = Dictionary(adds(first).values.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
            #expect(
                types == [
                    "Inbox": "2", "Drafts": "3", "Deleted Items": "4", "Sent Items": "5", "Outbox": "6",
                    "Tasks": "7", "Calendar": "8", "Contacts": "9", "Notes": "10", "Junk E-mail": "12",
                ])
            #expect(adds(first).values.allSatisfy { $0.parent == "0" })
            // Nothing changed: the same key, no write.
            let again = try await folderSync(fixture, "1", key)
            #expect(again.childText("SyncKey") == "1" && again.child("Changes")?.childText("Count") == "0")
            // SyncKey 0 again (the Gmail app on every refresh): the same ServerIds, a new key.
            let restart = try await folderSync(fixture, "0", key)
            #expect(restart.childText("SyncKey") == "2")
            #expect(Set(adds(restart).keys) == Set(adds(first).keys))
            // An unknown key: 9.
            #expect(try await folderSync(fixture, "77", key).status == "9")
            #expect(try await folderSync(fixture, "1", key).status == "9")  // older than the previous key
        }
    }

    @Test func createUpdateDeleteAdvanceTheKeyAndReachDAVCollections() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            _ = try await folderSync(fixture, "0", key)
            let created = try decode(
                try await fixture.post("FolderCreate", EAS.folderCreate("1", name: "Family", type: 13), policyKey: key))
            #expect(created.status == "1" && created.childText("SyncKey") == "2")
            let id = try #require(created.childText("ServerId"))
            let folder = try #require(try await fixture.withStore { try await $0.folder(id: Int64(id)!) })
            #expect(folder.folderClass == .calendar && folder.displayName == "Family" && folder.role == nil)
            // The device holds it already: the next FolderSync has nothing new.
            #expect(try await folderSync(fixture, "2", key).child("Changes")?.childText("Count") == "0")

            // The same name again: 2; a missing parent: 5; a default type: 10; an old key: 9.
            #expect(
                try decode(
                    try await fixture.post(
                        "FolderCreate", EAS.folderCreate("2", name: "family", type: 13), policyKey: key)
                )
                .status == "2")
            #expect(
                try decode(
                    try await fixture.post(
                        "FolderCreate", EAS.folderCreate("2", parent: "9999", name: "X", type: 12), policyKey: key)
                ).status == "5")
            #expect(
                try decode(
                    try await fixture.post("FolderCreate", EAS.folderCreate("2", name: "X", type: 8), policyKey: key)
                )
                .status == "10")
            #expect(
                try decode(
                    try await fixture.post("FolderCreate", EAS.folderCreate("1", name: "X", type: 12), policyKey: key)
                )
                .status == "9")

            // A subfolder, a rename and a move.
            let child = try decode(
                try await fixture.post(
                    "FolderCreate", EAS.folderCreate("2", parent: id, name: "Kids", type: 13), policyKey: key))
            let childID = try #require(child.childText("ServerId"))
            let renamed = try decode(
                try await fixture.post("FolderUpdate", EAS.folderUpdate("3", id: id, name: "Familie"), policyKey: key))
            #expect(renamed.status == "1" && renamed.childText("SyncKey") == "4")
            let moved = try decode(
                try await fixture.post("FolderUpdate", EAS.folderUpdate("4", id: childID, name: "Kids"), policyKey: key)
            )
            #expect(moved.status == "1")
            #expect(try await fixture.withStore { try await $0.folder(id: Int64(childID)!) }?.parentID == nil)
            let calendarID = try #require(try await fixture.withStore { try await $0.folder(role: .calendar) }?.id)
            #expect(
                try decode(
                    try await fixture.post(
                        "FolderUpdate", EAS.folderUpdate("5", id: String(calendarID), name: "Mine"), policyKey: key)
                ).status == "3")
            #expect(
                try decode(
                    try await fixture.post("FolderUpdate", EAS.folderUpdate("5", id: "9999", name: "Y"), policyKey: key)
                )
                .status == "4")

            // Delete: 1, then 4 for the same id; the default folders stay (3).
            let deleted = try decode(
                try await fixture.post("FolderDelete", EAS.folderDelete("5", id: id), policyKey: key))
            #expect(deleted.status == "1" && deleted.childText("SyncKey") == "6")
            #expect(try await fixture.withStore { try await $0.folder(id: Int64(id)!) } == nil)
            #expect(
                try decode(try await fixture.post("FolderDelete", EAS.folderDelete("6", id: id), policyKey: key)).status
                    == "4")
            #expect(
                try decode(
                    try await fixture.post(
                        "FolderDelete", EAS.folderDelete("6", id: String(calendarID)), policyKey: key)
                )
                .status == "3")
            #expect(try await folderSync(fixture, "6", key).child("Changes")?.childText("Count") == "0")
        }
    }

    /// Folders made, renamed and removed by another path (CalDAV, CardDAV) reach the device as
    /// Add, Update and Delete; a lost response is answered again from the previous key.
    @Test func changesFromElsewhereAndAResentKey() async throws {
        try await EASFixture.with { fixture in
            let key = try await fixture.provision()
            _ = try await folderSync(fixture, "0", key)
            let book = try await fixture.withStore {
                try await $0.createFolder(class: .contacts, name: "work", displayName: "Work", parentID: nil)
            }
            let first = try await folderSync(fixture, "1", key)
            #expect(first.childText("SyncKey") == "2")
            #expect(adds(first)[String(book.id)]?.type == "14")
            // The client lost that answer and sends key 1 again: the same change, a new key.
            let resent = try await folderSync(fixture, "1", key)
            #expect(resent.childText("SyncKey") == "3" && adds(resent)[String(book.id)]?.name == "Work")
            _ = try await fixture.withStore {
                try await $0.updateFolder(id: book.id, displayName: "Office", parentID: nil)
            }
            let updated = try await folderSync(fixture, "3", key)
            let update = try #require(updated.child("Changes")?.child("Update"))
            #expect(update.childText("ServerId") == String(book.id) && update.childText("DisplayName") == "Office")
            try await fixture.withStore { try await $0.deleteFolder(id: book.id) }
            let removed = try await folderSync(fixture, "4", key)
            #expect(removed.child("Changes")?.child("Delete")?.childText("ServerId") == String(book.id))
        }
    }
}
