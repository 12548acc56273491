import DAVXML
import Testing

@testable import DAV

/// Partial retrieval with `comp`, `prop`, `allcomp` and `allprop` inside `calendar-data`
/// (RFC 4791 §9.6.1–§9.6.4), and its `content-type` and `version` (§9.6).
struct CalendarDataSelectionTests {
    static let path = DAVFixture.calendar + "board.ics"

    /// A fixed-offset zone, so that the expected UTC times need no DST rules.
    static let zone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100",
        "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE",
    ]

    static let longDescription = String(repeating: "Quarterly figures and the plan. ", count: 4)

    static let stored =
        ([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac tests//EN",
        ] + zone + [
            "BEGIN:VEVENT", "UID:board", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Europe/Berlin:20261120T100000",
            "DTEND;TZID=Europe/Berlin:20261120T110000", "SUMMARY:Board meeting", "LOCATION:Room 1",
            "DESCRIPTION:\(longDescription)", "ATTENDEE;CN=Ann;PARTSTAT=ACCEPTED:mailto:ann@example.test",
            "RRULE:FREQ=DAILY;COUNT=3", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DESCRIPTION:Reminder",
            "END:VALARM", "END:VEVENT", "END:VCALENDAR",
        ]).joined(separator: "\r\n") + "\r\n"

    func seeded() async -> DAVFixture {
        let fixture = DAVFixture()
        let put = await fixture.put(Self.path, Self.stored)
        #expect(put.status == 201)
        return fixture
    }

    /// A calendar-multiget of the one object with `data` as the calendar-data element.
    static func multiget(_ data: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
        <d:prop><d:getetag/>\(data)</d:prop><d:href>\(path)</d:href>
        </c:calendar-multiget>
        """
    }

    /// The calendar-data text returned for `data`.
    func calendarData(_ data: String) async throws -> String {
        let fixture = await seeded()
        let response = await fixture.report(DAVFixture.calendar, Self.multiget(data))
        #expect(response.status == 207)
        return try #require(try xml(response).descendants(DAVNames.calendarDataType).first?.text)
    }

    static func lines(_ lines: [String]) -> String {
        lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func selectedPropertiesNovalueAndAWholeTimezone() async throws {
        // The shape of the RFC 4791 §7.8.1 example; names in any case.
        let data = try await calendarData(
            """
            <c:calendar-data><c:comp name="VCALENDAR"><c:prop name="VERSION"/>
            <c:comp name="vevent"><c:prop name="summary"/><c:prop name="UID"/><c:prop name="DTSTART"/>
            <c:prop name="ATTENDEE" novalue="yes"/><c:prop name="LOCATION" novalue="no"/></c:comp>
            <c:comp name="VTIMEZONE"/></c:comp></c:calendar-data>
            """)
        #expect(
            data
                == Self.lines(
                    ["BEGIN:VCALENDAR", "VERSION:2.0"] + Self.zone + [
                        "BEGIN:VEVENT", "UID:board", "DTSTART;TZID=Europe/Berlin:20261120T100000",
                        "SUMMARY:Board meeting", "LOCATION:Room 1", "ATTENDEE;CN=Ann;PARTSTAT=ACCEPTED:", "END:VEVENT",
                        "END:VCALENDAR",
                    ]))
    }

    @Test func allpropKeepsPropertiesButUnlistedComponentsGo() async throws {
        let data = try await calendarData(
            """
            <c:calendar-data><c:comp name="VCALENDAR"><c:allprop/>
            <c:comp name="VEVENT"><c:prop name="UID"/><c:prop name="DESCRIPTION"/></c:comp>
            </c:comp></c:calendar-data>
            """)
        // Generated text: the long DESCRIPTION folded at 75 octets with CRLF and a space.
        let description = "DESCRIPTION:" + Self.longDescription
        #expect(description.utf8.count == 140)
        let folded = [String(description.prefix(75)), " " + String(description.dropFirst(75))]
        #expect(
            data
                == Self.lines(
                    ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac tests//EN", "BEGIN:VEVENT", "UID:board"]
                        + folded + ["END:VEVENT", "END:VCALENDAR"]))
        #expect(!data.contains("VALARM"))
        #expect(!data.contains("VTIMEZONE"))
    }

    @Test func allcompReturnsEverySubComponentWhole() async throws {
        let data = try await calendarData(
            """
            <c:calendar-data><c:comp name="VCALENDAR"><c:prop name="VERSION"/><c:allcomp/></c:comp></c:calendar-data>
            """)
        let expected = Self.stored.replacingOccurrences(of: "PRODID:-//Almanac tests//EN\r\n", with: "")
        // The stored DESCRIPTION line is longer than 75 octets; generated text folds it.
        let unfolded = data.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded == expected)
        #expect(data != expected)
        #expect(!data.contains("PRODID"))
    }

    @Test func nestedAlarmSelection() async throws {
        let data = try await calendarData(
            """
            <c:calendar-data><c:comp name="VCALENDAR">
            <c:comp name="VEVENT"><c:prop name="UID"/><c:comp name="valarm"><c:prop name="trigger"/></c:comp></c:comp>
            </c:comp></c:calendar-data>
            """)
        #expect(
            data
                == Self.lines([
                    "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:board", "BEGIN:VALARM", "TRIGGER:-PT15M", "END:VALARM",
                    "END:VEVENT", "END:VCALENDAR",
                ]))
    }

    @Test func selectionAppliesAfterExpand() async throws {
        let data = try await calendarData(
            """
            <c:calendar-data><c:comp name="VCALENDAR"><c:allcomp/></c:comp>
            <c:expand start="20261121T000000Z" end="20261123T000000Z"/></c:calendar-data>
            """)
        // Expanded instances, no VTIMEZONE (RFC 4791 §9.6.5), and no VCALENDAR property.
        #expect(!data.contains("VTIMEZONE"))
        #expect(!data.contains("VERSION"))
        #expect(data.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        let picked = try await calendarData(
            """
            <c:calendar-data><c:comp name="VCALENDAR"><c:comp name="VEVENT"><c:prop name="DTSTART"/>
            <c:prop name="RECURRENCE-ID"/><c:prop name="RRULE"/></c:comp></c:comp>
            <c:expand start="20261121T000000Z" end="20261123T000000Z"/></c:calendar-data>
            """)
        #expect(
            picked
                == Self.lines([
                    "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20261121T090000Z", "RECURRENCE-ID:20261121T090000Z",
                    "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20261122T090000Z", "RECURRENCE-ID:20261122T090000Z",
                    "END:VEVENT", "END:VCALENDAR",
                ]))
    }

    @Test func selectionInACalendarQuery() async throws {
        let fixture = await seeded()
        let response = await fixture.report(
            DAVFixture.calendar,
            ReportTests.query(
                "<c:comp-filter name=\"VEVENT\"/>",
                data:
                    "<c:calendar-data><c:comp name=\"VCALENDAR\"><c:comp name=\"VEVENT\"><c:prop name=\"SUMMARY\"/></c:comp></c:comp></c:calendar-data>"
            ))
        #expect(response.status == 207)
        #expect(
            try xml(response).descendants(DAVNames.calendarDataType).map(\.text)
                == [
                    Self.lines([
                        "BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Board meeting", "END:VEVENT", "END:VCALENDAR",
                    ])
                ])
    }

    @Test func withoutCompTheStoredTextComesBack() async throws {
        let data = try await calendarData(
            "<c:calendar-data content-type=\"text/calendar\" version=\"2.0\"/>")
        #expect(data == Self.stored)
    }

    @Test func otherMediaTypesAndVersionsAreRefused() async throws {
        let fixture = await seeded()
        for attributes in [
            "content-type=\"application/calendar+json\"", "content-type=\"text/calendar\" version=\"1.0\"",
            "content-type=\"application/calendar+xml\" version=\"2.0\"",
        ] {
            let response = await fixture.report(
                DAVFixture.calendar, Self.multiget("<c:calendar-data \(attributes)/>"))
            #expect(response.status == 403, "\(attributes)")
            let error = try xml(response)
            #expect(error.name == .dav("error"))
            #expect(error.child(XMLName(Namespaces.calDAV, "supported-calendar-data")) != nil, "\(attributes)")
            let message = error.child(XMLName(Namespaces.almanac, "message"))?.text ?? ""
            #expect(message.contains("text/calendar version 2.0"), "\(message)")
        }
        let withCharset = await fixture.report(
            DAVFixture.calendar, Self.multiget("<c:calendar-data content-type=\"Text/Calendar; charset=utf-8\"/>"))
        #expect(withCharset.status == 207)
    }

    @Test func malformedSelectionsAreRefused() async throws {
        let fixture = await seeded()
        for data in [
            "<c:calendar-data><c:comp name=\"VEVENT\"/></c:calendar-data>",
            "<c:calendar-data><c:comp/></c:calendar-data>",
            "<c:calendar-data><c:comp name=\"VCALENDAR\"><c:prop/></c:comp></c:calendar-data>",
            "<c:calendar-data><c:comp name=\"VCALENDAR\"><c:prop name=\"X\" novalue=\"maybe\"/></c:comp></c:calendar-data>",
        ] {
            let response = await fixture.report(DAVFixture.calendar, Self.multiget(data))
            #expect(response.status == 400, "\(data)")
        }
    }
}
