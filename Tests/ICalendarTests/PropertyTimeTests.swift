import ICalendar
import Testing

/// ``ICalendarObject/utcTimes(of:floatingTimeZone:)``: one property's DATE, DATE-TIME and
/// PERIOD values in UTC, and the RFC 4791 §9.9 test of a prop-filter time-range.
struct PropertyTimeTests {
    static let jan1: Int64 = 1_735_689_600
    static let day: Int64 = 86_400
    static let hour: Int64 = 3_600

    /// The object holding one VEVENT with `lines`, and its property `name`.
    func property(_ name: String, _ lines: [String], zone: [String] = []) throws -> (ICalendarObject, ICalendarProperty)
    {
        let object = try parsed(calendar(zone + ["BEGIN:VEVENT", "UID:p"] + lines + ["END:VEVENT"]))
        let property = try #require(object.root.components("VEVENT").first?.property(name))
        return (object, property)
    }

    func starts(_ name: String, _ lines: [String], zone: [String] = [], floating: String? = nil) throws -> [Int64] {
        let (object, property) = try self.property(name, lines, zone: zone)
        return object.utcTimes(of: property, floatingTimeZone: floating).map(\.start)
    }

    @Test func tzidFromTheObjectsVTIMEZONEThenTheSystem() throws {
        // A VTIMEZONE calling itself Europe/Berlin at a fixed +0300 is used as written.
        let fake = [
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0300",
            "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE",
        ]
        let july1 = Self.jan1 + 181 * Self.day
        let (object, property) = try self.property(
            "DTSTART", ["DTSTART;TZID=Europe/Berlin:20250701T100000"], zone: fake)
        #expect(
            object.utcTimes(of: property, floatingTimeZone: "Asia/Tokyo")
                == [
                    PropertyTime(
                        start: july1 + 7 * Self.hour, end: july1 + 7 * Self.hour, isDate: false, isFloating: false)
                ])
        #expect(object.utcSeconds(of: property) == july1 + 7 * Self.hour)
        // Without a VTIMEZONE: the system's Berlin (CEST, +2) and New York (EDT, -4).
        #expect(try starts("DTSTART", ["DTSTART;TZID=Europe/Berlin:20250701T100000"]) == [july1 + 8 * Self.hour])
        #expect(try starts("DTSTART", ["DTSTART;TZID=America/New_York:20250701T100000"]) == [july1 + 14 * Self.hour])
        // UTC stays UTC whatever the floating zone.
        #expect(try starts("DTSTART", ["DTSTART:20250701T100000Z"], floating: "Asia/Tokyo") == [july1 + 10 * Self.hour])
    }

    @Test func floatingTimesUseTheFloatingZoneOrUTC() throws {
        let july1 = Self.jan1 + 181 * Self.day
        let (object, property) = try self.property("DTSTART", ["DTSTART:20250701T100000"])
        #expect(
            object.utcTimes(of: property, floatingTimeZone: nil)
                == [
                    PropertyTime(
                        start: july1 + 10 * Self.hour, end: july1 + 10 * Self.hour, isDate: false, isFloating: true)
                ])
        #expect(object.utcSeconds(of: property, floatingTimeZone: "Asia/Tokyo") == july1 + 1 * Self.hour)
        // A TZID that names no zone is floating too.
        let (unknown, unknownProperty) = try self.property("DTSTART", ["DTSTART;TZID=Nowhere/Special:20250701T100000"])
        let times = unknown.utcTimes(of: unknownProperty, floatingTimeZone: "Asia/Tokyo")
        #expect(times.map(\.start) == [july1 + 1 * Self.hour])
        #expect(times.map(\.isFloating) == [true])
    }

    @Test func aDateSpansItsDayInTheZoneItIsReadIn() throws {
        // 2025-03-09 (day 67) is the 23-hour day of New York's change to EDT.
        let (object, property) = try self.property("DTSTART", ["DTSTART;VALUE=DATE:20250309"])
        let march9 = Self.jan1 + 67 * Self.day
        #expect(
            object.utcTimes(of: property, floatingTimeZone: nil)
                == [PropertyTime(start: march9, end: march9 + Self.day, isDate: true, isFloating: true)])
        #expect(
            object.utcTimes(of: property, floatingTimeZone: "America/New_York")
                == [
                    PropertyTime(
                        start: march9 + 5 * Self.hour, end: march9 + Self.day + 4 * Self.hour, isDate: true,
                        isFloating: true)
                ])
        #expect(object.utcSeconds(of: property, floatingTimeZone: "America/New_York") == march9 + 5 * Self.hour)
    }

    @Test func listsAndPeriodsGiveEveryItem() throws {
        let july1 = Self.jan1 + 181 * Self.day
        #expect(
            try starts(
                "EXDATE",
                [
                    "DTSTART;TZID=Europe/Berlin:20250701T100000",
                    "EXDATE;TZID=Europe/Berlin:20250708T100000,20250701T100000",
                ],
                zone: berlinVTIMEZONE.components(separatedBy: "\r\n"))
                == [july1 + 7 * Self.day + 8 * Self.hour, july1 + 8 * Self.hour])
        let (object, property) = try self.property(
            "RDATE",
            ["DTSTART:20250701T100000Z", "RDATE;VALUE=PERIOD:20250702T100000Z/20250702T120000Z,20250703T100000Z/PT30M"])
        #expect(
            object.utcTimes(of: property)
                == [
                    PropertyTime(
                        start: july1 + Self.day + 10 * Self.hour, end: july1 + Self.day + 12 * Self.hour, isDate: false,
                        isFloating: false),
                    PropertyTime(
                        start: july1 + 2 * Self.day + 10 * Self.hour, end: july1 + 2 * Self.day + 10 * Self.hour + 1800,
                        isDate: false, isFloating: false),
                ])
    }

    @Test func valuesThatAreNoTimeGiveNothing() throws {
        #expect(try starts("SUMMARY", ["DTSTART:20250701T100000Z", "SUMMARY:20250701"]) == [])
        #expect(try starts("TRIGGER", ["DTSTART:20250701T100000Z", "TRIGGER:-PT15M"]) == [])
        #expect(try starts("TRIGGER", ["DTSTART:20250701T100000Z", "TRIGGER;VALUE=DURATION:20250701T100000Z"]) == [])
        #expect(
            try starts("TRIGGER", ["DTSTART:20250701T100000Z", "TRIGGER;VALUE=DATE-TIME:20250701T090000Z"])
                == [Self.jan1 + 181 * Self.day + 9 * Self.hour])
        let (object, property) = try self.property("RRULE", ["DTSTART:20250701T100000Z", "RRULE:FREQ=DAILY;COUNT=2"])
        #expect(object.utcSeconds(of: property) == nil)
    }

    @Test func anInstantLiesInTheRangeADayOverlapsIt() {
        let instant = PropertyTime(start: 100, end: 100, isDate: false, isFloating: false)
        #expect(instant.overlaps(start: 100, end: 200))
        #expect(!instant.overlaps(start: 0, end: 100))
        #expect(!instant.overlaps(start: 101, end: nil))
        #expect(instant.overlaps(start: nil, end: 101))
        let day = PropertyTime(start: 100, end: 200, isDate: true, isFloating: true)
        #expect(!day.overlaps(start: 200, end: 300))
        #expect(day.overlaps(start: 199, end: 300))
        #expect(!day.overlaps(start: 0, end: 100))
        #expect(day.overlaps(start: 0, end: 101))
        #expect(day.overlaps(start: 120, end: 130))
        #expect(day.overlaps(start: nil, end: nil))
    }
}
