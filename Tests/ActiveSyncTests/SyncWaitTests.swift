import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// Sync with HeartbeatInterval or Wait (MS-ASCMD 2.2.3.79.2, 2.2.3.195): with nothing to tell,
/// the answer waits for a change in the collections; without one it is empty.
struct SyncWaitTests {
    private func heartbeat(_ collections: [WBXMLElement], seconds: Int = 60) -> WBXMLElement {
        EAS.element(
            "AirSync", "Sync",
            [
                EAS.element("AirSync", "Collections", collections),
                EAS.text("AirSync", "HeartbeatInterval", String(seconds)),
            ])
    }

    @Test func aChangeDuringTheWaitIsAnsweredAtOnce() async throws {
        try await ItemSession.with(maximumSyncWait: .seconds(20)) { session in
            let notes = try await session.folderID(.notes)
            let key = try await session.start(notes)
            let started = ContinuousClock.now
            async let answer = session.post("Sync", heartbeat([EAS.collection(key, notes)]))
            try await Task.sleep(for: .milliseconds(300))
            let item = try await session.put(notes, "late.ics", subject: "Late")
            let response = try await answer
            #expect(ContinuousClock.now - started < .seconds(15))
            let collection = try #require(try decode(response).collection(notes))
            #expect(collection.serverCommands.map(\.serverID) == ["\(notes):\(item.id)"])
        }
    }

    @Test func noChangeAnswersEmptyAndEmptyRequestsWaitToo() async throws {
        try await ItemSession.with(maximumSyncWait: .milliseconds(200)) { session in
            let notes = try await session.folderID(.notes)
            let key = try await session.start(notes)
            let quiet = try await session.post("Sync", heartbeat([EAS.collection(key, notes)]))
            #expect(quiet.status == 200 && quiet.body.isEmpty)
            // The empty request reuses the cached HeartbeatInterval.
            let empty = try await session.post("Sync", nil)
            #expect(empty.status == 200 && empty.body.isEmpty)
            // Something to tell: no wait.
            try await session.put(notes, "a.ics", subject: "Alpha")
            let busy = try decode(try await session.post("Sync", heartbeat([EAS.collection(key, notes)])))
            #expect(busy.collection(notes)?.serverCommands.count == 1)
            #expect(session.fixture.stores.bus.subscriptionCount() == 0)
        }
    }
}
