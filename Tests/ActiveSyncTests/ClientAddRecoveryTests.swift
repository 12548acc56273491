import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// A client Add whose sync state save was lost after its item was written (kill -9 between the
/// two writes, or status 16 when another request moved the key): the resent Add finds the item
/// through the store's `client_add` row, written with the item, and is never written twice.
struct ClientAddRecoveryTests {
    /// The saved state of a folder on the session's device.
    private func savedState(_ session: ItemSession, _ folderID: Int64) async throws -> SyncState {
        let device = session.device
        return try #require(
            try await session.fixture.withStore {
                try await $0.syncState(deviceID: device, collection: String(folderID))
            }
        )
    }

    @Test func aResentAddAfterTheStateWasLostAnswersTheSameServerId() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            _ = try await session.start(notes)
            let before = try await savedState(session, notes)
            let request = [EAS.collection("1", notes, commands: [EAS.add("c1", EAS.note("Once"))])]
            let first = try #require(try await session.sync(request).collection(notes))
            let serverID = try #require(first.clientResponses.first?.childText("ServerId"))
            #expect(first.childText("SyncKey") == "2")

            // The crash window: the item is written, the state saved after it is not.
            let device = session.device
            let after = try await savedState(session, notes)
            _ = try await session.fixture.withStore {
                try await $0.saveSyncState(
                    deviceID: device, collection: String(notes), expectedKey: after.key, key: before.key,
                    state: before.state, previous: before.previousKey.map { ($0, before.previousState ?? []) })
            }
            let again = try #require(try await session.sync(request).collection(notes))
            let answer = try #require(again.clientResponses.first)
            #expect(answer.childText("ServerId") == serverID && answer.status == "1")
            #expect(again.childText("SyncKey") == "2" && again.child("Commands") == nil)
            #expect(try await session.items(notes).count == 1)

            // The same ClientId with other content is another Add (the fingerprint differs).
            let other = [EAS.collection("2", notes, commands: [EAS.add("c1", EAS.note("Twice"))])]
            let otherAnswer = try #require(try await session.sync(other).collection(notes)?.clientResponses.first)
            #expect(otherAnswer.status == "1" && otherAnswer.childText("ServerId") != serverID)
            #expect(try await session.items(notes).count == 2)
        }
    }

    /// The state gone altogether (deleted, then SyncKey 0 again): the resent Add still finds the
    /// item, which the device then holds and is not sent back to it.
    @Test func aResentAddAfterTheStateWasDeletedFindsTheItem() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            _ = try await session.start(notes)
            let request = [EAS.collection("1", notes, commands: [EAS.add("c1", EAS.note("Once"))])]
            let first = try #require(try await session.sync(request).collection(notes))
            let serverID = try #require(first.clientResponses.first?.childText("ServerId"))

            let device = session.device
            try await session.fixture.withStore { try await $0.deleteSyncStates(deviceID: device) }
            #expect(try await session.start(notes) == "1")
            let again = try #require(try await session.sync(request).collection(notes))
            #expect(again.clientResponses.first?.childText("ServerId") == serverID)
            #expect(again.clientResponses.first?.status == "1" && again.child("Commands") == nil)
            #expect(try await session.items(notes).count == 1)
        }
    }
}
