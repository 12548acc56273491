import ActiveSync
import Conversions
import Foundation
import Store
import Testing
import WBXML

/// Sync tells the calendar converter whose mailbox it serves, so a meeting someone else organised
/// reaches the phone as received (MS-ASCAL 2.2.2 MeetingStatus 3, with the user's ResponseType)
/// and one the user organised as theirs (1).
struct SyncMeetingTests {
    private static func meeting(uid: String, organizer: String, partstat: String) -> String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:\(uid)",
            "DTSTAMP:20261101T120000Z", "DTSTART:20261125T100000Z", "DTEND:20261125T110000Z", "SUMMARY:\(uid)",
            "ORGANIZER;CN=Organiser:mailto:\(organizer)",
            "ATTENDEE;PARTSTAT=\(partstat);RSVP=TRUE:mailto:demo@example.test",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:other@example.net", "END:VEVENT", "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"
    }

    @Test func receivedAndOwnMeetingsAreToldApart() async throws {
        try await ItemSession.with(converters: .standard) { base in
            var session = base
            session.version = "16.1"
            let calendar = try await session.folderID(.calendar)
            try await session.fixture.withStore { store in
                for (uid, organizer, partstat) in [
                    ("received", "boss@example.net", "TENTATIVE"), ("own", "DEMO@example.test", "ACCEPTED"),
                ] {
                    _ = try await store.putItem(
                        folderID: calendar, resourceName: "\(uid).ics", contentType: ItemClass.calendar.contentType,
                        body: Array(Self.meeting(uid: uid, organizer: organizer, partstat: partstat).utf8),
                        index: ItemIndex(uid: uid, subject: uid), condition: .none, quotaLimit: .max)
                }
            }
            let key = try await session.start(calendar)
            let answer = try #require(try await session.sync([EAS.collection(key, calendar)]).collection(calendar))
            var fields: [String: [String: String]] = [:]
            for add in answer.child("Commands")?.children(named: "Add") ?? [] {
                let data = add.child("ApplicationData")?.children ?? []
                let values = Dictionary(data.compactMap { e in e.text.map { (e.name, $0) } }) { first, _ in first }
                fields[values["Subject"] ?? ""] = values
            }
            #expect(fields["received"]?["MeetingStatus"] == "3")
            #expect(fields["received"]?["ResponseType"] == "2")  // tentative
            #expect(fields["own"]?["MeetingStatus"] == "1")
            #expect(fields["own"]?["ResponseType"] == "1")  // organizer
        }
    }
}
