import DAVXML
import Foundation
import Testing

@testable import DAV

/// Apple Calendar (macOS CalendarAgent, iOS dataaccessd): a wide PROPFIND of
/// the principal, the home with Depth 1 and Apple's properties (ctag, colour,
/// order), MKCALENDAR with its set of properties (colour with a
/// `symbolic-color` attribute, order, VEVENT only, a calendar-timezone in
/// CDATA, transparency), PUT/GET/DELETE of `<UUID>.ics`, and recurring events
/// whose RRULE UNTIL is a local time although DTSTART has a TZID (RFC 5545
/// §3.3.10 wants UTC there; iPhones write it local, as RFC 2445 allowed).
struct AppleCalendarSequenceTests {
    static let principal = "/dav/principals/demo@example.test/"

    static let berlin = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT", "DTSTART:19810329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "TZNAME:CEST",
        "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
        "BEGIN:STANDARD", "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZNAME:CET",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    static let newYork = [
        "BEGIN:VTIMEZONE", "TZID:America/New_York",
        "BEGIN:DAYLIGHT", "DTSTART:20070311T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "TZNAME:EDT",
        "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
        "BEGIN:STANDARD", "DTSTART:20071104T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "TZNAME:EST",
        "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// An event as an iPhone writes it.
    static func iPhoneEvent(
        uid: String, zone: [String], tzid: String, start: String, end: String, rrule: String?, summary: String
    ) -> String {
        ics(
            ["BEGIN:VCALENDAR", "CALSCALE:GREGORIAN", "PRODID:-//Apple Inc.//iPhone OS 17.4//EN", "VERSION:2.0"]
                + zone + [
                    "BEGIN:VEVENT", "CREATED:20260101T100000Z", "DTEND;TZID=\(tzid):\(end)",
                    "DTSTAMP:20260101T100000Z", "DTSTART;TZID=\(tzid):\(start)", "LAST-MODIFIED:20260101T100000Z",
                ] + (rrule.map { ["RRULE:\($0)"] } ?? []) + [
                    "SEQUENCE:0", "SUMMARY:\(summary)", "TRANSP:OPAQUE", "UID:\(uid)",
                    "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC", "END:VEVENT", "END:VCALENDAR",
                ])
    }

    static func timeRangeQuery(_ start: String, _ end: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <B:calendar-query xmlns:B="urn:ietf:params:xml:ns:caldav">
          <A:prop xmlns:A="DAV:"><A:getetag/><A:getcontenttype/></A:prop>
          <B:filter><B:comp-filter name="VCALENDAR"><B:comp-filter name="VEVENT">\
        <B:time-range start="\(start)" end="\(end)"/></B:comp-filter></B:comp-filter></B:filter>
        </B:calendar-query>
        """
    }

    func found(_ fixture: DAVFixture, _ calendar: String, _ start: String, _ end: String) async throws -> [String] {
        try ClientMultistatus(await fixture.report(calendar, Self.timeRangeQuery(start, end))).hrefs
    }

    static let homeProperties = """
        <cs:getctag/><a:calendar-color/><a:calendar-order/><d:displayname/><d:resourcetype/>\
        <c:supported-calendar-component-set/><d:sync-token/><c:calendar-description/><cs:pushkey/>\
        <d:current-user-privilege-set/><c:schedule-calendar-transp/><d:quota-available-bytes/>
        """

    @Test func accountSetupThenMkcalendarWithApplesProperties() async throws {
        let fixture = DAVFixture()
        let principal = try ClientMultistatus(
            await fixture.propfind(
                Self.principal,
                """
                <c:calendar-home-set/><c:calendar-user-address-set/><d:displayname/><d:principal-URL/>\
                <cs:email-address-set/><c:schedule-inbox-URL/><c:schedule-outbox-URL/><cs:dropbox-home-URL/>\
                <cs:notification-URL/><d:supported-report-set/><d:resourcetype/><d:current-user-principal/>
                """))
        let me = try #require(principal[Self.principal])
        #expect(me.firstPropstatStatus == ok200)
        #expect(me.found(DAVNames.calendarHomeSet)?.child(DAVNames.href)?.text == DAVFixture.home)
        let addresses = me.found(DAVNames.calendarUserAddressSet)?.children(DAVNames.href).map(\.text) ?? []
        #expect(addresses.contains("mailto:demo@example.test"))
        #expect(me.found(DAVNames.principalURL)?.child(DAVNames.href)?.text == Self.principal)
        #expect(me.status(of: XMLName(Namespaces.calendarServer, "dropbox-home-URL"))?.contains(" 404 ") == true)

        let before = try ClientMultistatus(await fixture.propfind(DAVFixture.home, depth: "1", Self.homeProperties))
        for entry in before.entries {
            #expect(entry.firstPropstatStatus == ok200, "\(entry.href): first propstat must be 200")
        }
        #expect(before[DAVFixture.calendar]?.text(DAVNames.getctag)?.isEmpty == false)

        // Calendar.app: File > New Calendar.
        let newCalendar = calendarPath("5D3F2B8E-9A44-4C1B-8E2A-3B7C0E0F1A22")
        let zone = ics(
            ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Apple Inc.//macOS 14.4//EN"] + Self.berlin + ["END:VCALENDAR"]
        )
        let made = await fixture.request(
            "MKCALENDAR", newCalendar, headers: [("Content-Type", "text/xml")],
            body: """
                <?xml version="1.0" encoding="UTF-8"?>
                <B:mkcalendar xmlns:B="urn:ietf:params:xml:ns:caldav">
                  <A:set xmlns:A="DAV:">
                    <A:prop>
                      <D:calendar-order xmlns:D="http://apple.com/ns/ical/">3</D:calendar-order>
                      <B:supported-calendar-component-set><B:comp name="VEVENT"/></B:supported-calendar-component-set>
                      <D:calendar-color xmlns:D="http://apple.com/ns/ical/" symbolic-color="custom">#63DA38FF</D:calendar-color>
                      <A:displayname>Family</A:displayname>
                      <B:calendar-timezone><![CDATA[\(zone)]]></B:calendar-timezone>
                      <B:schedule-calendar-transp><B:opaque/></B:schedule-calendar-transp>
                    </A:prop>
                  </A:set>
                </B:mkcalendar>
                """)
        #expect(made.status == 201, "\(String(decoding: made.body, as: UTF8.self))")

        let after = try ClientMultistatus(await fixture.propfind(DAVFixture.home, depth: "1", Self.homeProperties))
        let family = try #require(after[newCalendar])
        #expect(family.firstPropstatStatus == ok200)
        #expect(family.text(DAVNames.displayname) == "Family")
        #expect(family.text(DAVNames.calendarColor) == "#63DA38FF")
        #expect(family.found(DAVNames.calendarColor)?.attributes[XMLName("", "symbolic-color")] == "custom")
        #expect(family.text(DAVNames.calendarOrder) == "3")
        #expect(family.found(DAVNames.scheduleCalendarTransp)?.child(XMLName(Namespaces.calDAV, "opaque")) != nil)
        #expect(
            family.found(DAVNames.supportedCalendarComponentSet)?.children(DAVNames.comp)
                .compactMap { $0.attributes[XMLName("", "name")] } == ["VEVENT"])
        #expect(family.text(DAVNames.getctag)?.isEmpty == false)
        #expect(family.found(DAVNames.resourcetype)?.child(DAVNames.calendar) != nil)
        #expect(after.entries.count == before.entries.count + 1)

        // A task does not belong in a VEVENT-only calendar.
        let task = await fixture.put(newCalendar + "t.ics", todo(uid: "t"))
        #expect(task.status == 403)
        #expect(try xml(task).child(XMLName(Namespaces.calDAV, "supported-calendar-component")) != nil)

        // Dragging calendars in the sidebar: PROPPATCH calendar-order on each.
        for (path, order) in [(DAVFixture.calendar, 1), (newCalendar, 2)] {
            let patch = await fixture.request(
                "PROPPATCH", path,
                body: """
                    <A:propertyupdate xmlns:A="DAV:"><A:set><A:prop>\
                    <D:calendar-order xmlns:D="http://apple.com/ns/ical/">\(order)</D:calendar-order>\
                    </A:prop></A:set></A:propertyupdate>
                    """)
            #expect(try ClientMultistatus(patch)[path]?.firstPropstatStatus == ok200)
        }
        let reordered = try ClientMultistatus(await fixture.propfind(DAVFixture.home, depth: "1", Self.homeProperties))
        #expect(reordered[DAVFixture.calendar]?.text(DAVNames.calendarOrder) == "1")
        #expect(reordered[newCalendar]?.text(DAVNames.calendarOrder) == "2")
    }

    @Test func putGetDeleteOfAnEvent() async throws {
        let fixture = DAVFixture()
        let href = DAVFixture.calendar + "8C1D3E2A-5B4F-4A6E-9D7C-1E2F3A4B5C6D.ics"
        let body = Self.iPhoneEvent(
            uid: "8C1D3E2A-5B4F-4A6E-9D7C-1E2F3A4B5C6D", zone: Self.berlin, tzid: "Europe/Berlin",
            start: "20261120T090000", end: "20261120T100000", rrule: nil, summary: "Dentist")
        let ctagBefore = try ClientMultistatus(await fixture.propfind(DAVFixture.calendar, "<cs:getctag/>"))
            .entries.first?.text(DAVNames.getctag)

        let put = await fixture.request(
            "PUT", href, headers: [("Content-Type", "text/calendar"), ("If-None-Match", "*")], body: body)
        #expect(put.status == 201)
        let etag = try #require(put.header("ETag"))

        let get = await fixture.request("GET", href)
        #expect(get.status == 200)
        #expect(get.header("ETag") == etag)
        #expect(get.header("Content-Type")?.hasPrefix("text/calendar") == true)
        #expect(get.body == Array(body.utf8))
        // A conditional GET with the cached ETag.
        #expect(await fixture.request("GET", href, headers: [("If-None-Match", etag)]).status == 304)

        let ctagAfter = try ClientMultistatus(await fixture.propfind(DAVFixture.calendar, "<cs:getctag/>"))
            .entries.first?.text(DAVNames.getctag)
        #expect(ctagAfter != ctagBefore)

        #expect(await fixture.request("DELETE", href, headers: [("If-Match", etag)]).status == 204)
        #expect(await fixture.request("GET", href).status == 404)
        #expect(try await fixture.itemCount() == 0)
    }

    /// A weekly meeting from Monday 5 January 2026, 09:00 Berlin, until 31 December 2027
    /// 23:59:59 local: the last occurrence is Monday 27 December 2027 (08:00 UTC).
    @Test func weeklyEventWithLocalUntilIsFoundInItsLastWeek() async throws {
        let fixture = DAVFixture()
        let href = DAVFixture.calendar + "weekly.ics"
        let body = Self.iPhoneEvent(
            uid: "A1B2C3D4-0000-4000-8000-000000000001", zone: Self.berlin, tzid: "Europe/Berlin",
            start: "20260105T090000", end: "20260105T100000", rrule: "FREQ=WEEKLY;UNTIL=20271231T235959",
            summary: "Team sync")
        let put = await fixture.request("PUT", href, headers: [("Content-Type", "text/calendar")], body: body)
        #expect(put.status == 201, "\(String(decoding: put.body, as: UTF8.self))")

        #expect(try await found(fixture, DAVFixture.calendar, "20271227T000000Z", "20271228T000000Z") == [href])
        #expect(try await found(fixture, DAVFixture.calendar, "20271220T000000Z", "20271227T000000Z") == [href])
        #expect(try await found(fixture, DAVFixture.calendar, "20271228T000000Z", "20280110T000000Z").isEmpty)
        // A Tuesday in the middle of the series has no occurrence.
        #expect(try await found(fixture, DAVFixture.calendar, "20270615T000000Z", "20270616T000000Z").isEmpty)
    }

    /// West of UTC a local UNTIL and a UTC one differ: Friday 31 December 2027, 20:00 New York, is
    /// 01:00 UTC on 1 January 2028 — inside the local UNTIL, after 23:59:59 UTC. Apple Calendar
    /// shows that last occurrence; a server that reads UNTIL as UTC hides it from time-range queries.
    @Test func localUntilCountsInTheZoneOfDtstart() async throws {
        let fixture = DAVFixture()
        let href = DAVFixture.calendar + "friday.ics"
        let body = Self.iPhoneEvent(
            uid: "A1B2C3D4-0000-4000-8000-000000000002", zone: Self.newYork, tzid: "America/New_York",
            start: "20260102T200000", end: "20260102T210000", rrule: "FREQ=WEEKLY;UNTIL=20271231T235959",
            summary: "Friday dinner")
        #expect(
            await fixture.request("PUT", href, headers: [("Content-Type", "text/calendar")], body: body).status == 201)
        #expect(try await found(fixture, DAVFixture.calendar, "20280101T000000Z", "20280101T030000Z") == [href])
        #expect(try await found(fixture, DAVFixture.calendar, "20280107T000000Z", "20280109T000000Z").isEmpty)
    }
}
