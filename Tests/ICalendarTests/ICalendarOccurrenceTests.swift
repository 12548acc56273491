import ICalendar
import Testing

/// Golden values computed by hand: 2025-01-01T00:00:00Z = 1735689600 (20089 days × 86400);
/// each later date adds whole days; offsets from the zone rules written beside each case.
struct ICalendarOccurrenceTests {
    static let jan1: Int64 = 1_735_689_600
    static let day: Int64 = 86_400
    static let hour: Int64 = 3_600

    func starts(_ object: ICalendarObject, _ from: Int64, _ to: Int64, _ name: String = "VEVENT") -> [Int64] {
        object.occurrences(of: name, from: from, to: to).map(\.start)
    }

    @Test func plainEvent() throws {
        let object = try parsed(
            calendar("BEGIN:VEVENT", "UID:1", "DTSTART:20250101T090000Z", "DTEND:20250101T100000Z", "END:VEVENT"))
        let start = Self.jan1 + 9 * Self.hour
        #expect(object.occurrenceBounds() == (start, start + Self.hour))
        #expect(object.overlaps(component: "VEVENT", start: start + Self.hour - 1, end: start + 2 * Self.hour))
        #expect(!object.overlaps(component: "VEVENT", start: start + Self.hour, end: start + 2 * Self.hour))
        #expect(!object.overlaps(component: "VEVENT", start: start - Self.hour, end: start))
        #expect(object.overlaps(component: "VEVENT", start: nil, end: nil))
        #expect(!object.overlaps(component: "VTODO", start: nil, end: nil))
    }

