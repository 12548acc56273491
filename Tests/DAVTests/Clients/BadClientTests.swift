import DAVXML
import Foundation
import Testing

@testable import DAV

/// Requests that broken or careless clients send: each gets the answer the
/// RFCs name, and none changes anything (DESIGN.md: "Bad input gets a clear
/// error and changes nothing").
struct BadClientTests {
    /// What a client could observe of the store: every collection's name, ctag and token, and
    /// every object's etag.
    func snapshot(_ fixture: DAVFixture) async throws -> [String: String] {
        var state: [String: String] = [:]
        let home = try ClientMultistatus(
            await fixture.propfind(
                DAVFixture.home, depth: "1", "<d:displayname/><cs:getctag/><d:sync-token/><a:calendar-color/>"))
        for entry in home.entries {
            state[entry.href] = [
                entry.text(DAVNames.displayname), entry.text(DAVNames.getctag), entry.text(DAVNames.syncToken),
                entry.text(DAVNames.calendarColor),
            ].map { $0 ?? "-" }.joined(separator: "|")
            guard entry.href != DAVFixture.home else { continue }
            let members = try ClientMultistatus(await fixture.propfind(entry.href, depth: "1", "<d:getetag/>"))
            for member in members.entries where member.href != entry.href {
                state[member.href] = member.text(DAVNames.getetag) ?? "-"
            }
        }
        return state
    }

    func seeded() async -> DAVFixture {
        let fixture = DAVFixture()
        await fixture.put(DAVFixture.calendar + "keep.ics", event(uid: "keep", summary: "Keep me"))
        await fixture.put(calendarPath("tasks") + "task.ics", todo(uid: "task"))
        return fixture
    }

