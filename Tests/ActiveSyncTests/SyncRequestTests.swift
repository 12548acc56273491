import ActiveSync
import Foundation
import Testing
import WBXML

/// Request-wide answers of Sync (MS-ASCMD 2.2.3.177.17): malformed requests, Wait and
/// HeartbeatInterval bounds, duplicate collections, GetChanges, and the 12.1 response form.
struct SyncRequestTests {
    @Test func requestWideStatuses() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let collections = EAS.element("AirSync", "Collections", [EAS.collection("0", notes)])
            let wait = try decode(
                try await session.post(
                    "Sync", EAS.element("AirSync", "Sync", [collections, EAS.text("AirSync", "Wait", "0")])))
            #expect(wait.status == "14" && wait.childText("Limit") == "1")
            let heartbeat = try decode(
                try await session.post(
                    "Sync",
                    EAS.element("AirSync", "Sync", [collections, EAS.text("AirSync", "HeartbeatInterval", "4000")])))
            #expect(heartbeat.status == "14" && heartbeat.childText("Limit") == "3540")
            let twice = try await session.sync([EAS.collection("0", notes), EAS.collection("0", notes)])
            #expect(twice.status == "15")
            #expect(try decode(try await session.post("Sync", EAS.folderSync("0"))).status == "4")
            let noKey = EAS.element(
                "AirSync", "Sync",
                [
                    EAS.element(
                        "AirSync", "Collections",
                        [EAS.element("AirSync", "Collection", [EAS.text("AirSync", "CollectionId", "1")])])
                ])
            #expect(try decode(try await session.post("Sync", noKey)).status == "4")
            // None of these started the collection.
            #expect(
                try await session.fixture.withStore {
                    try await $0.syncState(deviceID: "Phone1", collection: String(notes))
                } == nil)
        }
    }

    @Test func getChangesZeroSendsNothingAndKeepsTheKey() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            try await session.put(notes, "a.ics", subject: "Alpha")
            let key = try await session.start(notes)
            let without = try #require(
                try await session.sync([EAS.collection(key, notes, getChanges: false)]).collection(notes))
            #expect(without.childText("SyncKey") == key && without.child("Commands") == nil)
            let with = try #require(try await session.sync([EAS.collection(key, notes)]).collection(notes))
            #expect(with.serverCommands.map(\.subject) == ["Alpha"])
        }
    }

    /// 12.1 answers name the collection's Class (MS-ASCMD 2.2.3.27.6); 14.0 and later do not.
    @Test func version121ResponsesCarryTheClass() async throws {
        try await ItemSession.with { session in
            var old = session
            old.version = "12.1"
            let notes = try await session.folderID(.notes)
            let answer = try #require(try await old.sync([EAS.collection("0", notes)]).collection(notes))
            #expect(answer.childText("Class") == "Notes" && answer.children.first?.name == "Class")
            let tasks = try await session.folderID(.tasks)
            #expect(try await session.sync([EAS.collection("0", tasks)]).collection(tasks)?.child("Class") == nil)
        }
    }
}
