import DAVXML
import Testing

@testable import DAV

/// The Outlook CalDAV Synchronizer (aluxnimm/outlookcaldavsynchronizer,
/// `CalDavDataAccess`): the connection test (OPTIONS, an allprop PROPFIND,
/// current-user-privilege-set, supported-report-set), calendar creation by
/// extended MKCOL then PROPPATCH, the version listing by calendar-query
/// (Depth 1, getetag only, optionally with a VEVENT time-range: its "time
/// range filter"), calendar-multiget of getetag/displayname/calendar-data,
/// and PUTs named `<UID>.ics` carrying Outlook's Windows time zone names.
struct OutlookCalDavSynchronizerSequenceTests {
    static let calendar = DAVFixture.calendar
    static let uid = "040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5DC01000000000000000010000000"

    /// An event as the synchronizer writes an Outlook appointment: Windows TZID, its VTIMEZONE.
    static func outlookEvent(start: String, end: String, summary: String) -> String {
        ics([
            "BEGIN:VCALENDAR", "PRODID:-//ddaysoftware.com//NONSGML DDay.iCal 1.0//EN", "VERSION:2.0",
            "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
            "BEGIN:STANDARD", "DTSTART:16011028T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
            "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
            "END:VTIMEZONE",
            "BEGIN:VEVENT", "CLASS:PUBLIC", "DTEND;TZID=W. Europe Standard Time:\(end)", "DTSTAMP:20261101T080000Z",
            "DTSTART;TZID=W. Europe Standard Time:\(start)", "PRIORITY:5", "SEQUENCE:0",
            "SUMMARY:\(summary)", "TRANSP:OPAQUE", "UID:\(uid)", "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
            "END:VEVENT", "END:VCALENDAR",
        ])
    }

    /// `GetVersions`: calendar-query, Depth 1, getetag, VEVENT, optional time-range.
    static func versionsQuery(_ component: String = "VEVENT", from: String? = nil, to: String? = nil) -> String {
        let range = from.map { "<C:time-range start=\"\($0)\" end=\"\(to ?? "")\"/>" } ?? ""
        return """
            <?xml version="1.0"?>
                                <C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav">
                                    <D:prop xmlns:D="DAV:">
                                        <D:getetag/>
                                    </D:prop>
                                    <C:filter>
                                        <C:comp-filter name="VCALENDAR">
                                            <C:comp-filter name="\(component)">
                                              \(range)
                                            </C:comp-filter>
                                        </C:comp-filter>
                                    </C:filter>
                                </C:calendar-query>
            """
    }

    /// The hrefs and etags of a version listing, skipping the collection as the synchronizer does.
    func versions(
        _ fixture: DAVFixture, in collection: String = Self.calendar, _ component: String = "VEVENT",
        from: String? = nil, to: String? = nil
    ) async throws -> [String: String] {
        let response = await fixture.request(
            "REPORT", collection, headers: [("Depth", "1"), ("Content-Type", "application/xml")],
            body: Self.versionsQuery(component, from: from, to: to))
        var result: [String: String] = [:]
        for entry in try ClientMultistatus(response).entries where entry.href != collection {
            if let etag = entry.text(DAVNames.getetag) { result[entry.href] = etag }
        }
        return result
    }

    @Test func connectionTestFindsAWritableCalendar() async throws {
        let fixture = DAVFixture()
        let options = await fixture.request("OPTIONS", Self.calendar)
        #expect(
            options.header("DAV")?.split(separator: ",").contains {
                String($0).trimmingWhitespace() == "calendar-access"
            }
                == true)

        // IsResourceCalender: an allprop PROPFIND must carry resourcetype with C:calendar.
        let allprop = try ClientMultistatus(
            await fixture.request(
                "PROPFIND", Self.calendar, headers: [("Depth", "0")],
                body: "<?xml version='1.0'?><D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>"))
        #expect(allprop[Self.calendar]?.found(DAVNames.resourcetype)?.child(DAVNames.calendar) != nil)
        #expect(allprop[Self.calendar]?.firstPropstatStatus == ok200)

        // IsWriteableCalender: write-content, bind and unbind.
        let privileges = try ClientMultistatus(await fixture.propfind(Self.calendar, "<d:current-user-privilege-set/>"))
        let granted = Set(
            privileges[Self.calendar]?.found(DAVNames.currentUserPrivilegeSet)?.descendants(DAVNames.privilege)
                .flatMap(\.children).map(\.name) ?? [])
        #expect(granted.isSuperset(of: [.dav("write-content"), .dav("bind"), .dav("unbind")]))

