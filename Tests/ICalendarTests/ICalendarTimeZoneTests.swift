import ICalendar
import Testing

struct ICalendarTimeZoneTests {
    static let jan1: Int64 = 1_735_689_600
    static let day: Int64 = 86_400
    static let hour: Int64 = 3_600

    func firstStart(_ lines: String...) throws -> Int64? {
        let text = calendar(["BEGIN:VEVENT", "UID:tz"] + lines + ["END:VEVENT"])
        return try parsed(text).occurrences(of: "VEVENT", from: 0, to: .max).first?.start
    }

    @Test func newYorkAcrossDST() throws {
        // 2025-03-03 and 2025-03-10 are Mondays (day 61 and 68); DST begins Sunday 9 March:
        // 09:00 EST = 14:00Z, then 09:00 EDT = 13:00Z.
        let object = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:1", "DTSTART;TZID=America/New_York:20250303T090000", "RRULE:FREQ=WEEKLY;COUNT=2",
                "END:VEVENT"))
        let starts = object.occurrences(of: "VEVENT", from: 0, to: .max).map(\.start)
        #expect(starts == [Self.jan1 + 61 * Self.day + 14 * Self.hour, Self.jan1 + 68 * Self.day + 13 * Self.hour])
        let expanded = object.expanded(from: 0, to: .max).root.components("VEVENT")
        #expect(expanded.compactMap { $0.property("DTSTART")?.value } == ["20250303T140000Z", "20250310T130000Z"])
    }

    @Test func zonesOfTheWorld() throws {
        // 2025-07-01 is day 181: Berlin +2 (CEST).
        #expect(
            try firstStart("DTSTART;TZID=Europe/Berlin:20250701T100000") == Self.jan1 + 181 * Self.day + 8 * Self.hour)
        // Sydney: +11 in January (AEDT), +10 in July (AEST).
        #expect(
            try firstStart("DTSTART;TZID=Australia/Sydney:20250115T100000") == Self.jan1 + 13 * Self.day + 23
                * Self.hour)
        #expect(try firstStart("DTSTART;TZID=Australia/Sydney:20250715T100000") == Self.jan1 + 195 * Self.day)
        // Kolkata +05:30.
        #expect(
            try firstStart("DTSTART;TZID=Asia/Kolkata:20250115T100000") == Self.jan1 + 14 * Self.day + 4 * Self.hour
                + 1800)
        // Chatham +12:45 in July (standard time): 2025-07-14 21:15Z.
        #expect(
            try firstStart("DTSTART;TZID=Pacific/Chatham:20250715T100000") == Self.jan1 + 194 * Self.day + 21
                * Self.hour + 900)
    }

    @Test func windowsAndOutlookNamesWithoutVTIMEZONE() throws {
        let expected = Self.jan1 + 181 * Self.day + 8 * Self.hour
        #expect(try firstStart("DTSTART;TZID=W. Europe Standard Time:20250701T100000") == expected)
        #expect(
            try firstStart(
                "DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\":20250701T100000")
                == expected)
        #expect(try firstStart("DTSTART;TZID=/mozilla.org/20070129_1/Europe/Berlin:20250701T100000") == expected)
        // Unknown TZID: floating, read as UTC.
        #expect(
            try firstStart("DTSTART;TZID=Nowhere/Special:20250701T100000") == Self.jan1 + 181 * Self.day + 10
                * Self.hour)
    }

    @Test func ownVTIMEZONEWins() throws {
        // A VTIMEZONE that calls itself "Europe/Berlin" but is fixed +0300 must be used as written.
        let fake = """
            BEGIN:VTIMEZONE\r
            TZID:Europe/Berlin\r
            BEGIN:STANDARD\r
            TZOFFSETFROM:+0300\r
            TZOFFSETTO:+0300\r
            DTSTART:19700101T000000\r
            END:STANDARD\r
            END:VTIMEZONE
            """
        let object = try parsed(
            calendar(fake, "BEGIN:VEVENT", "UID:1", "DTSTART;TZID=Europe/Berlin:20250701T100000", "END:VEVENT"))
        #expect(
            object.occurrences(of: "VEVENT", from: 0, to: .max).first?.start == Self.jan1 + 181 * Self.day + 7
                * Self.hour)
    }

    /// Zones built from VTIMEZONEs are shared between evaluations (expanding one is costly), so
    /// they are keyed by the whole definition: objects whose VTIMEZONEs share a TZID but not their
    /// rules each keep their own offsets, also past the cache's capacity.
    @Test func sameTZIDDifferentRulesAcrossManyObjects() throws {
        for round in 0..<2 {
            for minutes in stride(from: 0, to: 300 * 3, by: 3) {
                let offset = "+" + twoDigits(minutes / 60) + twoDigits(minutes % 60)
                let zone = [
                    "BEGIN:VTIMEZONE", "TZID:Shared/Name", "BEGIN:STANDARD", "TZOFFSETFROM:\(offset)",
                    "TZOFFSETTO:\(offset)", "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE",
                ]
                let object = try parsed(
                    calendar(
                        zone + [
                            "BEGIN:VEVENT", "UID:\(minutes)", "DTSTART;TZID=Shared/Name:20250101T000000", "END:VEVENT",
                        ]))
                let start = object.occurrences(of: "VEVENT", from: 0, to: .max).first?.start
                #expect(start == Self.jan1 - Int64(minutes) * 60, "round \(round), offset \(offset)")
            }
        }
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// RFC 5545 §3.3.5: a local time the zone skips (spring forward) is read with the offset
    /// before the gap; one it repeats (fall back) is its first occurrence. Through the system
    /// zones and through the object's own VTIMEZONE, for DTSTART, RRULE instances and
    /// RECURRENCE-IDs alike.
    @Test func gapAndOverlapTimesReadAsRFC5545Says() throws {
        func start(_ tzid: String, _ local: String, zone: [String] = []) throws -> Int64? {
            let object = try parsed(
                calendar(zone + ["BEGIN:VEVENT", "UID:gap", "DTSTART;TZID=\(tzid):\(local)", "END:VEVENT"]))
            let dtstart = try #require(object.root.components("VEVENT").first?.property("DTSTART"))
            let read = object.utcSeconds(of: dtstart)
            #expect(object.occurrences(of: "VEVENT", from: 0, to: .max).first?.start == read)
            return read
        }
        // Berlin skips 02:00-03:00 on 29 March 2026: 02:30 is 03:30 CEST, 01:30Z.
        #expect(try start("Europe/Berlin", "20260329T023000") == 1_774_747_800)
        // New York skips 02:00-03:00 on 8 March 2026: 02:30 is 03:30 EDT, 07:30Z.
        #expect(try start("America/New_York", "20260308T023000") == 1_772_955_000)
        // Berlin repeats 02:00-03:00 on 25 October 2026: 02:30 CEST (the first) is 00:30Z.
        #expect(try start("Europe/Berlin", "20261025T023000") == 1_792_888_200)
        // New York repeats 01:00-02:00 on 1 November 2026: 01:30 EDT is 05:30Z.
        #expect(try start("America/New_York", "20261101T013000") == 1_793_511_000)
        // Times next to the changes are as always: 01:59 and 03:00 in Berlin.
        #expect(try start("Europe/Berlin", "20260329T015900") == 1_774_745_940)
        #expect(try start("Europe/Berlin", "20260329T030000") == 1_774_746_000)
        // The same through a VTIMEZONE of the object.
        let newYork = [
            "BEGIN:VTIMEZONE", "TZID:Eastern", "BEGIN:DAYLIGHT", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400",
            "DTSTART:19700308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT", "BEGIN:STANDARD",
            "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "DTSTART:19701101T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD", "END:VTIMEZONE",
        ]
        #expect(try start("Eastern", "20260308T023000", zone: newYork) == 1_772_955_000)
        #expect(try start("Eastern", "20261101T013000", zone: newYork) == 1_793_511_000)
        // A daily series at 02:30 steps into the gap on its second day, and an override of
        // that instance is found by its RECURRENCE-ID read the same way.
        let series = try parsed(
            calendar(
                "BEGIN:VEVENT", "UID:daily", "DTSTART;TZID=Europe/Berlin:20260328T023000",
                "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT", "BEGIN:VEVENT", "UID:daily",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260329T023000", "DTSTART;TZID=Europe/Berlin:20260329T050000",
                "END:VEVENT"))
        let instances = series.occurrences(of: "VEVENT", from: 0, to: .max)
        #expect(instances.map(\.recurrenceID) == [1_774_661_400, 1_774_747_800, 1_774_747_800 + 86_400 - 3_600])
        #expect(instances.map(\.isOverride) == [false, true, false])
    }
}
