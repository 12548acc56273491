import ICalendar
import Testing
import WBXML

@testable import Conversions

/// EAS 16.x single-instance edits (MS-ASCMD 2.2.3.24 Change, 2.2.3.42.2 Delete with
/// `AirSyncBase:InstanceId`, MS-ASAIRS 2.2.2.25): the series keeps its text, only an EXDATE or
/// the instance's override is written.
struct CalendarInstanceTests {
    let converter = CalendarConverter()
    let v161 = ConversionContext(version: .v161)

    /// Mondays at 09:00 in Berlin, across the end of summer time (25 October 2026), with one
    /// instance already moved.
    let weekly = ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:weekly-berlin",
        "DTSTAMP:20261001T120000Z", "DTSTART;TZID=Europe/Berlin:20261019T090000",
        "DTEND;TZID=Europe/Berlin:20261019T093000", "RRULE:FREQ=WEEKLY;COUNT=6", "SUMMARY:Standup",
        "LOCATION:Room 1", "X-ALMANAC-KEEP:yes", "END:VEVENT", "BEGIN:VEVENT", "UID:weekly-berlin",
        "RECURRENCE-ID;TZID=Europe/Berlin:20261102T090000", "DTSTAMP:20261001T120000Z",
        "DTSTART;TZID=Europe/Berlin:20261102T100000", "DTEND;TZID=Europe/Berlin:20261102T103000",
        "SUMMARY:Standup (late)", "END:VEVENT", "END:VCALENDAR")

    let allDay = ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:allday",
        "DTSTAMP:20261001T120000Z", "DTSTART;VALUE=DATE:20261102", "DTEND;VALUE=DATE:20261103",
        "RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Gym", "END:VEVENT", "END:VCALENDAR")

    func components(_ bytes: [UInt8]) throws -> [ICalendarComponent] {
        try ICalendarObject.parse(bytes: bytes).root.components("VEVENT")
    }

    func exceptions(_ bytes: [UInt8]) throws -> [WBXMLElement] {
        let data = try converter.applicationData(from: bytes, context: v161)
        return try #require(data.first { $0.name == "Exceptions" }).children
    }

    @Test func deletingAnInstanceWritesAnExdateInTheSeriesZone() throws {
        // 9 November, 09:00 CET, is 08:00 UTC.
        let deleted = try converter.deleteInstance("20261109T080000Z", from: weekly, context: v161)
        #expect(deleted.uid == "weekly-berlin")
        let text = String(decoding: deleted.body, as: UTF8.self)
        #expect(text.contains("RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Europe/Berlin:20261109T090000\r\n"))
        // Nothing else changed: the text is the stored text with the one line added.
        let original = String(decoding: weekly, as: UTF8.self)
        #expect(text.replacingOccurrences(of: "EXDATE;TZID=Europe/Berlin:20261109T090000\r\n", with: "") == original)
        // Server to client: a deleted exception named by its InstanceId, beside the moved one.
        let listed = try exceptions(deleted.body)
        #expect(listed.count == 2)
        let gone = try #require(listed.last)
        #expect(gone.child("Deleted")?.text == "1")
        #expect(gone.child("InstanceId", namespace: "AirSyncBase")?.text == "20261109T080000Z")
        // A second EXDATE (summer time: 19 October 09:00 CEST is 07:00 UTC) goes after the first.
        let again = try converter.deleteInstance("20261019T070000Z", from: deleted.body, context: v161)
        #expect(
            try components(again.body)[0].properties("EXDATE").map(\.value) == ["20261109T090000", "20261019T090000"])
    }

    @Test func deletingAMovedInstanceRemovesItsOverride() throws {
        let deleted = try converter.deleteInstance("20261102T080000Z", from: weekly, context: v161)
        let events = try components(deleted.body)
        #expect(events.count == 1)
        #expect(events[0].value("EXDATE") == "20261102T090000")
        #expect(events[0].property("EXDATE")?.parameter("TZID")?.value == "Europe/Berlin")
    }

    @Test func deletingAnAllDayInstanceWritesADateExdate() throws {
        // 16.x all-day instance ids are local dates without Z (MS-ASCAL 2.2.2.1).
        let deleted = try converter.deleteInstance("20261109T000000", from: allDay, context: v161)
        let master = try #require(try components(deleted.body).first)
        #expect(master.value("EXDATE") == "20261109")
        #expect(master.property("EXDATE")?.parameter("VALUE")?.value == "DATE")
        let gone = try #require(try exceptions(deleted.body).first)
        #expect(gone.child("InstanceId", namespace: "AirSyncBase")?.text == "20261109T000000")
        // Local midnight of a zone east of UTC, sent in UTC, is the evening before.
        let fromBerlin = try converter.deleteInstance("20261115T230000Z", from: allDay, context: v161)
        #expect(try components(fromBerlin.body)[0].value("EXDATE") == "20261116")
    }

    @Test func changingAnInstanceWritesAnOverrideAndLeavesTheSeries() throws {
        let fields = [
            WBXMLElement("Calendar", "Subject", text: "Standup (moved)"),
            WBXMLElement("Calendar", "StartTime", text: "20261116T140000Z"),
            WBXMLElement("Calendar", "EndTime", text: "20261116T143000Z"),
        ]
        let changed = try converter.changeInstance("20261116T080000Z", fields, in: weekly, context: v161)
        let before = try components(weekly)
        let after = try components(changed.body)
        #expect(after.count == 3)
        #expect(after[0] == before[0] && after[1] == before[1])
        let instance = after[2]
        #expect(instance.value("UID") == "weekly-berlin")
        #expect(instance.value("RECURRENCE-ID") == "20261116T090000")
        #expect(instance.property("RECURRENCE-ID")?.parameter("TZID")?.value == "Europe/Berlin")
        #expect(instance.value("DTSTART") == "20261116T150000" && instance.value("DTEND") == "20261116T153000")
        #expect(instance.value("SUMMARY") == "Standup (moved)")
        // Properties the client did not send are the series'.
        #expect(instance.value("LOCATION") == "Room 1" && instance.value("X-ALMANAC-KEEP") == "yes")
        #expect(instance.property("RRULE") == nil)
        let listed = try exceptions(changed.body)
        let moved = try #require(
            listed.first { $0.child("InstanceId", namespace: "AirSyncBase")?.text == "20261116T080000Z" })
        #expect(moved.child("Subject")?.text == "Standup (moved)")
        #expect(moved.child("StartTime")?.text == "20261116T140000Z")
        // The same Change with InstanceId inside ApplicationData, through merge.
        let merged = try converter.merge(
            fields + [WBXMLElement("AirSyncBase", "InstanceId", text: "20261116T080000Z")], into: weekly,
            context: v161)
        #expect(merged.body == changed.body)
    }

    @Test func changingAMovedInstanceUpdatesItsOverride() throws {
        let changed = try converter.changeInstance(
            "20261102T080000Z", [WBXMLElement("Calendar", "Subject", text: "Standup (later)")], in: weekly,
            context: v161)
        let after = try components(changed.body)
        #expect(after.count == 2)
        #expect(after[0] == (try components(weekly))[0])
        #expect(after[1].value("SUMMARY") == "Standup (later)" && after[1].value("DTSTART") == "20261102T100000")
    }

    @Test(arguments: [
        "20261110T080000Z",  // a Tuesday: no instance
        "20261109T090000Z",  // the right day at the wrong time
        "20261207T080000Z",  // after COUNT
    ])
    func anInstanceTheSeriesDoesNotHaveIsRefused(_ id: String) throws {
        #expect(throws: ConversionError.noSuchInstance(id)) {
            try converter.deleteInstance(id, from: weekly, context: v161)
        }
        #expect(throws: ConversionError.noSuchInstance(id)) {
            try converter.changeInstance(id, [], in: weekly, context: v161)
        }
    }

    @Test func aDeletedInstanceOrASingleEventHasNoInstanceToEdit() throws {
        let deleted = try converter.deleteInstance("20261109T080000Z", from: weekly, context: v161)
        #expect(throws: ConversionError.noSuchInstance("20261109T080000Z")) {
            try converter.deleteInstance("20261109T080000Z", from: deleted.body, context: v161)
        }
        let single = ics(
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:once",
            "DTSTAMP:20261001T120000Z", "DTSTART:20261109T080000Z", "DTEND:20261109T083000Z", "END:VEVENT",
            "END:VCALENDAR")
        #expect(throws: ConversionError.noSuchInstance("20261109T080000Z")) {
            try converter.deleteInstance("20261109T080000Z", from: single, context: v161)
        }
    }

    @Test func anInstanceIdThatIsNoDateIsAnInvalidField() {
        expectInvalidField("InstanceId") {
            _ = try converter.deleteInstance("next monday", from: weekly, context: v161)
        }
        expectInvalidField("InstanceId") {
            _ = try converter.deleteInstance(String(repeating: "2", count: 100), from: weekly, context: v161)
        }
    }
}
