import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// Sync (MS-ASCMD 2.2.1.21) through ``ActiveSyncService`` over a real store, with the fake
/// converters: what DAV writes reaches the device, what the device writes reaches the store.
struct SyncCommandTests {
    private func summary(_ collection: WBXMLElement) -> [String] {
        collection.serverCommands.map { "\($0.kind) \($0.serverID) \($0.subject ?? "-")" }
    }

    @Test func davWritesReachTheDeviceAsAddChangeDelete() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let a = try await session.put(notes, "a.ics", subject: "Alpha")
            let b = try await session.put(notes, "b.ics", subject: "Beta")
            let first = try #require(try await session.sync([EAS.collection("0", notes)]).collection(notes))
            #expect(first.status == "1" && first.childText("SyncKey") == "1" && first.child("Commands") == nil)
            let second = try #require(try await session.sync([EAS.collection("1", notes)]).collection(notes))
            #expect(second.childText("SyncKey") == "2")
            #expect(summary(second) == ["Add \(notes):\(a.id) Alpha", "Add \(notes):\(b.id) Beta"])
            // CalDAV edits one and deletes the other.
            try await session.put(notes, "a.ics", subject: "Alpha 2")
            try await session.fixture.withStore {
                try await $0.deleteItem(folderID: notes, resourceName: "b.ics", condition: .none)
            }
            let third = try #require(try await session.sync([EAS.collection("2", notes)]).collection(notes))
            #expect(summary(third) == ["Delete \(notes):\(b.id) -", "Change \(notes):\(a.id) Alpha 2"])
            #expect(third.childText("SyncKey") == "3")
            // Nothing more: the same key.
            let fourth = try #require(try await session.sync([EAS.collection("3", notes)]).collection(notes))
            #expect(fourth.childText("SyncKey") == "3" && fourth.child("Commands") == nil)
        }
    }

    @Test func addChangeDeleteFromTheDeviceReachTheStoreAndAreNotEchoed() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            _ = try await session.start(notes)
            let added = try #require(
                try await session.sync([EAS.collection("1", notes, commands: [EAS.add("c1", EAS.note("Groceries"))])])
                    .collection(notes))
            let answer = try #require(added.clientResponses.first)
            #expect(answer.name == "Add" && answer.childText("ClientId") == "c1" && answer.status == "1")
            #expect(added.child("Commands") == nil && added.childText("SyncKey") == "2")
            let item = try #require(try await session.items(notes).first)
            let uid = try #require(item.uid)
            #expect(answer.childText("ServerId") == "\(notes):\(item.id)")
            #expect(item.resourceName == "\(uid).ics" && item.contentType == "text/calendar; charset=utf-8")
            #expect(String(decoding: item.body, as: UTF8.self).contains("SUMMARY:Groceries\r\n"))

            let serverID = "\(notes):\(item.id)"
            let changed = try #require(
                try await session.sync([
                    EAS.collection("2", notes, commands: [EAS.change(serverID, EAS.note("Groceries and milk"))])
                ]).collection(notes))
            #expect(changed.clientResponses.isEmpty && changed.child("Commands") == nil)
            let after = try #require(try await session.items(notes).first)
            #expect(after.id == item.id && after.etag != item.etag && after.subject == "Groceries and milk")
            #expect(after.uid == uid && after.resourceName == item.resourceName)

            let deleted = try #require(
                try await session.sync([EAS.collection("3", notes, commands: [EAS.delete(serverID)])]).collection(notes)
            )
            #expect(deleted.clientResponses.isEmpty && deleted.child("Commands") == nil)
            #expect(try await session.items(notes).isEmpty)
            let quiet = try #require(try await session.sync([EAS.collection("4", notes)]).collection(notes))
            #expect(quiet.childText("SyncKey") == "4" && quiet.child("Commands") == nil)
        }
    }

    /// A lost response: the same request again gets the same ServerId and writes nothing; the
    /// key that never arrived is then unknown (3), and a restart brings the item once.
    @Test func aResentAddIsNotWrittenTwice() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            _ = try await session.start(notes)
            let request = [EAS.collection("1", notes, commands: [EAS.add("c1", EAS.note("Once"))])]
            let first = try #require(try await session.sync(request).collection(notes))
            let again = try #require(try await session.sync(request).collection(notes))
            let serverID = try #require(first.clientResponses.first?.childText("ServerId"))
            #expect(again.clientResponses.first?.childText("ServerId") == serverID)
            #expect(again.clientResponses.first?.status == "1")
            #expect(first.childText("SyncKey") == "2" && again.childText("SyncKey") == "3")
            #expect(try await session.items(notes).count == 1)
            #expect(try await session.sync([EAS.collection("2", notes)]).collection(notes)?.status == "3")
            #expect(try await session.sync([EAS.collection("77", notes)]).collection(notes)?.status == "3")
            let restart = try await session.start(notes)
            let full = try #require(try await session.sync([EAS.collection(restart, notes)]).collection(notes))
            #expect(summary(full) == ["Add \(serverID) Once"])
        }
    }

    /// Each item has its own status; the good ones are applied, and a stored item that does
    /// not convert is left out of the server's changes without holding up the others.
    @Test func oneBadItemAmongGoodOnes() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let good = try await session.put(notes, "good.ics", subject: "Good")
            _ = try await session.fixture.withStore { store in
                try await store.putItem(
                    folderID: notes, resourceName: "broken.ics", contentType: "text/calendar",
                    body: Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8), index: ItemIndex(), condition: .none,
                    quotaLimit: .max)
            }
            _ = try await session.start(notes)
            let commands = [
                EAS.add("c1", EAS.note("One")), EAS.add("c2", EAS.note("bad")), EAS.add("c3", EAS.note("Three")),
                EAS.change("\(notes):99999", EAS.note("x")), EAS.delete("\(notes):99999"), EAS.fetch("nonsense"),
                EAS.fetch("\(notes):\(good.id)"), EAS.add(String(repeating: "x", count: 65), EAS.note("Long")),
            ]
            let answer = try #require(
                try await session.sync([EAS.collection("1", notes, commands: commands)]).collection(notes))
            #expect(answer.status == "1")
            #expect(
                answer.clientResponses.map { "\($0.name) \($0.status ?? "")" } == [
                    "Add 1", "Add 6", "Add 1", "Change 8", "Delete 8", "Fetch 8", "Fetch 1", "Add 4",
                ])
            #expect(answer.clientResponses[1].childText("ServerId") == nil)
            #expect(answer.clientResponses[6].child("ApplicationData")?.children.first?.text == "Good")
            #expect(
                try await session.items(notes).map(\.subject).compactMap { $0 }.sorted() == ["Good", "One", "Three"])
            #expect(summary(answer) == ["Add \(notes):\(good.id) Good"])
            #expect(answer.child("MoreAvailable") == nil)
        }
    }

    @Test func quotaExceededAnswersNineAndWritesNothing() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let kept = try await session.put(notes, "kept.ics", subject: "Kept")
            let key = try await session.start(notes)
            _ = try await session.sync([EAS.collection(key, notes)])
            var full = session.fixture.user
            full.quotaBytes = kept.size + 10
            let answer = try #require(
                try await session.sync(
                    [
                        EAS.collection(
                            "2", notes,
                            commands: [
                                EAS.add("c1", EAS.note("New")),
                                EAS.change("\(notes):\(kept.id)", EAS.note(String(repeating: "long ", count: 20))),
                            ])
                    ], user: full
                ).collection(notes))
            #expect(answer.clientResponses.map { "\($0.name) \($0.status ?? "")" } == ["Add 9", "Change 9"])
            #expect(try await session.items(notes) == [kept])
        }
    }

    @Test func unknownFoldersAndFoldersWithoutAConverter() async throws {
        try await ItemSession.with { session in
            #expect(try await session.sync([EAS.collection("0", 99999)]).collection(99999)?.status == "12")
            #expect(try await session.sync([EAS.collection("4", 99999)]).collection(99999)?.status == "12")
            // Mail has no converter: the folder syncs, with nothing in it; an Add is refused (6).
            let inbox = try await session.folderID(.inbox)
            let key = try await session.start(inbox)
            let answer = try #require(
                try await session.sync([EAS.collection(key, inbox, commands: [EAS.add("m1", EAS.note("Mail"))])])
                    .collection(inbox))
            #expect(answer.status == "1" && answer.clientResponses.first?.status == "6")
            // Commands with SyncKey 0 are a protocol error.
            let notes = try await session.folderID(.notes)
            let zero = try await session.sync([EAS.collection("0", notes, commands: [EAS.add("n", EAS.note("N"))])])
            #expect(zero.collection(notes)?.status == "4")
            #expect(try await session.items(notes).isEmpty)
        }
    }

    /// Conflict 1 (the default): a Change of an item the server changed since the client's key is
    /// refused (7) and the server's version is sent; Conflict 0 lets the client win.
    @Test func conflictsFollowTheConflictOption() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let item = try await session.put(notes, "a.ics", subject: "Original")
            _ = try await session.start(notes)
            _ = try await session.sync([EAS.collection("1", notes)])
            try await session.put(notes, "a.ics", subject: "Server")
            let serverID = "\(notes):\(item.id)"
            let refused = try #require(
                try await session.sync([
                    EAS.collection("2", notes, commands: [EAS.change(serverID, EAS.note("Client"))])
                ])
                .collection(notes))
            #expect(refused.clientResponses.map { "\($0.name) \($0.status ?? "")" } == ["Change 7"])
            #expect(summary(refused) == ["Change \(serverID) Server"])
            #expect(try await session.items(notes).first?.subject == "Server")
            try await session.put(notes, "a.ics", subject: "Server again")
            let key = try #require(refused.childText("SyncKey"))
            let accepted = try #require(
                try await session.sync([
                    EAS.collection(
                        key, notes, options: [EAS.text("AirSync", "Conflict", "0")],
                        commands: [EAS.change(serverID, EAS.note("Client"))])
                ]).collection(notes))
            #expect(accepted.clientResponses.isEmpty && accepted.child("Commands") == nil)
            #expect(try await session.items(notes).first?.subject == "Client")
        }
    }

    /// A Delete of an item the server changed since the client's key is refused (7) under
    /// server wins and the server's version is sent; Conflict 0 lets the Delete through.
    @Test func deleteOfAServerChangedItemFollowsTheConflictOption() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let item = try await session.put(notes, "a.ics", subject: "Original")
            _ = try await session.start(notes)
            _ = try await session.sync([EAS.collection("1", notes)])
            try await session.put(notes, "a.ics", subject: "Server")
            let serverID = "\(notes):\(item.id)"
            let refused = try #require(
                try await session.sync([EAS.collection("2", notes, commands: [EAS.delete(serverID)])]).collection(notes)
            )
            #expect(refused.clientResponses.map { "\($0.name) \($0.status ?? "")" } == ["Delete 7"])
            #expect(summary(refused) == ["Change \(serverID) Server"])
            #expect(try await session.items(notes).map(\.subject) == ["Server"])
            try await session.put(notes, "a.ics", subject: "Server again")
            let key = try #require(refused.childText("SyncKey"))
            let accepted = try #require(
                try await session.sync([
                    EAS.collection(
                        key, notes, options: [EAS.text("AirSync", "Conflict", "0")], commands: [EAS.delete(serverID)])
                ]).collection(notes))
            #expect(accepted.clientResponses.isEmpty && accepted.child("Commands") == nil)
            #expect(try await session.items(notes).isEmpty)
        }
    }
}
