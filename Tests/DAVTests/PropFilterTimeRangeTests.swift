import DAVXML
import Testing

@testable import DAV

/// The time-range of a prop-filter on DATE and DATE-TIME properties (RFC 4791 §9.7.2, §9.9):
/// values with a TZID, floating values (read in the calendar's time zone, or UTC), DATEs
/// spanning their day, and list values such as EXDATE.
struct PropFilterTimeRangeTests {
    static let berlinZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    ]

    static func object(_ lines: [String], zone: [String] = []) -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac tests//EN"] + zone + lines + ["END:VCALENDAR"])
            .joined(separator: "\r\n") + "\r\n"
    }

    static func vevent(_ uid: String, _ lines: [String]) -> [String] {
        ["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20260701T000000Z"] + lines + ["END:VEVENT"]
    }

    /// Berlin in summer is UTC+2: 10:00 CEST is 08:00Z, daily for five days, two of them excluded.
    /// New York in summer is UTC-4, from the system zones (no VTIMEZONE): 10:00 EDT is 14:00Z.
    func seeded() async -> DAVFixture {
        let fixture = DAVFixture()
        let objects = [
            "berlin": Self.object(
                Self.vevent(
                    "berlin",
                    [
                        "DTSTART;TZID=Europe/Berlin:20260720T100000", "DTEND;TZID=Europe/Berlin:20260720T110000",
                        "RRULE:FREQ=DAILY;COUNT=5", "EXDATE;TZID=Europe/Berlin:20260721T100000,20260722T100000",
                    ]), zone: Self.berlinZone),
            "newyork": Self.object(
                Self.vevent(
                    "newyork",
                    ["DTSTART;TZID=America/New_York:20260720T100000", "DTEND;TZID=America/New_York:20260720T110000"]
                )),
            "floating": Self.object(Self.vevent("floating", ["DTSTART:20260720T120000", "DTEND:20260720T130000"])),
            "allday": Self.object(Self.vevent("allday", ["DTSTART;VALUE=DATE:20260725", "DTEND;VALUE=DATE:20260726"])),
        ]
        for (name, text) in objects {
            let response = await fixture.put(DAVFixture.calendar + name + ".ics", text)
            #expect(response.status == 201, "\(name)")
        }
        return fixture
    }

    /// The names of the objects whose `property` lies in the range (either bound may be left out).
    func matching(
        _ fixture: DAVFixture, _ property: String = "DTSTART", start: String? = nil, end: String? = nil
    ) async throws -> [String] {
        var attributes = ""
        if let start { attributes += " start=\"\(start)\"" }
        if let end { attributes += " end=\"\(end)\"" }
        let response = await fixture.report(
            DAVFixture.calendar,
            ReportTests.query(
                "<c:comp-filter name=\"VEVENT\"><c:prop-filter name=\"\(property)\"><c:time-range\(attributes)/></c:prop-filter></c:comp-filter>"
            ))
        #expect(response.status == 207)
        return try ReportTests.hrefs(response).map {
            String($0.dropFirst(DAVFixture.calendar.count).dropLast(".ics".count))
        }
    }

    @Test func valuesWithATZID() async throws {
        let fixture = await seeded()
        #expect(try await matching(fixture, start: "20260720T080000Z", end: "20260720T080001Z") == ["berlin"])
        #expect(try await matching(fixture, start: "20260720T070000Z", end: "20260720T080000Z") == [])
        #expect(try await matching(fixture, start: "20260720T140000Z", end: "20260720T140001Z") == ["newyork"])
        #expect(try await matching(fixture, start: "20260720T135959Z", end: "20260720T140000Z") == [])
        // Read as UTC, the wall-clock 10:00 would match here; it must not.
        #expect(try await matching(fixture, start: "20260720T100000Z", end: "20260720T100001Z") == [])
    }

    @Test func floatingValuesWithoutACalendarTimeZoneAreUTC() async throws {
        let fixture = await seeded()
        #expect(try await matching(fixture, start: "20260720T120000Z", end: "20260720T120001Z") == ["floating"])
        #expect(try await matching(fixture, start: "20260720T110000Z", end: "20260720T120000Z") == [])
    }

    @Test func dateValuesSpanTheirDay() async throws {
        let fixture = await seeded()
        // 2026-07-25 read as UTC: [25 00:00Z, 26 00:00Z).
        #expect(try await matching(fixture, start: "20260724T120000Z", end: "20260725T000000Z") == [])
        #expect(try await matching(fixture, start: "20260726T000000Z", end: "20260727T000000Z") == [])
        #expect(try await matching(fixture, start: "20260725T235959Z", end: "20260726T120000Z") == ["allday"])
        #expect(try await matching(fixture, start: "20260724T000000Z", end: "20260725T000001Z") == ["allday"])
        // One bound only.
        #expect(try await matching(fixture, start: "20260725T235959Z") == ["allday"])
        #expect(try await matching(fixture, end: "20260725T000000Z") == ["berlin", "floating", "newyork"])
    }

    @Test func floatingAndDateValuesUseTheCalendarTimeZone() async throws {
        let fixture = await seeded()
        let zone = Self.object([
            "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900",
            "TZNAME:JST", "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE",
        ])
        let set = await fixture.request(
            "PROPPATCH", DAVFixture.calendar,
            body: """
                <d:propertyupdate xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>
                <c:calendar-timezone><![CDATA[\(zone)]]></c:calendar-timezone></d:prop></d:set></d:propertyupdate>
                """)
        #expect(try xml(set).descendants(DAVNames.status).map(\.text) == ["HTTP/1.1 200 OK"])
        // Tokyo is UTC+9: floating 12:00 is 03:00Z.
        #expect(try await matching(fixture, start: "20260720T030000Z", end: "20260720T030001Z") == ["floating"])
        #expect(try await matching(fixture, start: "20260720T120000Z", end: "20260720T120001Z") == [])
        // Values with a zone of their own do not move.
        #expect(try await matching(fixture, start: "20260720T080000Z", end: "20260720T080001Z") == ["berlin"])
        // 2026-07-25 in Tokyo: [24 15:00Z, 25 15:00Z).
        #expect(try await matching(fixture, start: "20260724T150000Z", end: "20260724T150001Z") == ["allday"])
        #expect(try await matching(fixture, start: "20260725T150000Z", end: "20260726T000000Z") == [])
        #expect(try await matching(fixture, start: "20260724T000000Z", end: "20260724T150000Z") == [])
    }

    @Test func anyItemOfAListMayMatch() async throws {
        let fixture = await seeded()
        #expect(try await matching(fixture, "EXDATE", start: "20260721T080000Z", end: "20260721T080001Z") == ["berlin"])
        #expect(try await matching(fixture, "EXDATE", start: "20260722T080000Z", end: "20260722T080001Z") == ["berlin"])
        #expect(try await matching(fixture, "EXDATE", start: "20260723T080000Z", end: "20260723T080001Z") == [])
    }
}
