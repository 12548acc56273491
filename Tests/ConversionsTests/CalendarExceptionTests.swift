import ICalendar
import Testing
import WBXML

@testable import Conversions

/// Overridden instances as `Exception`s (MS-ASCAL 2.2.2.21) beyond their times and text fields:
/// their own `Attendees` (MS-ASCAL 2.2.2.4, from 14.0); overrides without a series or without
/// an instance to replace; 16.x series changes, which drop the exceptions (2.2.2.22).
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

    /// MS-ASCAL 2.2.2.4 reads a missing list as "the same as the top-level Attendees", but a
    /// phone that does not keep an exception's attendees sends none back: the override's own
    /// list stays, so nothing the phone cannot show is lost.
    @Test func anExceptionWithoutAttendeesKeepsTheOverridesOwn() throws {
        let sent = try converter.applicationData(from: meeting, context: v141)
        let changed = try editingException(sent) { $0.removeAll { $0.name == "Attendees" } }
        let merged = try events(try converter.merge(changed, into: meeting, context: v141).body)
        let stored = try events(meeting)
        #expect(merged[1].properties("ATTENDEE") == stored[1].properties("ATTENDEE"))
        #expect(merged[1].properties("ATTENDEE") != merged[0].properties("ATTENDEE"))
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

    /// Two overrides whose series this calendar never got (invited to two instances only).
    let orphans = ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:orphans",
        "RECURRENCE-ID;TZID=Europe/Berlin:20261102T090000", "DTSTAMP:20261001T120000Z",
        "DTSTART;TZID=Europe/Berlin:20261102T100000", "DTEND;TZID=Europe/Berlin:20261102T103000",
        "SUMMARY:Review (2 Nov)", "END:VEVENT", "BEGIN:VEVENT", "UID:orphans",
        "RECURRENCE-ID;TZID=Europe/Berlin:20261116T090000", "DTSTAMP:20261001T120000Z",
        "DTSTART;TZID=Europe/Berlin:20261116T090000", "DTEND;TZID=Europe/Berlin:20261116T093000",
        "SUMMARY:Review (16 Nov)", "END:VEVENT", "END:VCALENDAR")

    @Test(arguments: [ProtocolVersion.v141, .v161])
    func overridesWithoutTheirSeriesAreASingleAppointment(_ version: ProtocolVersion) throws {
        let context = ConversionContext(version: version)
        let sent = try converter.applicationData(from: orphans, context: context)
        // 2 November, 10:00 CET, is 09:00 UTC.
        #expect(sent.first { $0.name == "StartTime" }?.text == "20261102T090000Z")
        #expect(sent.first { $0.name == "Subject" }?.text == "Review (2 Nov)")
        #expect(!sent.contains { $0.name == "Recurrence" || $0.name == "Exceptions" })
        // A Change from the phone writes into that instance; the other one stays as stored.
        var changed = sent
        changed.removeAll { $0.name == "Subject" }
        changed.append(cal("Subject", "Review (moved)"))
        let after = try events(try converter.merge(changed, into: orphans, context: context).body)
        let before = try events(orphans)
        #expect(after.count == 2)
        #expect(after[0].value("SUMMARY") == "Review (moved)")
        #expect(after[0].property("RECURRENCE-ID") == before[0].property("RECURRENCE-ID"))
        #expect(after[1] == before[1])
    }

    /// Mondays at 09:00 in Berlin, one override on its Monday and one on a Tuesday that the rule
    /// never had.
    let stray = ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:stray",
        "DTSTAMP:20261001T120000Z", "DTSTART;TZID=Europe/Berlin:20261019T090000",
        "DTEND;TZID=Europe/Berlin:20261019T093000", "RRULE:FREQ=WEEKLY;COUNT=6", "SUMMARY:Standup", "END:VEVENT",
        "BEGIN:VEVENT", "UID:stray", "RECURRENCE-ID;TZID=Europe/Berlin:20261102T090000", "DTSTAMP:20261001T120000Z",
        "DTSTART;TZID=Europe/Berlin:20261102T110000", "DTEND;TZID=Europe/Berlin:20261102T113000",
        "SUMMARY:Standup", "END:VEVENT", "BEGIN:VEVENT", "UID:stray",
        "RECURRENCE-ID;TZID=Europe/Berlin:20261103T090000", "DTSTAMP:20261001T120000Z",
        "DTSTART;TZID=Europe/Berlin:20261103T090000", "DTEND;TZID=Europe/Berlin:20261103T093000",
        "SUMMARY:Standup (Tuesday)", "END:VEVENT", "END:VCALENDAR")

    @Test func anOverrideMatchingNoInstanceIsSentAndNeverDropped() throws {
        let sent = try converter.applicationData(from: stray, context: v141)
        let listed = try exceptionList(sent)
        #expect(listed.map { $0.child("ExceptionStartTime")?.text } == ["20261102T080000Z", "20261103T080000Z"])
        #expect(listed[1].child("Subject")?.text == "Standup (Tuesday)")
        // Sent back as it was: nothing changes.
        #expect(try converter.merge(sent, into: stray, context: v141).body == stray)
        // A phone that could not place the Tuesday leaves it out, and leaves the moved Monday
        // out too: the Monday goes (the list is the whole list), the Tuesday stays.
        var changed = sent
        changed.removeAll { $0.name == "Exceptions" }
        changed.append(WBXMLElement("Calendar", "Exceptions", children: []))
        let after = try events(try converter.merge(changed, into: stray, context: v141).body)
        #expect(after.map { $0.value("RECURRENCE-ID") } == [nil, "20261103T090000"])
    }

    /// MS-ASCAL 2.2.2.22: from 16.0, changing the pattern or the start or end of a series
    /// deletes any exceptions present on it: every override and every deleted instance.
    @Test func a16SeriesMoveOrNewPatternDropsEveryException() throws {
        let stored = Array(
            String(decoding: stray, as: UTF8.self).replacingOccurrences(
                of: "RRULE:FREQ=WEEKLY;COUNT=6\r\n",
                with: "RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Europe/Berlin:20261109T090000\r\n"
            ).utf8)
        // 16.x clients never send Exceptions.
        let sent = try converter.applicationData(from: stored, context: v161).filter { $0.name != "Exceptions" }
        func replacing(_ name: String, with element: WBXMLElement) -> [WBXMLElement] {
            sent.map { $0.name == name ? element : $0 }
        }
        // 19 October 09:00 CEST is 07:00 UTC; an hour later.
        let moved = replacing("StartTime", with: cal("StartTime", "20261019T080000Z")).map {
            $0.name == "EndTime" ? cal("EndTime", "20261019T083000Z") : $0
        }
        let afterMove = try events(try converter.merge(moved, into: stored, context: v161).body)
        #expect(afterMove.count == 1)
        #expect(afterMove[0].value("DTSTART") == "20261019T100000")
        #expect(afterMove[0].property("EXDATE") == nil && afterMove[0].value("RRULE") == "FREQ=WEEKLY;COUNT=6")
        // A new pattern at the same times.
        let recurrence = try #require(sent.first { $0.name == "Recurrence" })
        let longer = WBXMLElement(
            "Calendar", "Recurrence",
            children: recurrence.children.map { $0.name == "Occurrences" ? cal("Occurrences", "8") : $0 })
        let afterPattern = try events(
            try converter.merge(replacing("Recurrence", with: longer), into: stored, context: v161).body)
        #expect(afterPattern.count == 1)
        #expect(afterPattern[0].value("RRULE") == "FREQ=WEEKLY;BYDAY=MO;COUNT=8")
        #expect(afterPattern[0].property("EXDATE") == nil)
        // Any other change keeps them.
        let renamed = try converter.merge(
            replacing("Subject", with: cal("Subject", "Daily")), into: stored, context: v161)
        let afterRename = try events(renamed.body)
        #expect(afterRename.count == 3 && afterRename[0].property("EXDATE") != nil)
        // Before 16.0 the client's own list decides (MS-ASCAL 2.2.2.21), as before.
        let old = try converter.applicationData(from: stored, context: v141).map {
            $0.name == "StartTime"
                ? cal("StartTime", "20261019T080000Z") : $0.name == "EndTime" ? cal("EndTime", "20261019T083000Z") : $0
        }
        #expect(try events(try converter.merge(old, into: stored, context: v141).body).count == 3)
    }

    /// An InstanceId inside ApplicationData below 16.0 (MS-ASAIRS 2.2.2.25) is refused.
    @Test func anInstanceIdBelow16IsRefused() throws {
        let fields = [cal("Subject", "x"), WBXMLElement("AirSyncBase", "InstanceId", text: "20261109T080000Z")]
        expectInvalidField("InstanceId") {
            _ = try converter.merge(fields, into: meeting, context: v141)
        }
    }
}
