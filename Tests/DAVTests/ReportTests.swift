import DAVXML
import Testing

@testable import DAV

/// calendar-query, calendar-multiget, free-busy-query and sync-collection.
struct ReportTests {
    static func query(_ filter: String, data: String = "") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
        <d:prop><d:getetag/>\(data)</d:prop><c:filter><c:comp-filter name="VCALENDAR">\(filter)</c:comp-filter></c:filter>
        </c:calendar-query>
        """
    }

    static func hrefs(_ response: DAVResponse) throws -> [String] {
        try xml(response).children(DAVNames.response).compactMap { $0.child(DAVNames.href)?.text }.sorted()
    }

    func seeded() async -> DAVFixture {
        let fixture = DAVFixture()
        await fixture.put(DAVFixture.calendar + "single.ics", event(uid: "single", summary: "Dentist"))
        await fixture.put(
            DAVFixture.calendar + "weekly.ics",
            event(
                uid: "weekly", start: "20261102T090000Z", end: "20261102T100000Z", summary: "Standup",
                extra: ["RRULE:FREQ=WEEKLY;COUNT=10"]))
        await fixture.put(
            DAVFixture.calendar + "allday.ics",
            event(uid: "allday", start: "20261225", end: "20261226", summary: "Christmas").replacingOccurrences(
                of: "DTSTART:20261225", with: "DTSTART;VALUE=DATE:20261225"
            ).replacingOccurrences(of: "DTEND:20261226", with: "DTEND;VALUE=DATE:20261226"))
        return fixture
    }

    @Test func timeRangeMatchesEveryOccurrenceOfARecurringEvent() async throws {
        let fixture = await seeded()
        // The 7th Monday after Nov 2 (Dec 14) is only reached by the recurrence.
        let december = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"20261214T000000Z\" end=\"20261215T000000Z\"/></c:comp-filter>"
            ))
        #expect(december.status == 207)
        #expect(try Self.hrefs(december) == [DAVFixture.calendar + "weekly.ics"])
        let november20 = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"20261120T000000Z\" end=\"20261121T000000Z\"/></c:comp-filter>"
            ))
        #expect(try Self.hrefs(november20) == [DAVFixture.calendar + "single.ics"])
        // After the tenth occurrence (Jan 4, 2027) nothing recurs.
        let later = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"20270111T000000Z\" end=\"20270112T000000Z\"/></c:comp-filter>"
            ))
        #expect(try Self.hrefs(later).isEmpty)
        let christmas = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"20261225T120000Z\" end=\"20261225T130000Z\"/></c:comp-filter>"
            ))
        #expect(try Self.hrefs(christmas) == [DAVFixture.calendar + "allday.ics"])
    }

    @Test func textMatchAndIsNotDefined() async throws {
        let fixture = await seeded()
        let dentist = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:prop-filter name=\"SUMMARY\"><c:text-match collation=\"i;ascii-casemap\">DENT</c:text-match></c:prop-filter></c:comp-filter>"
            ))
        #expect(try Self.hrefs(dentist) == [DAVFixture.calendar + "single.ics"])
        let notDentist = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:prop-filter name=\"SUMMARY\"><c:text-match negate-condition=\"yes\">dent</c:text-match></c:prop-filter></c:comp-filter>"
            ))
        #expect(try Self.hrefs(notDentist).count == 2)
        let noRule = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:prop-filter name=\"RRULE\"><c:is-not-defined/></c:prop-filter></c:comp-filter>"
            ))
        #expect(try Self.hrefs(noRule).count == 2)
        let badCollation = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:prop-filter name=\"SUMMARY\"><c:text-match collation=\"i;klingon\">x</c:text-match></c:prop-filter></c:comp-filter>"
            ))
        #expect(badCollation.status == 403)
        #expect(try xml(badCollation).child(XMLName(Namespaces.calDAV, "supported-collation")) != nil)
    }

    @Test func expandReturnsInstancesInRange() async throws {
        let fixture = await seeded()
        let response = await fixture.report(
            DAVFixture.calendar,
            Self.query(
                "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"20261109T000000Z\" end=\"20261117T000000Z\"/></c:comp-filter>",
                data:
                    "<c:calendar-data><c:expand start=\"20261109T000000Z\" end=\"20261117T000000Z\"/></c:calendar-data>"
            ))
        let data = try #require(try xml(response).descendants(DAVNames.calendarDataType).first?.text)
        #expect(data.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        #expect(data.contains("RECURRENCE-ID:20261109T090000Z"))
        #expect(data.contains("RECURRENCE-ID:20261116T090000Z"))
        #expect(!data.contains("RRULE"))
    }

    @Test func multigetReturnsDataAndMissingHrefs() async throws {
        let fixture = await seeded()
        let body = """
            <c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
            <d:prop><d:getetag/><c:calendar-data/></d:prop>
            <d:href>\(DAVFixture.calendar)single.ics</d:href><d:href>\(DAVFixture.calendar)gone.ics</d:href>
            <d:href>/dav/calendars/other@example.test/calendar/x.ics</d:href>
            </c:calendar-multiget>
            """
        let response = try xml(await fixture.report(DAVFixture.calendar, body))
        let responses = response.children(DAVNames.response)
        #expect(responses.count == 3)
        #expect(
            responses[0].descendants(DAVNames.calendarDataType).first?.text == event(uid: "single", summary: "Dentist"))
        #expect(responses[1].child(DAVNames.status)?.text == "HTTP/1.1 404 Not Found")
        #expect(responses[2].child(DAVNames.status)?.text == "HTTP/1.1 404 Not Found")
    }

    @Test func freeBusyQuery() async throws {
        let fixture = await seeded()
        let response = await fixture.report(
            DAVFixture.calendar,
            "<c:free-busy-query xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><c:time-range start=\"20261120T000000Z\" end=\"20261121T000000Z\"/></c:free-busy-query>"
        )
        #expect(response.status == 200)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("FREEBUSY:20261120T100000Z/20261120T110000Z"))
        #expect(!text.contains("20261102T090000Z"))
    }
}
