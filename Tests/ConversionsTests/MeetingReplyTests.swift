import ICalendar
import Testing
import WBXML

@testable import Conversions

/// `AppointmentReplyTime` (MS-ASCAL 2.2.2.2): server to client only, from 14.0, and only from a
/// recorded reply time (``MeetingReply``).
struct MeetingReplyTests {
    let converter = CalendarConverter()

    func context(_ version: ProtocolVersion) -> ConversionContext {
        ConversionContext(version: version, userAddresses: ["me@example.com"])
    }

    func invitation(_ extra: String...) -> [UInt8] {
        Array(
            (([
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:invite-1",
                "DTSTAMP:20261120T080000Z", "DTSTART:20261201T100000Z", "DTEND:20261201T110000Z", "SUMMARY:Budget",
                "ORGANIZER;CN=Ana:mailto:ana@example.com",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com",
            ] + extra + ["END:VEVENT", "END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n").utf8)
    }

    func field(_ name: String, _ data: [WBXMLElement]) -> String? {
        data.first { $0.name == name }?.text
    }

    @Test func aRecordedReplyTimeIsSentFrom14() throws {
        let stored = invitation("X-MS-OLK-APPTREPLYTIME:20261121T091500Z")
        let sent = try converter.applicationData(from: stored, context: context(.v141))
        #expect(field("AppointmentReplyTime", sent) == "20261121T091500Z")
        let names = sent.map(\.name)
        // Beside the other meeting fields: after ResponseRequested, before ResponseType.
        let at = try #require(names.firstIndex(of: "AppointmentReplyTime"))
        #expect(names[at - 1] == "ResponseRequested" && names[at + 1] == "ResponseType")
        #expect(
            field("AppointmentReplyTime", try converter.applicationData(from: stored, context: context(.v121))) == nil)
    }

    @Test func nothingToBaseItOnSendsNothing() throws {
        // An answered invitation without a recorded time: DTSTAMP is not taken for one.
        #expect(
            field("AppointmentReplyTime", try converter.applicationData(from: invitation(), context: context(.v161)))
                == nil)
        // The user's own meeting has no reply.
        let own = invitation("X-MS-OLK-APPTREPLYTIME:20261121T091500Z")
        let organiser = ConversionContext(version: .v141, userAddresses: ["ana@example.com"])
        #expect(field("AppointmentReplyTime", try converter.applicationData(from: own, context: organiser)) == nil)
    }

    @Test func aClientsReplyTimeIsIgnoredAndTheStoredOneKept() throws {
        let stored = invitation("X-MS-OLK-APPTREPLYTIME:20261121T091500Z")
        var sent = try converter.applicationData(from: stored, context: context(.v141))
        sent.removeAll { $0.name == "AppointmentReplyTime" }
        sent.append(cal("AppointmentReplyTime", "20261122T000000Z"))
        #expect(try converter.merge(sent, into: stored, context: context(.v141)).body == stored)
        sent.removeAll { $0.name == "AppointmentReplyTime" }
        #expect(try converter.merge(sent, into: stored, context: context(.v141)).body == stored)
    }

    @Test func anOverrideAnsweredAtAnotherTimeSaysSoInItsException() throws {
        let text = String(
            decoding: invitation("RRULE:FREQ=DAILY;COUNT=3", "X-MS-OLK-APPTREPLYTIME:20261121T091500Z"), as: UTF8.self
        )
        .replacingOccurrences(
            of: "END:VCALENDAR",
            with: [
                "BEGIN:VEVENT", "UID:invite-1", "RECURRENCE-ID:20261202T100000Z", "DTSTAMP:20261120T080000Z",
                "DTSTART:20261202T120000Z", "DTEND:20261202T130000Z", "SUMMARY:Budget",
                "ORGANIZER;CN=Ana:mailto:ana@example.com", "ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com",
                "X-MS-OLK-APPTREPLYTIME:20261125T170000Z", "END:VEVENT", "END:VCALENDAR",
            ].joined(separator: "\r\n"))
        let sent = try converter.applicationData(from: Array(text.utf8), context: context(.v141))
        let exception = try #require(sent.first { $0.name == "Exceptions" }?.children.first)
        #expect(exception.child("AppointmentReplyTime")?.text == "20261125T170000Z")
    }
}
