import ICalendar
import Testing

struct ICalendarExpandTests {
    /// Weekly on Mondays 10:00 Berlin (09:00Z in winter) from 6 Jan 2025, 13 Jan moved to Tuesday
    /// 14 Jan 15:00 local, 20 Jan excluded.
    static let text = calendar(
        berlinVTIMEZONE,
        "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20250101T000000Z", "SUMMARY:Standup",
        "DTSTART;TZID=Europe/Berlin:20250106T100000", "DTEND;TZID=Europe/Berlin:20250106T110000",
        "RRULE:FREQ=WEEKLY;COUNT=10", "EXDATE;TZID=Europe/Berlin:20250120T100000", "END:VEVENT",
        "BEGIN:VEVENT", "UID:weekly", "DTSTAMP:20250101T000000Z", "SUMMARY:Standup (moved)",
        "RECURRENCE-ID;TZID=Europe/Berlin:20250113T100000", "DTSTART;TZID=Europe/Berlin:20250114T150000",
        "DTEND;TZID=Europe/Berlin:20250114T160000", "END:VEVENT")

    @Test func expandsFourWeeks() throws {
        let object = try parsed(Self.text)
        let expanded = object.expanded(from: utc("20250106T000000Z"), to: utc("20250203T000000Z"))
        #expect(expanded.root.components("VTIMEZONE").isEmpty)
        let events = expanded.root.components("VEVENT")
        #expect(
            events.map { $0.property("RECURRENCE-ID")?.value } == [
                "20250106T090000Z", "20250113T090000Z", "20250127T090000Z",
            ])
        #expect(
            events.map { $0.property("DTSTART")?.value } == [
                "20250106T090000Z", "20250114T140000Z", "20250127T090000Z",
            ])
        #expect(
            events.map { $0.property("DTEND")?.value } == ["20250106T100000Z", "20250114T150000Z", "20250127T100000Z"])
        #expect(events.map { $0.property("SUMMARY")?.value } == ["Standup", "Standup (moved)", "Standup"])
        #expect(events.allSatisfy { $0.property("RRULE") == nil && $0.property("EXDATE") == nil })
        #expect(events.allSatisfy { $0.properties.allSatisfy { $0.parameter("TZID") == nil } })
        // The generated text parses back to the same tree.
        #expect(try ICalendarObject.parse(expanded.serialized).root == expanded.root)
    }

    @Test func limitRecurrenceSetKeepsOnlyOverridesInRange() throws {
        let object = try parsed(Self.text)
        let late = object.limitedRecurrenceSet(from: utc("20250127T000000Z"), to: utc("20250203T000000Z"))
        #expect(late.root.components("VEVENT").count == 1)
        #expect(late.root.components("VEVENT").first?.property("RRULE") != nil)
        #expect(late.root.components("VTIMEZONE").count == 1)
        let early = object.limitedRecurrenceSet(from: utc("20250113T000000Z"), to: utc("20250113T120000Z"))
        #expect(early.root.components("VEVENT").count == 2)
        let moved = object.limitedRecurrenceSet(from: utc("20250114T130000Z"), to: utc("20250114T150000Z"))
        #expect(moved.root.components("VEVENT").count == 2)
    }

    @Test func freeBusy() throws {
        let object = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:a", "DTSTART:20250101T090000Z", "DTEND:20250101T100000Z", "END:VEVENT",
                "BEGIN:VEVENT", "UID:b", "DTSTART:20250101T110000Z", "DTEND:20250101T120000Z", "STATUS:TENTATIVE",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:c", "DTSTART:20250101T130000Z", "DTEND:20250101T140000Z", "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:d", "DTSTART:20250101T150000Z", "DTEND:20250101T160000Z", "STATUS:CANCELLED",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:e", "DTSTART:20250101T170000Z", "DTEND:20250101T190000Z",
                "X-MICROSOFT-CDO-BUSYSTATUS:OOF", "END:VEVENT"))
        let periods = object.busyPeriods(from: utc("20250101T000000Z"), to: utc("20250101T180000Z"))
        #expect(
            periods == [
                BusyPeriod(start: utc("20250101T090000Z"), end: utc("20250101T100000Z"), type: "BUSY"),
                BusyPeriod(start: utc("20250101T110000Z"), end: utc("20250101T120000Z"), type: "BUSY-TENTATIVE"),
                BusyPeriod(start: utc("20250101T170000Z"), end: utc("20250101T180000Z"), type: "BUSY-UNAVAILABLE"),
            ])
    }
}