        // DoesSupportCalendarQuery.
        let reports = try ClientMultistatus(await fixture.propfind(Self.calendar, "<d:supported-report-set/>"))
        let names = reports[Self.calendar]?.found(DAVNames.supportedReportSet)?.descendants(DAVNames.report)
            .flatMap(\.children).map(\.name)
        #expect(names?.contains(DAVNames.calendarQuery) == true)

        // GetUserResources: the principal's home, then the home with Depth 1.
        let principal = try ClientMultistatus(
            await fixture.propfind(
                "/dav/principals/demo@example.test/", "<c:calendar-home-set/><c:schedule-default-calendar-URL/>"))
        let home = try #require(principal.entries.first?.found(DAVNames.calendarHomeSet)?.child(DAVNames.href)?.text)
        let listing = try ClientMultistatus(
            await fixture.propfind(
                home, depth: "1",
                "<d:resourcetype/><d:displayname/><a:calendar-color/><c:supported-calendar-component-set/>"))
        let eventCalendars = listing.entries.filter { entry in
            entry.found(DAVNames.resourcetype)?.child(DAVNames.calendar) != nil
                && entry.found(DAVNames.supportedCalendarComponentSet)?.children(DAVNames.comp)
                    .contains { $0.attributes[XMLName("", "name")] == "VEVENT" } == true
        }
        #expect(eventCalendars.map(\.href) == [Self.calendar])
        #expect(eventCalendars.first?.text(DAVNames.displayname) == "Calendar")
    }

    @Test func windowsZoneEventIsFoundByTheTimeRangeFilter() async throws {
        let fixture = DAVFixture()
        let href = Self.calendar + Self.uid + ".ics"
        // 10:00–11:00 in Berlin in November: 09:00–10:00 UTC.
        let body = Self.outlookEvent(start: "20261120T100000", end: "20261120T110000", summary: "Budget review")
        let created = await fixture.request(
            "PUT", href, headers: [("If-None-Match", "*"), ("Content-Type", "text/calendar")], body: body)
        #expect(created.status == 201)
        let etag = try #require(created.header("ETag"))

        // Whole-calendar listing, then the synchronizer's default window around the event.
        #expect(try await versions(fixture) == [href: etag])
        #expect(try await versions(fixture, from: "20261020T000000Z", to: "20261220T000000Z") == [href: etag])
        // Inside the UTC hour; the hour after it is free (it would match if the zone were ignored).
        #expect(try await versions(fixture, from: "20261120T093000Z", to: "20261120T094500Z") == [href: etag])
        #expect(try await versions(fixture, from: "20261120T100000Z", to: "20261120T103000Z").isEmpty)
        #expect(try await versions(fixture, from: "20261120T080000Z", to: "20261120T090000Z").isEmpty)

        // GetEntities: multiget with the displayname it asks for (absent on objects).
        let multiget = try ClientMultistatus(
            await fixture.report(
                Self.calendar,
                """
                <?xml version="1.0"?>
                <C:calendar-multiget xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:D="DAV:">
                    <D:prop><D:getetag/><D:displayname/><C:calendar-data/></D:prop>
                <D:href>\(href)</D:href>
                </C:calendar-multiget>
                """))
        let entry = try #require(multiget[href])
        #expect(entry.firstPropstatStatus == ok200)
        #expect(entry.text(DAVNames.getetag) == etag)
        #expect(entry.text(DAVNames.calendarDataType) == body, "the object comes back byte for byte")
        #expect(entry.status(of: DAVNames.displayname)?.contains(" 404 ") == true)

        // TryUpdateEntity: If-Match with the version; a second writer with the old one gets 412.
        let moved = Self.outlookEvent(start: "20261120T140000", end: "20261120T150000", summary: "Budget review")
        let updated = await fixture.request(
            "PUT", href, headers: [("If-Match", etag), ("Content-Type", "text/calendar")], body: moved)
        #expect(updated.status == 204)
        let newETag = try #require(updated.header("ETag"))
        #expect(
            await fixture.request(
                "PUT", href, headers: [("If-Match", etag), ("Content-Type", "text/calendar")], body: body
            ).status == 412)
        // The index follows the edit: 13:00–14:00 UTC now.
        #expect(try await versions(fixture, from: "20261120T090000Z", to: "20261120T100000Z").isEmpty)
        #expect(try await versions(fixture, from: "20261120T130000Z", to: "20261120T140000Z") == [href: newETag])

        // DeleteEntity: If-Match; a second delete is a 404, which the synchronizer treats as done.
        #expect(await fixture.request("DELETE", href, headers: [("If-Match", newETag)]).status == 204)
        #expect(await fixture.request("DELETE", href, headers: [("If-Match", newETag)]).status == 404)
        #expect(try await versions(fixture).isEmpty)
    }

    /// In summer W. Europe Standard Time is UTC+2 (the VTIMEZONE's DAYLIGHT rule).
    @Test func daylightSavingRuleOfTheWindowsZoneApplies() async throws {
        let fixture = DAVFixture()
        let href = Self.calendar + Self.uid + ".ics"
        let body = Self.outlookEvent(start: "20260715T100000", end: "20260715T110000", summary: "Summer")
        #expect(
            await fixture.request("PUT", href, headers: [("Content-Type", "text/calendar")], body: body).status == 201)
        #expect(try await versions(fixture, from: "20260715T080000Z", to: "20260715T083000Z").count == 1)
        #expect(try await versions(fixture, from: "20260715T090000Z", to: "20260715T093000Z").isEmpty)
    }

    /// `AddResource`: an extended MKCOL with only the resourcetype, then a PROPPATCH of the name.
    @Test func addResourceByExtendedMkcolThenProppatch() async throws {
        let fixture = DAVFixture()
        let path = calendarPath("0f8fad5b-d9cb-469f-a165-70867728950e")
        let made = await fixture.request(
            "MKCOL", path, headers: [("Content-Type", "application/xml")],
            body: """
                <?xml version='1.0'?>
                <D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:set><D:prop><D:resourcetype><D:collection/><C:calendar/></D:resourcetype></D:prop></D:set>
                </D:mkcol>
                """)
        #expect(made.status == 201)
        let named = await fixture.request(
            "PROPPATCH", path, headers: [("Depth", "0"), ("Content-Type", "application/xml")],
            body: """
                <?xml version='1.0'?>
                <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:displayname>Outlook</D:displayname>\
                </D:prop></D:set></D:propertyupdate>
                """)
        #expect(try ClientMultistatus(named)[path]?.firstPropstatStatus == ok200)
        let listing = try ClientMultistatus(
            await fixture.propfind(
                DAVFixture.home, depth: "1", "<d:resourcetype/><d:displayname/><c:supported-calendar-component-set/>"))
        let created = try #require(listing[path])
        #expect(created.text(DAVNames.displayname) == "Outlook")
        #expect(created.found(DAVNames.resourcetype)?.child(DAVNames.calendar) != nil)
        #expect(
            created.found(DAVNames.supportedCalendarComponentSet)?.children(DAVNames.comp)
                .compactMap { $0.attributes[XMLName("", "name")] }.contains("VEVENT") == true)
    }

    /// `GetTodoVersions` with the time range filter: RFC 4791 §9.9 matches a VTODO with only DUE
    /// when the range contains DUE, and one with no dates at all always.
    @Test func taskVersionsByTimeRange() async throws {
        let fixture = DAVFixture()
        let tasks = calendarPath("tasks")
        func task(_ uid: String, _ extra: [String]) -> String {
            ics(
                [
                    "BEGIN:VCALENDAR", "PRODID:-//ddaysoftware.com//NONSGML DDay.iCal 1.0//EN", "VERSION:2.0",
                    "BEGIN:VTODO",
                ]
                    + ["UID:\(uid)", "DTSTAMP:20261101T080000Z", "SUMMARY:\(uid)"] + extra + [
                        "END:VTODO", "END:VCALENDAR",
                    ])
        }
        for (uid, extra) in [
            ("undated", []), ("due-november", ["DUE;VALUE=DATE:20261121"]), ("due-march", ["DUE;VALUE=DATE:20270301"]),
            ("started-october", ["DTSTART:20261001T090000Z", "DUE:20261002T090000Z"]),
        ] {
            let created = await fixture.request(
                "PUT", tasks + uid + ".ics", headers: [("If-None-Match", "*"), ("Content-Type", "text/calendar")],
                body: task(uid, extra))
            #expect(created.status == 201)
        }
        let november = try await versions(fixture, in: tasks, "VTODO", from: "20261101T000000Z", to: "20261201T000000Z")
        #expect(Set(november.keys) == [tasks + "undated.ics", tasks + "due-november.ics"])
        let all = try await versions(fixture, in: tasks, "VTODO")
        #expect(all.count == 4)
        // No VEVENT lives in the task list.
        #expect(try await versions(fixture, in: tasks, "VEVENT").isEmpty)
    }
}
