import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// ItemOperations (MS-ASCMD 2.2.1.10): Fetch and EmptyFolderContents.
struct ItemOperationsTests {
    @Test func fetchSingleItems() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let item = try await session.put(notes, "a.ics", subject: "Alpha")
            let answer = try decode(
                try await session.post(
                    "ItemOperations",
                    EAS.itemOperations([
                        EAS.fetchItem("\(notes):\(item.id)", in: notes), EAS.fetchItem("\(notes):99999", in: notes),
                        EAS.fetchItem("\(notes):\(item.id)", in: notes, store: "DocumentLibrary"),
                    ])))
            #expect(answer.status == "1")
            let fetches = answer.child("Response")?.children(named: "Fetch") ?? []
            #expect(fetches.map { $0.status ?? "" } == ["1", "6", "9"])
            #expect(fetches.first?.childText("ServerId") == "\(notes):\(item.id)")
            #expect(fetches.first?.childText("Class") == "Notes")
            #expect(fetches.first?.child("Properties")?.children.first?.text == "Alpha")
            let malformed = try decode(try await session.post("ItemOperations", EAS.folderSync("0")))
            #expect(malformed.status == "2")
        }
    }

    @Test func emptyFolderContentsDeletesTheItemsAndSyncReportsIt() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let a = try await session.put(notes, "a.ics", subject: "Alpha")
            let b = try await session.put(notes, "b.ics", subject: "Beta")
            let child = try await session.fixture.withStore {
                try await $0.createFolder(class: .notes, name: "sub", displayName: "Sub", parentID: notes)
            }
            _ = try await session.start(notes)
            _ = try await session.sync([EAS.collection("1", notes)])
            let answer = try decode(
                try await session.post(
                    "ItemOperations", EAS.itemOperations([EAS.emptyFolderContents(notes, deleteSubFolders: true)])))
            let empty = try #require(answer.child("Response")?.child("EmptyFolderContents"))
            #expect(empty.status == "1" && empty.childText("CollectionId") == String(notes))
            #expect(try await session.items(notes).isEmpty)
            #expect(try await session.fixture.withStore { try await $0.folder(id: child.id) } == nil)
            let synced = try #require(try await session.sync([EAS.collection("2", notes)]).collection(notes))
            #expect(
                Set(synced.serverCommands.map { "\($0.kind) \($0.serverID)" }) == [
                    "Delete \(notes):\(a.id)", "Delete \(notes):\(b.id)",
                ])
            let unknown = try decode(
                try await session.post("ItemOperations", EAS.itemOperations([EAS.emptyFolderContents(99999)])))
            #expect(unknown.child("Response")?.child("EmptyFolderContents")?.status == "6")
        }
    }
}