    /// Sends the request, checks the status, and that nothing a client can see has changed.
    @discardableResult
    func expectRefusedAndUnchanged(
        _ fixture: DAVFixture, _ method: String, _ path: String, headers: [(String, String)] = [], body: String,
        status: Int, condition: XMLName? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> DAVResponse {
        let before = try await snapshot(fixture)
        let response = await fixture.request(method, path, headers: headers, body: body)
        #expect(
            response.status == status, "\(method) \(path): \(String(decoding: response.body, as: UTF8.self))",
            sourceLocation: sourceLocation)
        if let condition {
            #expect(try xml(response).child(condition) != nil, sourceLocation: sourceLocation)
        }
        #expect(
            try await snapshot(fixture) == before, "\(method) \(path) changed the store", sourceLocation: sourceLocation
        )
        return response
    }

    // MARK: Broken XML

    @Test(arguments: ["PROPFIND", "PROPPATCH", "MKCALENDAR", "REPORT"])
    func truncatedXMLIsABadRequest(method: String) async throws {
        let fixture = await seeded()
        let bodies = [
            "PROPFIND": "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:pr",
            "PROPPATCH":
                "<d:propertyupdate xmlns:d=\"DAV:\"><d:set><d:prop><d:displayname>Hijacked</d:displayname></d:prop></d:set>",
            "MKCALENDAR":
                "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop><d:displayname>X",
            "REPORT": "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token/><d:prop><d:getetag/></d:prop>",
        ]
        let path = method == "MKCALENDAR" ? calendarPath("half-made") : DAVFixture.calendar
        try await expectRefusedAndUnchanged(
            fixture, method, path, headers: [("Depth", "0")], body: try #require(bodies[method]), status: 400)
    }

    /// RFC 4918 §17: unknown elements are ignored, with their children.
    @Test func unknownElementsInAPropfindAreIgnored() async throws {
        let fixture = await seeded()
        let response = await fixture.request(
            "PROPFIND", DAVFixture.calendar, headers: [("Depth", "0")],
            body: """
                <?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:x="urn:x-vendor:ns">\
                <x:hint><x:fast/></x:hint><d:prop><d:displayname/><x:unknown-property/></d:prop></d:propfind>
                """)
        let entry = try #require(try ClientMultistatus(response)[DAVFixture.calendar])
        #expect(entry.firstPropstatStatus == ok200)
        #expect(entry.text(DAVNames.displayname) == "Calendar")
        #expect(entry.status(of: XMLName("urn:x-vendor:ns", "unknown-property"))?.contains(" 404 ") == true)
    }

    @Test func propfindWithOnlyAnUnknownElementIsABadRequest() async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(
            fixture, "PROPFIND", DAVFixture.calendar, headers: [("Depth", "0")],
            body: "<d:propfind xmlns:d=\"DAV:\"><d:everything/></d:propfind>", status: 400)
    }

    // MARK: Reports

    /// RFC 3253 §3.6 (precondition DAV:supported-report) with §1.6: a 403 naming the precondition.
    @Test(arguments: [DAVFixture.calendar, DAVFixture.home, "/dav/principals/demo@example.test/"])
    func unknownReportIsRefusedWithSupportedReport(path: String) async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(
            fixture, "REPORT", path, headers: [("Depth", "1")],
            body:
                "<?xml version=\"1.0\"?><d:expand-property xmlns:d=\"DAV:\"><d:property name=\"owner\"/></d:expand-property>",
            status: 403, condition: .dav("supported-report"))
    }

    @Test func syncCollectionOnThePrincipalIsRefused() async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(
            fixture, "REPORT", "/dav/principals/demo@example.test/",
            body:
                "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token/><d:prop><d:getetag/></d:prop></d:sync-collection>",
            status: 403, condition: .dav("supported-report"))
    }

    @Test func reportWithoutABodyIsABadRequest() async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(fixture, "REPORT", DAVFixture.calendar, body: "", status: 400)
    }

    @Test func multigetOfForeignAndBrokenHrefsAnswers404PerHref() async throws {
        let fixture = await seeded()
        let hrefs = [
            DAVFixture.calendar + "keep.ics", "/dav/calendars/other@example.test/calendar/secret.ics",
            DAVFixture.calendar + "missing.ics", "/dav/calendars/demo@example.test/calendar/%ZZ.ics",
            "https://elsewhere.example/x.ics",
        ]
        let response = await fixture.report(
            DAVFixture.calendar,
            """
            <c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">\
            <d:prop><d:getetag/><c:calendar-data/></d:prop>\(hrefs.map { "<d:href>\($0)</d:href>" }.joined())\
            </c:calendar-multiget>
            """)
        let answer = try ClientMultistatus(response)
        #expect(answer.hrefs == hrefs)
        #expect(answer[hrefs[0]]?.text(DAVNames.calendarDataType)?.contains("Keep me") == true)
        for href in hrefs.dropFirst() {
            #expect(answer[href]?.status?.contains(" 404 ") == true, "\(href)")
        }
    }

    // MARK: Depth

    @Test(arguments: ["2", "99999999999999999999999", "-1", "1,1", "one", ""])
    func malformedDepthIsABadRequest(depth: String) async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(
            fixture, "PROPFIND", DAVFixture.home, headers: [("Depth", depth)],
            body: "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname/></d:prop></d:propfind>", status: 400)
    }

    @Test func infiniteDepthIsRefusedWithFiniteDepth() async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(
            fixture, "PROPFIND", DAVFixture.home, headers: [("Depth", "Infinity")],
            body: "<d:propfind xmlns:d=\"DAV:\"><d:allprop/></d:propfind>", status: 403,
            condition: .dav("propfind-finite-depth"))
    }

    // MARK: Calendar objects

    /// RFC 4791 §4.1: "Calendar object resources contained in calendar collections MUST NOT
    /// specify the iCalendar METHOD property"; §5.3.2.1 names the precondition.
    @Test func putWithMethodIsRefusedAndKeepsTheOldVersion() async throws {
        let fixture = await seeded()
        let invitation = event(uid: "keep", summary: "Invitation").replacingOccurrences(
            of: "VERSION:2.0", with: "VERSION:2.0\r\nMETHOD:REQUEST")
        for path in [DAVFixture.calendar + "keep.ics", DAVFixture.calendar + "invite.ics"] {
            try await expectRefusedAndUnchanged(
                fixture, "PUT", path, headers: [("Content-Type", "text/calendar")], body: invitation, status: 403,
                condition: XMLName(Namespaces.calDAV, "valid-calendar-object-resource"))
        }
        let kept = await fixture.request("GET", DAVFixture.calendar + "keep.ics")
        #expect(String(decoding: kept.body, as: UTF8.self).contains("SUMMARY:Keep me"))
    }

    @Test func truncatedICalendarIsInvalidCalendarData() async throws {
        let fixture = await seeded()
        let truncated = String(event(uid: "cut").dropLast(30))
        try await expectRefusedAndUnchanged(
            fixture, "PUT", DAVFixture.calendar + "keep.ics", headers: [("Content-Type", "text/calendar")],
            body: truncated, status: 403, condition: XMLName(Namespaces.calDAV, "valid-calendar-data"))
    }

    @Test func twoEventsWithDifferentUIDsInOneResourceAreRefused() async throws {
        let fixture = await seeded()
        let two = ics([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//EN",
            "BEGIN:VEVENT", "UID:one", "DTSTAMP:20261101T000000Z", "DTSTART:20261120T100000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:two", "DTSTAMP:20261101T000000Z", "DTSTART:20261121T100000Z", "END:VEVENT",
            "END:VCALENDAR",
        ])
        try await expectRefusedAndUnchanged(
            fixture, "PUT", DAVFixture.calendar + "two.ics", headers: [("Content-Type", "text/calendar")], body: two,
            status: 403, condition: XMLName(Namespaces.calDAV, "valid-calendar-object-resource"))
    }

    @Test func reusedUIDUnderAnotherNameIsANoUIDConflict() async throws {
        let fixture = await seeded()
        let response = try await expectRefusedAndUnchanged(
            fixture, "PUT", DAVFixture.calendar + "copy-of-keep.ics", headers: [("Content-Type", "text/calendar")],
            body: event(uid: "keep"), status: 403)
        let conflict = try xml(response).child(XMLName(Namespaces.calDAV, "no-uid-conflict"))
        #expect(conflict?.child(DAVNames.href)?.text == DAVFixture.calendar + "keep.ics")
    }

    @Test func putOfAnotherMediaTypeIsRefused() async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(
            fixture, "PUT", DAVFixture.calendar + "keep.ics", headers: [("Content-Type", "text/vcard")],
            body: "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nEND:VCARD\r\n", status: 403,
            condition: XMLName(Namespaces.calDAV, "supported-calendar-data"))
    }

    // MARK: Collections

    /// RFC 4918 §9.2: one refused instruction fails them all; the protected one is 403, the rest 424.
    @Test func proppatchOfAProtectedPropertyChangesNothing() async throws {
        let fixture = await seeded()
        let response = try await expectRefusedAndUnchanged(
            fixture, "PROPPATCH", DAVFixture.calendar,
            body: """
                <d:propertyupdate xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:set><d:prop>\
                <d:displayname>Renamed</d:displayname><cs:getctag>forged</cs:getctag></d:prop></d:set>\
                </d:propertyupdate>
                """, status: 207)
        let entry = try #require(try ClientMultistatus(response)[DAVFixture.calendar])
        #expect(entry.status(of: DAVNames.getctag)?.contains(" 403 ") == true)
        #expect(entry.status(of: DAVNames.displayname)?.contains(" 424 ") == true)
    }

    @Test func mkcalendarOverAnExistingCalendarIsRefused() async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(
            fixture, "MKCALENDAR", DAVFixture.calendar,
            body: """
                <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>\
                <d:displayname>Replaced</d:displayname></d:prop></d:set></c:mkcalendar>
                """, status: 405, condition: .dav("resource-must-be-null"))
    }

    @Test func deletingTheHomeOrTheDefaultCalendarIsRefused() async throws {
        let fixture = await seeded()
        try await expectRefusedAndUnchanged(fixture, "DELETE", DAVFixture.home, body: "", status: 405)
        try await expectRefusedAndUnchanged(fixture, "DELETE", DAVFixture.calendar, body: "", status: 403)
    }
}