    @Test func allDayEvents() throws {
        let twoDays = try parsed(
            calendar("BEGIN:VEVENT", "UID:1", "DTSTART;VALUE=DATE:20250101", "DTEND;VALUE=DATE:20250103", "END:VEVENT"))
        // No floating zone: UTC widened by 14 h each side.
        #expect(twoDays.occurrenceBounds() == (Self.jan1 - 14 * Self.hour, Self.jan1 + 2 * Self.day + 14 * Self.hour))
        // Berlin in January is UTC+1: midnight is 23:00Z the day before.
        #expect(
            twoDays.occurrenceBounds(floatingTimeZone: "Europe/Berlin") == (
                Self.jan1 - Self.hour, Self.jan1 + 2 * Self.day - Self.hour
            ))
        #expect(!twoDays.overlaps(component: "VEVENT", start: Self.jan1 + 2 * Self.day, end: Self.jan1 + 3 * Self.day))
        let oneDay = try parsed(calendar("BEGIN:VEVENT", "UID:1", "DTSTART;VALUE=DATE:20250101", "END:VEVENT"))
        let only = try #require(oneDay.occurrences(of: "VEVENT", from: 0, to: Self.jan1 + 10 * Self.day).first)
        #expect((only.start, only.end) == (Self.jan1, Self.jan1 + Self.day))
    }

    @Test func floatingEvent() throws {
        let object = try parsed(
            calendar("BEGIN:VEVENT", "UID:1", "DTSTART:20250101T090000", "DURATION:PT30M", "END:VEVENT"))
        // New York in January is UTC-5.
        let occurrence = try #require(
            object.occurrences(of: "VEVENT", from: 0, to: .max, floatingTimeZone: "America/New_York").first)
        #expect((occurrence.start, occurrence.end) == (Self.jan1 + 14 * Self.hour, Self.jan1 + 14 * Self.hour + 1800))
        #expect(object.occurrenceBounds() == (Self.jan1 - 5 * Self.hour, Self.jan1 + 23 * Self.hour + 1800))
    }

    @Test func dailyWithCount() throws {
        let object = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART:20250101T090000Z", "DTEND:20250101T100000Z",
                "RRULE:FREQ=DAILY;COUNT=5", "END:VEVENT"))
        let nine = Self.jan1 + 9 * Self.hour
        #expect(object.occurrenceBounds() == (nine, nine + 4 * Self.day + Self.hour))
        #expect(starts(object, 0, .max) == (0..<5).map { nine + $0 * Self.day })
        #expect(
            object.occurrences(of: "VEVENT", from: 0, to: .max).map(\.recurrenceID)
                == (0..<5).map { nine + $0 * Self.day })
        #expect(
            !object.overlaps(component: "VEVENT", start: nine + 5 * Self.day - Self.hour, end: nine + 30 * Self.day))
    }

    @Test func weeklyUntilUTCAndLocal() throws {
        // 2025-01-06 is a Monday; New York is UTC-5 in January: 09:00 local = 14:00Z.
        let monday = Self.jan1 + 5 * Self.day + 14 * Self.hour
        let utcUntil = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART;TZID=America/New_York:20250106T090000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250127T140000Z", "END:VEVENT"))
        #expect(starts(utcUntil, 0, .max) == (0..<4).map { monday + $0 * 7 * Self.day })
        // iPhone style: UNTIL without Z, read on the New York wall clock (12:00 local is after 09:00);
        // read as UTC it would end before the fourth Monday's 14:00Z.
        let localUntil = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART;TZID=America/New_York:20250106T090000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20250127T120000", "END:VEVENT"))
        #expect(starts(localUntil, 0, .max) == (0..<4).map { monday + $0 * 7 * Self.day })
        #expect(localUntil.occurrenceBounds().end == monday + 21 * Self.day)
    }

    @Test func monthlySecondTuesdayAndYearly() throws {
        let monthly = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART:20250114T100000Z", "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
                "END:VEVENT"))
        // Second Tuesdays: 14 Jan, 11 Feb (day 41 of the year), 11 Mar (day 69).
        #expect(starts(monthly, 0, .max) == [13, 41, 69].map { Self.jan1 + $0 * Self.day + 10 * Self.hour })
        let yearly = try parsed(
            calendar("BEGIN:VEVENT", "UID:1", "DTSTART;VALUE=DATE:20250704", "RRULE:FREQ=YEARLY", "END:VEVENT"))
        // 2026-07-04: 2025-07-04 is day 184 (1735689600 + 184 d), plus 365 days.
        let july4th2026 = Self.jan1 + (184 + 365) * Self.day
        #expect(starts(yearly, july4th2026 - 10 * Self.day, july4th2026 + 10 * Self.day) == [july4th2026])
        #expect(yearly.occurrenceBounds().end == nil)
    }

    @Test func exdateRdateAndMovedOverride() throws {
        let nine = Self.jan1 + 9 * Self.hour
        let object = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART:20250101T090000Z", "DTEND:20250101T100000Z",
                "RRULE:FREQ=DAILY;COUNT=4", "EXDATE:20250102T090000Z", "RDATE:20250110T090000Z", "END:VEVENT",
                "BEGIN:VEVENT", "UID:1", "RECURRENCE-ID:20250103T090000Z", "DTSTART:20250105T150000Z",
                "DTEND:20250105T160000Z", "SUMMARY:moved", "END:VEVENT"))
        let all = object.occurrences(of: "VEVENT", from: 0, to: .max)
        #expect(
            all.map(\.start) == [
                nine, nine + 3 * Self.day, Self.jan1 + 4 * Self.day + 15 * Self.hour, nine + 9 * Self.day,
            ])
        #expect(all.map(\.isOverride) == [false, false, true, false])
        #expect(all[2].recurrenceID == nine + 2 * Self.day)
        #expect(all[2].component.property("SUMMARY")?.value == "moved")
        // The old day of the moved instance no longer matches; the new one does.
        #expect(!object.overlaps(component: "VEVENT", start: Self.jan1 + 2 * Self.day, end: Self.jan1 + 3 * Self.day))
        #expect(object.overlaps(component: "VEVENT", start: Self.jan1 + 4 * Self.day, end: Self.jan1 + 5 * Self.day))
        #expect(!object.overlaps(component: "VEVENT", start: Self.jan1 + Self.day, end: Self.jan1 + 2 * Self.day))
        #expect(object.occurrenceBounds() == (nine, nine + 9 * Self.day + Self.hour))
    }

    @Test func unboundedRule() throws {
        let object = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART:20250106T090000Z", "DURATION:PT1H", "RRULE:FREQ=WEEKLY", "END:VEVENT")
        )
        #expect(object.occurrenceBounds() == (Self.jan1 + 5 * Self.day + 9 * Self.hour, nil))
        // 2040-01-02T00:00Z is 5479 days after 2025-01-01 (15 years, 4 leap days); a week holds a Monday.
        let far = Self.jan1 + 5479 * Self.day
        #expect(object.overlaps(component: "VEVENT", start: far, end: far + 7 * Self.day))
        #expect(object.occurrences(of: "VEVENT", from: far, to: far + 7 * Self.day).count == 1)
        let secondly = try parsed(
            calendar("BEGIN:VEVENT", "UID:1", "DTSTART:20250101T000000Z", "RRULE:FREQ=SECONDLY", "END:VEVENT"))
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = secondly.occurrences(of: "VEVENT", from: far, to: far + 60) }
        #expect(elapsed < .seconds(5))
        #expect(secondly.occurrenceBounds() == (Self.jan1, nil))
    }

    /// A time-range evaluation starts libical's iterator near the range instead of at DTSTART;
    /// the instances must be the same as expanding from DTSTART, for every kind of rule
    /// (intervals included, which libical aligns only for DAILY and longer frequencies).
    @Test(arguments: [
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "FREQ=WEEKLY;INTERVAL=3", "FREQ=DAILY;INTERVAL=5",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=YEARLY;INTERVAL=3", "FREQ=HOURLY;INTERVAL=7",
        "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,SA", "FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=4",
        "FREQ=WEEKLY;UNTIL=20280101T000000Z", "FREQ=DAILY;COUNT=900", "FREQ=DAILY;BYHOUR=9,17;INTERVAL=3",
    ])
    func skippingMatchesFullExpansion(rule: String) throws {
        let starts = [
            "DTSTART:20240105T100000Z", "DTSTART;TZID=Europe/Berlin:20240229T090000", "DTSTART:20240331T013000",
            "DTSTART;VALUE=DATE:20230131",
        ]
        let windows = ["20260601T000000Z", "20260329T000000Z", "20261025T003000Z", "20270101T000000Z"].map(utc)
        for start in starts {
            let object = try parsed(
                calendar(
                    "BEGIN:VEVENT", "UID:1", start, "DURATION:PT3H", "RRULE:" + rule, "EXDATE:20260602T100000Z",
                    "END:VEVENT", "BEGIN:VEVENT", "UID:1", "RECURRENCE-ID:20260615T100000Z",
                    "DTSTART:20260616T100000Z", "DURATION:PT1H", "END:VEVENT"))
            for window in windows {
                let end = window + 30 * Self.day
                let skipped = object.occurrences(of: "VEVENT", from: window, to: end)
                let full = object.occurrences(of: "VEVENT", from: .min, to: end, limit: .max).filter {
                    $0.overlaps(start: window, end: end)
                }
                #expect(skipped.map(\.start) == full.map(\.start), "\(start) from \(window)")
                #expect(
                    object.overlaps(component: "VEVENT", start: window, end: end) == !full.isEmpty,
                    "\(start) from \(window)")
            }
        }
    }

    /// RFC 4791 §9.9, VTODO table.
    @Test func todoRows() throws {
        let start = Self.jan1 + 9 * Self.hour
        let withDuration = try parsed(
            calendar("BEGIN:VTODO", "UID:1", "DTSTART:20250101T090000Z", "DURATION:PT2H", "END:VTODO"))
        #expect(withDuration.overlaps(component: "VTODO", start: start + 2 * Self.hour, end: start + 3 * Self.hour))
        #expect(
            !withDuration.overlaps(component: "VTODO", start: start + 2 * Self.hour + 1, end: start + 3 * Self.hour))
        #expect(!withDuration.overlaps(component: "VTODO", start: start - Self.hour, end: start))
        let dueOnly = try parsed(calendar("BEGIN:VTODO", "UID:1", "DUE:20250101T090000Z", "END:VTODO"))
        #expect(dueOnly.overlaps(component: "VTODO", start: start - Self.hour, end: start))
        #expect(!dueOnly.overlaps(component: "VTODO", start: start, end: start + Self.hour))
        let completedOnly = try parsed(calendar("BEGIN:VTODO", "UID:1", "COMPLETED:20250101T090000Z", "END:VTODO"))
        #expect(completedOnly.overlaps(component: "VTODO", start: start, end: start))
        #expect(completedOnly.overlaps(component: "VTODO", start: start - Self.hour, end: start))
        #expect(!completedOnly.overlaps(component: "VTODO", start: start + 1, end: start + Self.hour))
        let undated = try parsed(calendar("BEGIN:VTODO", "UID:1", "SUMMARY:someday", "END:VTODO"))
        #expect(undated.overlaps(component: "VTODO", start: 0, end: 1))
        #expect(undated.occurrenceBounds() == (nil, nil))
    }

    @Test func journal() throws {
        let object = try parsed(calendar("BEGIN:VJOURNAL", "UID:1", "DTSTART;VALUE=DATE:20250101", "END:VJOURNAL"))
        #expect(
            object.overlaps(component: "VJOURNAL", start: Self.jan1 + 23 * Self.hour, end: Self.jan1 + Self.day + 1))
        #expect(!object.overlaps(component: "VJOURNAL", start: Self.jan1 + Self.day, end: Self.jan1 + 2 * Self.day))
    }

    @Test func alarmTimeRange() throws {
        let object = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART:20250101T090000Z", "RRULE:FREQ=DAILY;COUNT=3", "BEGIN:VALARM",
                "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM", "END:VEVENT"))
        // Third instance 2025-01-03 09:00Z: alarm at 08:45Z.
        let alarm = Self.jan1 + 2 * Self.day + 8 * Self.hour + 45 * 60
        #expect(object.overlaps(component: "VALARM", start: alarm, end: alarm + 1))
        #expect(!object.overlaps(component: "VALARM", start: alarm + 1, end: alarm + 10 * 60))
    }
}
