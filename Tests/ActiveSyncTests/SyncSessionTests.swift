import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// Sync across requests: the empty and partial requests that reuse the last full one, windows
/// with MoreAvailable, FilterType windows, and FolderSync 0 leaving item states alone.
struct SyncSessionTests {
    @Test func emptyAndPartialSyncsReuseTheLastFullRequest() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            let tasks = try await session.folderID(.tasks)
            for name in ["a", "b", "c"] { try await session.put(notes, "\(name).ics", subject: name.uppercased()) }
            _ = try await session.start(notes)
            let full = try #require(
                try await session.sync([EAS.collection("1", notes, windowSize: 1)]).collection(notes))
            #expect(full.serverCommands.count == 1 && full.child("MoreAvailable") != nil)
            // No body: the same collection at its current key, with the same WindowSize.
            let second = try #require(try decode(try await session.post("Sync", nil)).collection(notes))
            #expect(second.childText("SyncKey") == "3" && second.serverCommands.count == 1)
            #expect(second.child("MoreAvailable") != nil)
            let third = try #require(try decode(try await session.post("Sync", nil)).collection(notes))
            #expect(third.serverCommands.count == 1 && third.child("MoreAvailable") == nil)
            #expect(
                Set((full.serverCommands + second.serverCommands + third.serverCommands).map(\.subject)) == [
                    "A", "B", "C",
                ])
            // Partial: the tasks collection joins the cached notes one.
            try await session.put(tasks, "t.ics", subject: "Task", itemClass: .tasks)
            let partial = try decode(
                try await session.post("Sync", EAS.sync([EAS.collection("0", tasks)], partial: true)))
            #expect(partial.collection(tasks)?.childText("SyncKey") == "1")
            #expect(partial.collection(notes)?.status == "1")
            let both = try decode(try await session.post("Sync", nil))
            #expect(both.collection(tasks)?.serverCommands.map(\.subject) == ["Task"])
            #expect(both.collection(notes)?.status == "1")
            // A device that never sent a full Sync: 13.
            let other = ItemSession(
                fixture: session.fixture, policyKey: try await session.fixture.provision(device: "Phone2"),
                device: "Phone2")
            #expect(try decode(try await other.post("Sync", nil)).status == "13")
            #expect(try decode(try await other.post("Sync", EAS.sync([], partial: true))).status == "13")
        }
    }

    /// FilterType windows of a calendar: items leaving a narrower window go as SoftDelete,
    /// and come back as Add when it widens; open-ended items are always in.
    @Test func filterTypeWindowsSendSoftDeletes() async throws {
        try await ItemSession.with { session in
            let calendar = try await session.folderID(.calendar)
            let now = Date()
            let day: TimeInterval = 86_400
            let old = try await session.put(
                calendar, "old.ics", subject: "Old", itemClass: .calendar, start: now - 20 * day,
                end: now - 20 * day + 3600)
            let recent = try await session.put(
                calendar, "recent.ics", subject: "Recent", itemClass: .calendar, start: now - 2 * day,
                end: now - 2 * day + 3600)
            let open = try await session.put(calendar, "open.ics", subject: "Open", itemClass: .calendar)
            _ = try await session.start(calendar)
            let all = try #require(
                try await session.sync([EAS.collection("1", calendar, options: [EAS.filterType(0)])]).collection(
                    calendar))
            #expect(Set(all.serverCommands.map(\.serverID)) == Set([old, recent, open].map { "\(calendar):\($0.id)" }))
            let week = try #require(
                try await session.sync([EAS.collection("2", calendar, options: [EAS.filterType(3)])]).collection(
                    calendar))
            #expect(week.serverCommands.map { "\($0.kind) \($0.serverID)" } == ["SoftDelete \(calendar):\(old.id)"])
            // The window stays in force without Options.
            let quiet = try #require(try await session.sync([EAS.collection("3", calendar)]).collection(calendar))
            #expect(quiet.child("Commands") == nil)
            let wide = try #require(
                try await session.sync([EAS.collection("3", calendar, options: [EAS.filterType(0)])]).collection(
                    calendar))
            #expect(wide.serverCommands.map { "\($0.kind) \($0.serverID)" } == ["Add \(calendar):\(old.id)"])
            // An out-of-range FilterType is a protocol error.
            let bad = try await session.sync([EAS.collection("4", calendar, options: [EAS.filterType(9)])])
            #expect(bad.collection(calendar)?.status == "4")
        }
    }

    /// The Gmail app sends FolderSync 0 on every refresh: the item states stay, so nothing is
    /// downloaded twice.
    @Test func folderSyncZeroKeepsItemSyncStates() async throws {
        try await ItemSession.with { session in
            let notes = try await session.folderID(.notes)
            try await session.put(notes, "a.ics", subject: "Alpha")
            _ = try await session.start(notes)
            let first = try #require(try await session.sync([EAS.collection("1", notes)]).collection(notes))
            #expect(first.serverCommands.count == 1)
            for _ in 0..<2 {
                let folders = try decode(try await session.post("FolderSync", EAS.folderSync("0")))
                #expect(folders.status == "1")
            }
            let after = try #require(try await session.sync([EAS.collection("2", notes)]).collection(notes))
            #expect(after.status == "1" && after.childText("SyncKey") == "2" && after.child("Commands") == nil)
            let state = try await session.fixture.withStore {
                try await $0.syncState(deviceID: "Phone1", collection: String(notes))
            }
            #expect(state?.key == 2)
        }
    }
}
