import ActiveSync
import Foundation
import Store
import Testing
import WBXML

/// How items written over EAS land in the store: indexed as DAV PUT indexes them, named by
/// their UID, deleted or moved to Deleted Items as DeletesAsMoves says.
struct ItemWritesTests {
    /// A floating event is indexed in the calendar's `calendar-timezone`, as a CalDAV PUT is.
    @Test func eventsAreIndexedWithTheCalendarsFloatingTimeZone() async throws {
        try await ItemSession.with { session in
            let calendar = try await session.folderID(.calendar)
            _ = try await session.fixture.withStore { store in
                try await store.updateFolderProperties(
                    id: calendar,
                    set: [
                        FolderProperty(
                            name: "{urn:ietf:params:xml:ns:caldav}calendar-timezone",
                            value: CalendarTimeZoneTests.escapedFragment)
                    ], remove: [])
            }
            let key = try await session.start(calendar)
            let data = [
                EAS.text("Calendar", "Subject", "Standup"), EAS.text("Calendar", "StartTime", "20260105T090000"),
                EAS.text("Calendar", "EndTime", "20260105T093000"),
            ]
            let answer = try await session.sync([EAS.collection(key, calendar, commands: [EAS.add("e1", data)])])
            #expect(answer.collection(calendar)?.clientResponses.first?.status == "1")
            let event = try #require(try await session.items(calendar).first)
            // 09:00 in Berlin in January is 08:00 UTC.
            let expected = Int64(Date(timeIntervalSince1970: 1_767_600_000).timeIntervalSince1970)
            #expect(event.startAt == expected && event.endAt == expected + 1800)
            #expect(event.subject == "Standup" && event.resourceName == "\(event.uid ?? "").ics")
        }
    }

    /// 16.x clients send a ClientUid: an Add resent under another ClientId (after a lost
    /// answer and a restart) finds the item of that UID instead of making a second one. A UID
    /// that is no plain URL segment gives a UUID name.
    @Test func clientUIDsAndResourceNames() async throws {
        try await ItemSession.with { session in
            let calendar = try await session.folderID(.calendar)
            let key = try await session.start(calendar)
            let data = [EAS.text("Calendar", "Subject", "Lunch"), EAS.text("Calendar", "ClientUid", "lunch-1@phone")]
            let first = try await session.sync([EAS.collection(key, calendar, commands: [EAS.add("a", data)])])
            let serverID = first.collection(calendar)?.clientResponses.first?.childText("ServerId")
            let next = try #require(first.collection(calendar)?.childText("SyncKey"))
            let again = try await session.sync([EAS.collection(next, calendar, commands: [EAS.add("b", data)])])
            #expect(again.collection(calendar)?.clientResponses.first?.childText("ServerId") == serverID)
            let items = try await session.items(calendar)
            #expect(items.map(\.resourceName) == ["lunch-1@phone.ics"])
            let odd = [EAS.text("Calendar", "Subject", "Odd"), EAS.text("Calendar", "ClientUid", "a/b c?")]
            let last = try #require(again.collection(calendar)?.childText("SyncKey"))
            _ = try await session.sync([EAS.collection(last, calendar, commands: [EAS.add("c", odd)])])
            let oddItem = try #require(try await session.items(calendar).first { $0.uid == "a/b c?" })
            #expect(
                oddItem.resourceName.hasSuffix(".ics")
                    && UUID(uuidString: String(oddItem.resourceName.dropLast(4))) != nil)
        }
    }

    /// DeletesAsMoves (default true) moves mail to Deleted Items; 0 deletes it; calendar items
    /// are deleted either way.
    @Test func deletesAsMovesMovesMailOnly() async throws {
        try await ItemSession.with { session in
            let inbox = try await session.folderID(.inbox)
            let trash = try await session.folderID(.trash)
            let message = Array("Subject: Hi\r\n\r\nHello\r\n".utf8)
            let mails = try await session.fixture.withStore { store in
                var mails: [Item] = []
                for name in ["m1.eml", "m2.eml"] {
                    mails.append(
                        try await store.putItem(
                            folderID: inbox, resourceName: name, contentType: "message/rfc822", body: message,
                            index: ItemIndex(), condition: .none, quotaLimit: .max
                        ).item)
                }
                return mails
            }
            var key = try await session.start(inbox)
            let moved = try await session.sync([
                EAS.collection(key, inbox, commands: [EAS.delete("\(inbox):\(mails[0].id)")])
            ])
            #expect(moved.collection(inbox)?.clientResponses.isEmpty == true)
            #expect(try await session.items(trash).map(\.id) == [mails[0].id])
            key = try #require(moved.collection(inbox)?.childText("SyncKey"))
            _ = try await session.sync([
                EAS.collection(key, inbox, deletesAsMoves: false, commands: [EAS.delete("\(inbox):\(mails[1].id)")])
            ])
            #expect(try await session.items(inbox).isEmpty)
            #expect(try await session.items(trash).count == 1)

            let calendar = try await session.folderID(.calendar)
            let event = try await session.put(calendar, "e.ics", subject: "Event", itemClass: .calendar)
            let calendarKey = try await session.start(calendar)
            _ = try await session.sync([
                EAS.collection(calendarKey, calendar, commands: [EAS.delete("\(calendar):\(event.id)")])
            ])
            #expect(try await session.items(calendar).isEmpty)
            #expect(try await session.items(trash).count == 1)
        }
    }
}
