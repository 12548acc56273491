import ActiveSync
import Foundation
import Testing
import WBXML

/// GetItemEstimate (MS-ASCMD 2.2.1.9): the count the next Syncs would bring, per collection.
struct GetItemEstimateTests {
    private func estimate(_ session: ItemSession, _ key: String, _ folderID: Int64) async throws -> WBXMLElement {
        let answer = try decode(
            try await session.post("GetItemEstimate", EAS.getItemEstimate([(key: key, folderID: folderID)])))
        return try #require(answer.children(named: "Response").first)
    }

    @Test func countsWhatTheNextSyncsBring() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            for name in ["a", "b", "c"] { try await session.put(notes, "\(name).ics", subject: name) }
            // No Sync yet: not primed (3); an unknown folder: 2.
            #expect(try await estimate(session, "0", notes).status == "3")
            #expect(try await estimate(session, "1", 99999).status == "2")
            _ = try await session.start(notes)
            #expect(try await estimate(session, "0", notes).status == "3")
            let primed = try await estimate(session, "1", notes)
            #expect(primed.status == "1" && primed.child("Collection")?.childText("Estimate") == "3")
            #expect(primed.child("Collection")?.childText("CollectionId") == String(notes))
            #expect(try await estimate(session, "5", notes).status == "4")
            // Two of three sent; one more written by DAV; one deleted.
            _ = try await session.sync([EAS.collection("1", notes, windowSize: 2)])
            try await session.put(notes, "d.ics", subject: "d")
            try await session.fixture.withStore {
                try await $0.deleteItem(folderID: notes, resourceName: "a.ics", condition: .none)
            }
            let later = try await estimate(session, "2", notes)
            #expect(later.child("Collection")?.childText("Estimate") == "3")  // Delete a, Add c, Add d
            // The previous key still answers, from its own state.
            #expect(try await estimate(session, "1", notes).child("Collection")?.childText("Estimate") == "3")
            // A body that is not a GetItemEstimate.
            let malformed = try decode(try await session.post("GetItemEstimate", EAS.folderSync("0")))
            #expect(malformed.children(named: "Response").first?.status == "2")
        }
    }
}
