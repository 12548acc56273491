import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// MoveItems (MS-ASCMD 2.2.1.12) between folders of one class.
struct MoveItemsTests {
    private func move(_ session: ItemSession, _ serverID: String, from: Int64, to: Int64) async throws -> WBXMLElement {
        let answer = try decode(
            try await session.post("MoveItems", EAS.moveItems([(serverID: serverID, from: from, to: to)])))
        return try #require(answer.children(named: "Response").first)
    }

    @Test func movesKeepTheItemAndAreIdempotent() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let other = try await session.fixture.withStore {
                try await $0.createFolder(class: .notes, name: "more-notes", displayName: "More", parentID: nil)
            }.id
            let item = try await session.put(notes, "a.ics", subject: "Alpha")
            var keys: [Int64: String] = [:]
            for folder in [notes, other] {
                let key = try await session.start(folder)
                let answer = try await session.sync([EAS.collection(key, folder)])
                keys[folder] = try #require(answer.collection(folder)?.childText("SyncKey"))
            }
            let moved = try await move(session, "\(notes):\(item.id)", from: notes, to: other)
            #expect(moved.status == "3" && moved.childText("DstMsgId") == "\(other):\(item.id)")
            #expect(moved.childText("SrcMsgId") == "\(notes):\(item.id)")
            let stored = try #require(try await session.items(other).first)
            #expect(stored.id == item.id && stored.body == item.body && stored.resourceName == "a.ics")
            #expect(try await session.items(notes).isEmpty)
            // Repeated: the same answer, nothing moves.
            let again = try await move(session, "\(notes):\(item.id)", from: notes, to: other)
            #expect(again.status == "3" && again.childText("DstMsgId") == "\(other):\(item.id)")
            // The device moved it itself: no Delete in the source, no Add in the destination.
            let source = try #require(try await session.sync([EAS.collection(keys[notes]!, notes)]).collection(notes))
            #expect(source.child("Commands") == nil)
            let target = try #require(try await session.sync([EAS.collection(keys[other]!, other)]).collection(other))
            #expect(target.child("Commands") == nil)
            // Refusals: the same folder (4), an unknown item or source (1), an unknown destination
            // or one of another class (2).
            #expect(try await move(session, "\(other):\(item.id)", from: other, to: other).status == "4")
            #expect(try await move(session, "\(other):99999", from: other, to: notes).status == "1")
            #expect(try await move(session, "\(other):\(item.id)", from: 99999, to: notes).status == "1")
            #expect(try await move(session, "\(other):\(item.id)", from: other, to: 99999).status == "2")
            let calendar = try await session.folderID(.calendar)
            #expect(try await move(session, "\(other):\(item.id)", from: other, to: calendar).status == "2")
            #expect(try await session.items(other).count == 1)
        }
    }
}
