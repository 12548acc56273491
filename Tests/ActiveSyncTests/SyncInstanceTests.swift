import ActiveSync
import Conversions
import Foundation
import Store
import Testing
import WBXML

/// EAS 16.1 Sync commands on one instance of a recurring series (MS-ASCMD 2.2.3.24 Change and
/// 2.2.3.42.2 Delete with `AirSyncBase:InstanceId`), through the real calendar converter: the
/// series item is rewritten in place, never deleted.
struct SyncInstanceTests {
    /// Mondays at 09:00 in Berlin, six times from 2 November 2026 (winter time, UTC+1).
    static let series =
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:weekly-berlin",
            "DTSTAMP:20261001T120000Z", "DTSTART;TZID=Europe/Berlin:20261102T090000",
            "DTEND;TZID=Europe/Berlin:20261102T093000", "RRULE:FREQ=WEEKLY;COUNT=6", "SUMMARY:Standup", "END:VEVENT",
            "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"

    /// A session (16.1 unless `version`) with the standard converters, the series in the
    /// calendar, the folder synced.
    private func withSeries(
        version: String = "16.1", _ body: (ItemSession, Int64, Item, String) async throws -> Void
    ) async throws {
        try await ItemSession.with(converters: .standard) { base in
            var session = base
            session.version = version
            let calendar = try await session.folderID(.calendar)
            let item = try await session.fixture.withStore { store in
                try await store.putItem(
                    folderID: calendar, resourceName: "weekly-berlin.ics", contentType: ItemClass.calendar.contentType,
                    body: Array(Self.series.utf8), index: ItemIndex(uid: "weekly-berlin", subject: "Standup"),
                    condition: .none, quotaLimit: .max
                ).item
            }
            var key = try await session.start(calendar)
            let first = try #require(try await session.sync([EAS.collection(key, calendar)]).collection(calendar))
            #expect(first.serverCommands.map(\.kind) == ["Add"])
            key = try #require(first.childText("SyncKey"))
            try await body(session, calendar, item, key)
        }
    }

