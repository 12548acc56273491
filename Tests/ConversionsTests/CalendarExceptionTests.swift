import ICalendar
import Testing
import WBXML

@testable import Conversions

/// Overridden instances as `Exception`s (MS-ASCAL 2.2.2.21) beyond their times and text fields:
/// their own `Attendees` (MS-ASCAL 2.2.2.4, from 14.0).
struct CalendarExceptionTests {
    let converter = CalendarConverter()
    let v121 = ConversionContext(version: .v121)
    let v141 = ConversionContext(version: .v141)
    let v161 = ConversionContext(version: .v161)

    /// Mondays at 09:00 in Berlin; the 2 November meeting has Bo replaced by Cy, and Ana's
    /// attendee line there carries a parameter of its own.
    let meeting = ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:weekly-meeting",
        "DTSTAMP:20261001T120000Z", "DTSTART;TZID=Europe/Berlin:20261019T090000",
        "DTEND;TZID=Europe/Berlin:20261019T093000", "RRULE:FREQ=WEEKLY;COUNT=6", "SUMMARY:Review",
        "ORGANIZER;CN=Ana:mailto:ana@example.com",
        "ATTENDEE;CN=Ana;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:ana@example.com",
        "ATTENDEE;CN=Bo;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bo@example.com", "END:VEVENT", "BEGIN:VEVENT",
        "UID:weekly-meeting", "RECURRENCE-ID;TZID=Europe/Berlin:20261102T090000", "DTSTAMP:20261001T120000Z",
        "DTSTART;TZID=Europe/Berlin:20261102T090000", "DTEND;TZID=Europe/Berlin:20261102T093000",
        "SUMMARY:Review", "ORGANIZER;CN=Ana:mailto:ana@example.com",
        "ATTENDEE;CN=Ana;PARTSTAT=ACCEPTED;ROLE=CHAIR;X-NUM-GUESTS=1:mailto:ana@example.com",
        "ATTENDEE;CN=Cy;PARTSTAT=TENTATIVE:mailto:cy@example.com", "END:VEVENT", "END:VCALENDAR")

    func events(_ bytes: [UInt8]) throws -> [ICalendarComponent] {
        try ICalendarObject.parse(bytes: bytes).root.components("VEVENT")
    }

    func exceptionList(_ data: [WBXMLElement]) throws -> [WBXMLElement] {
        try #require(data.first { $0.name == "Exceptions" }).children
    }

    /// The ApplicationData with the one exception's children changed by `edit`.
    func editingException(_ data: [WBXMLElement], _ edit: (inout [WBXMLElement]) -> Void) throws -> [WBXMLElement] {
        var data = data
        let index = try #require(data.firstIndex { $0.name == "Exceptions" })
        var exceptions = data[index].children
        var children = exceptions[0].children
        edit(&children)
        exceptions[0] = WBXMLElement("Calendar", "Exception", children: children)
        data[index] = WBXMLElement("Calendar", "Exceptions", children: exceptions)
        return data
    }

    func attendee(_ email: String, _ name: String, type: Int = 1) -> WBXMLElement {
        WBXMLElement(
            "Calendar", "Attendee",
            children: [cal("Email", email), cal("Name", name), cal("AttendeeType", String(type))])
    }

    @Test func anOverrideWithOtherAttendeesSendsThemFrom14() throws {
        let exception = try #require(
            try exceptionList(try converter.applicationData(from: meeting, context: v141)).first)
        let attendees = try #require(exception.child("Attendees"))
        #expect(attendees.children.map { $0.child("Email")?.text } == ["ana@example.com", "cy@example.com"])
        #expect(attendees.children.map { $0.child("AttendeeStatus")?.text } == ["3", "2"])
        // 12.1 has no Attendees in Exception (MS-ASCAL 2.2.2.4).
        let old = try #require(try exceptionList(try converter.applicationData(from: meeting, context: v121)).first)
        #expect(old.child("Attendees") == nil)
    }

    @Test func anOverrideWithTheSeriesAttendeesSendsNone() throws {
        // Same people and answers; only a parameter EAS does not carry differs.
        let same = String(decoding: meeting, as: UTF8.self).replacingOccurrences(
            of: "ATTENDEE;CN=Cy;PARTSTAT=TENTATIVE:mailto:cy@example.com",
            with: "ATTENDEE;CN=Bo;PARTSTAT=NEEDS-ACTION;X-X=1:mailto:bo@example.com")
        let exception = try #require(
            try exceptionList(try converter.applicationData(from: Array(same.utf8), context: v141)).first)
        #expect(exception.child("Attendees") == nil)
        // An override without attendees of a series with some says so with an empty list.
        let none = String(decoding: meeting, as: UTF8.self).replacingOccurrences(
            of: "ATTENDEE;CN=Ana;PARTSTAT=ACCEPTED;ROLE=CHAIR;X-NUM-GUESTS=1:mailto:ana@example.com\r\n"
                + "ATTENDEE;CN=Cy;PARTSTAT=TENTATIVE:mailto:cy@example.com\r\n", with: "")
        let empty = try #require(
            try exceptionList(try converter.applicationData(from: Array(none.utf8), context: v141)).first)
        #expect(empty.child("Attendees").map { $0.children.isEmpty } == true)
    }

    @Test func incomingExceptionAttendeesAreWrittenOntoTheOverride() throws {
        let sent = try converter.applicationData(from: meeting, context: v141)
        let changed = try editingException(sent) { children in
            children.removeAll { $0.name == "Attendees" }
            children.append(
                WBXMLElement(
                    "Calendar", "Attendees",
                    children: [attendee("ana@example.com", "Ana"), attendee("dee@example.com", "Dee", type: 2)]))
        }
        let merged = try events(try converter.merge(changed, into: meeting, context: v141).body)
        #expect(merged.count == 2)
        #expect(merged[0] == (try events(meeting))[0])
        // Ana stays with her own parameters; Dee is new and asked to answer.
        #expect(
            merged[1].properties("ATTENDEE") == [
                ICalendarProperty(
                    name: "ATTENDEE", value: "mailto:ana@example.com",
                    parameters: [
                        ICalendarParameter(name: "CN", values: ["Ana"]),
                        ICalendarParameter(name: "PARTSTAT", values: ["ACCEPTED"]),
                        ICalendarParameter(name: "ROLE", values: ["CHAIR"]),
                        ICalendarParameter(name: "X-NUM-GUESTS", values: ["1"]),
                    ]),
                ICalendarProperty(
                    name: "ATTENDEE", value: "mailto:dee@example.com",
                    parameters: [
                        ICalendarParameter(name: "RSVP", values: ["TRUE"]),
                        ICalendarParameter(name: "CN", values: ["Dee"]),
                        ICalendarParameter(name: "PARTSTAT", values: ["NEEDS-ACTION"]),
                        ICalendarParameter(name: "ROLE", values: ["OPT-PARTICIPANT"]),
                    ]),
            ])
        // What the server sent, sent back, changes nothing.
        #expect(try converter.merge(sent, into: meeting, context: v141).body == meeting)
    }

    @Test func anExceptionWithoutAttendeesTakesTheSeriesAttendees() throws {
        let sent = try converter.applicationData(from: meeting, context: v141)
        let changed = try editingException(sent) { $0.removeAll { $0.name == "Attendees" } }
        let merged = try events(try converter.merge(changed, into: meeting, context: v141).body)
        #expect(merged[1].properties("ATTENDEE") == merged[0].properties("ATTENDEE"))
        // Before 14.0 the client cannot say an exception's attendees: the override's stay.
        let old = try converter.applicationData(from: meeting, context: v121)
        #expect(try converter.merge(old, into: meeting, context: v121).body == meeting)
    }

    @Test func a16ChangeOfOneInstanceWritesItsAttendees() throws {
        let changed = try converter.changeInstance(
            "20261109T080000Z",
            [WBXMLElement("Calendar", "Attendees", children: [attendee("bo@example.com", "Bo")])], in: meeting,
            context: v161)
        let after = try events(changed.body)
        #expect(after.count == 3)
        let instance = try #require(after.first { $0.value("RECURRENCE-ID") == "20261109T090000" })
        // Bo was the series' attendee: his line stays as the series wrote it.
        #expect(instance.properties("ATTENDEE").map(\.value) == ["mailto:bo@example.com"])
        #expect(instance.property("ATTENDEE")?.parameter("RSVP")?.value == "TRUE")
    }
}