    @Test func deleteWithInstanceIdKeepsTheItemAndAddsAnExdate() async throws {
        try await withSeries { session, calendar, item, key in
            let serverID = "\(calendar):\(item.id)"
            // 9 November, 09:00 CET, is 08:00 UTC.
            let answer = try #require(
                try await session.sync([
                    EAS.collection(key, calendar, commands: [EAS.delete(serverID, instanceID: "20261109T080000Z")])
                ]).collection(calendar))
            #expect(answer.status == "1" && answer.clientResponses.isEmpty)
            let stored = try #require(try await session.items(calendar).first)
            #expect(stored.id == item.id && stored.resourceName == item.resourceName && stored.etag != item.etag)
            let text = String(decoding: stored.body, as: UTF8.self)
            #expect(text.contains("RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Europe/Berlin:20261109T090000\r\n"))
            #expect(
                text.replacingOccurrences(of: "EXDATE;TZID=Europe/Berlin:20261109T090000\r\n", with: "") == Self.series)
            // Not echoed to the device that made it.
            #expect(answer.child("Commands") == nil)
        }
    }

    @Test func changeWithInstanceIdCreatesTheOverride() async throws {
        try await withSeries { session, calendar, item, key in
            let serverID = "\(calendar):\(item.id)"
            let fields = [
                EAS.text("Calendar", "Subject", "Standup (moved)"),
                EAS.text("Calendar", "StartTime", "20261116T140000Z"),
                EAS.text("Calendar", "EndTime", "20261116T143000Z"),
            ]
            let answer = try #require(
                try await session.sync([
                    EAS.collection(
                        key, calendar, commands: [EAS.change(serverID, fields, instanceID: "20261116T080000Z")])
                ]).collection(calendar))
            #expect(answer.status == "1" && answer.clientResponses.isEmpty)
            let stored = try #require(try await session.items(calendar).first)
            #expect(stored.id == item.id && stored.etag != item.etag)
            let events = ICalendarObjectTestView(stored.body).events
            #expect(events.count == 2)
            #expect(events[0] == Array(Self.series.split(separator: "\r\n").dropFirst(4).dropLast(2)).map(String.init))
            #expect(events[1].contains("RECURRENCE-ID;TZID=Europe/Berlin:20261116T090000"))
            #expect(events[1].contains("DTSTART;TZID=Europe/Berlin:20261116T150000"))
            #expect(events[1].contains("SUMMARY:Standup (moved)"))
        }
    }

    @Test func anInstanceTheSeriesDoesNotHaveIsObjectNotFound() async throws {
        try await withSeries { session, calendar, item, key in
            let serverID = "\(calendar):\(item.id)"
            let answer = try #require(
                try await session.sync([
                    EAS.collection(
                        key, calendar,
                        commands: [
                            EAS.delete(serverID, instanceID: "20261110T080000Z"),
                            EAS.change(
                                serverID, [EAS.text("Calendar", "Subject", "x")], instanceID: "not a date"),
                        ])
                ]).collection(calendar))
            let responses = answer.clientResponses
            #expect(responses.map(\.name) == ["Delete", "Change"])
            #expect(responses.map(\.status) == ["8", "6"])
            #expect(responses.first?.child("InstanceId")?.text == "20261110T080000Z")
            let stored = try #require(try await session.items(calendar).first)
            #expect(stored.etag == item.etag)
        }
    }

    /// MS-ASAIRS 2.2.2.25: InstanceId is a 16.0 element. Below, a Change or Delete carrying one
    /// is a protocol error (status 4), not a command on the whole series.
    @Test(arguments: ["14.1", "12.1"])
    func anInstanceIdBelow16IsAProtocolError(_ version: String) async throws {
        try await withSeries(version: version) { session, calendar, item, key in
            let serverID = "\(calendar):\(item.id)"
            let answer = try #require(
                try await session.sync([
                    EAS.collection(
                        key, calendar,
                        commands: [
                            EAS.delete(serverID, instanceID: "20261109T080000Z"),
                            EAS.change(
                                serverID, [EAS.text("Calendar", "Subject", "x")], instanceID: "20261116T080000Z"),
                        ])
                ]).collection(calendar))
            let responses = answer.clientResponses
            #expect(responses.map(\.name) == ["Delete", "Change"])
            #expect(responses.map(\.status) == ["4", "4"])
            #expect(responses.allSatisfy { $0.child("InstanceId") == nil })
            let stored = try #require(try await session.items(calendar).first)
            #expect(stored.etag == item.etag && stored.body == Array(Self.series.utf8))
        }
    }

    /// A class without instances (the fake notes converter): the item stays, status 6.
    @Test func anInstanceIdOnANoteIsAConversionError() async throws {
        try await ItemSession.with { base in
            var session = base
            session.version = "16.1"
            let notes = try await session.folderID(.notes)
            let note = try await session.put(notes, "n.ics", subject: "Note")
            let key = try await session.start(notes)
            let answer = try #require(
                try await session.sync([
                    EAS.collection(
                        key, notes, commands: [EAS.delete("\(notes):\(note.id)", instanceID: "20261109T080000Z")])
                ]).collection(notes))
            #expect(answer.clientResponses.map(\.status) == ["6"])
            #expect(try await session.items(notes).count == 1)
        }
    }
}

/// The VEVENTs of a stored text, each as its unfolded content lines between BEGIN and END.
private struct ICalendarObjectTestView {
    let events: [[String]]

    init(_ bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
            .components(separatedBy: "\r\n")
        var events: [[String]] = []
        var current: [String]?
        for line in lines {
            if line == "BEGIN:VEVENT" {
                current = []
            } else if line == "END:VEVENT", let event = current {
                events.append(event)
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        self.events = events
    }
}
