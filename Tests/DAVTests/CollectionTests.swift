import DAVXML
import Testing

@testable import DAV

/// PROPPATCH, MKCALENDAR, extended MKCOL, DELETE of calendars, COPY and MOVE.
struct CollectionTests {
    static let update = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:propertyupdate xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/" xmlns:x="urn:example">
        <d:set><d:prop><d:displayname>Work</d:displayname><a:calendar-color>#FF2968FF</a:calendar-color>
        <a:calendar-order>3</a:calendar-order><c:calendar-description>Team events</c:calendar-description>
        <x:anything>kept <x:b>as</x:b> sent</x:anything></d:prop></d:set>
        </d:propertyupdate>
        """

    @Test func proppatchSetsLiveAndDeadPropertiesAndPropfindReturnsThem() async throws {
        let fixture = DAVFixture()
        let response = await fixture.request("PROPPATCH", DAVFixture.calendar, body: Self.update)
        #expect(response.status == 207)
        #expect(try xml(response).descendants(DAVNames.status).map(\.text) == ["HTTP/1.1 200 OK"])
        let read = try xml(
            await fixture.propfind(
                DAVFixture.calendar,
                "<d:displayname/><a:calendar-color/><a:calendar-order/><c:calendar-description/><x:anything xmlns:x=\"urn:example\"/>"
            ))
        #expect(read.descendants(DAVNames.displayname).first?.text == "Work")
        #expect(read.descendants(DAVNames.calendarColor).first?.text == "#FF2968FF")
        #expect(read.descendants(DAVNames.calendarOrder).first?.text == "3")
        #expect(read.descendants(DAVNames.calendarDescription).first?.text == "Team events")
        let anything = try #require(read.descendants(XMLName("urn:example", "anything")).first)
        #expect(anything.child(XMLName("urn:example", "b"))?.text == "as")
        // The dead property is part of allprop.
        let all = try xml(await fixture.request("PROPFIND", DAVFixture.calendar, headers: [("Depth", "0")]))
        #expect(!all.descendants(XMLName("urn:example", "anything")).isEmpty)
    }

    @Test func protectedPropertyFailsTheWholeUpdate() async throws {
        let fixture = DAVFixture()
        let body = """
            <d:propertyupdate xmlns:d="DAV:" xmlns:a="http://apple.com/ns/ical/"><d:set><d:prop>
            <d:displayname>Renamed</d:displayname><d:getetag>"x"</d:getetag><a:calendar-color>#000000</a:calendar-color>
            </d:prop></d:set></d:propertyupdate>
            """
        let response = await fixture.request("PROPPATCH", DAVFixture.calendar, body: body)
        #expect(response.status == 207)
        let statuses = try xml(response).descendants(DAVNames.propstat).map {
            ($0.child(DAVNames.prop)?.children.first?.name.local ?? "", $0.child(DAVNames.status)?.text ?? "")
        }
        #expect(statuses.contains { $0 == ("getetag", "HTTP/1.1 403 Forbidden") })
        #expect(statuses.contains { $0.1 == "HTTP/1.1 424 Failed Dependency" })
        let read = try xml(await fixture.propfind(DAVFixture.calendar, "<d:displayname/><a:calendar-color/>"))
        #expect(read.descendants(DAVNames.displayname).first?.text == "Calendar")
        #expect(
            read.descendants(DAVNames.calendarColor).first == nil
                || read.descendants(DAVNames.calendarColor).first?.text == "")
    }

    @Test func mkcalendarWithPropertiesThenDelete() async throws {
        let fixture = DAVFixture()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/">
            <d:set><d:prop><d:displayname>Holidays</d:displayname><a:calendar-color>#00FF00</a:calendar-color>
            <c:supported-calendar-component-set><c:comp name="VEVENT"/><c:comp name="VTODO"/></c:supported-calendar-component-set>
            </d:prop></d:set></c:mkcalendar>
            """
        let path = DAVFixture.home + "holidays/"
        #expect(await fixture.request("MKCALENDAR", path, body: body).status == 201)
        #expect(await fixture.request("MKCALENDAR", path, body: body).status == 405)
        let read = try xml(
            await fixture.propfind(path, "<d:displayname/><c:supported-calendar-component-set/><d:resourcetype/>"))
        #expect(read.descendants(DAVNames.displayname).first?.text == "Holidays")
        #expect(read.descendants(DAVNames.comp).count == 2)
        #expect(await fixture.put(path + "t.ics", todo(uid: "t")).status == 201)
        #expect(await fixture.put(path + "e.ics", event(uid: "e")).status == 201)
        #expect(await fixture.request("DELETE", path).status == 204)
        #expect(await fixture.propfind(path, "<d:displayname/>").status == 404)
        // The default calendar stays.
        #expect(await fixture.request("DELETE", DAVFixture.calendar).status == 403)
    }

    @Test func extendedMkcolCreatesACalendar() async throws {
        let fixture = DAVFixture()
        let body = """
            <d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>
            <d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>Extended</d:displayname>
            </d:prop></d:set></d:mkcol>
            """
        #expect(await fixture.request("MKCOL", DAVFixture.home + "ext/", body: body).status == 201)
        let read = try xml(await fixture.propfind(DAVFixture.home + "ext/", "<d:displayname/>"))
        #expect(read.descendants(DAVNames.displayname).first?.text == "Extended")
        #expect(await fixture.request("MKCOL", DAVFixture.home + "plain/").status == 403)
    }

    @Test func moveAndCopyBetweenCalendarsKeepContentAndUID() async throws {
        let fixture = DAVFixture()
        let mkcalendar = "<c:mkcalendar xmlns:c=\"urn:ietf:params:xml:ns:caldav\"/>"
        #expect(await fixture.request("MKCALENDAR", DAVFixture.home + "other/", body: mkcalendar).status == 201)
        let source = DAVFixture.calendar + "m.ics"
        #expect(await fixture.put(source, event(uid: "moving")).status == 201)
        let target = DAVFixture.home + "other/moved.ics"
        let moved = await fixture.request(
            "MOVE", source, headers: [("Destination", "http://localhost:8080" + target)])
        #expect(moved.status == 201)
        #expect(await fixture.request("GET", source).status == 404)
        #expect(await fixture.request("GET", target).body == Array(event(uid: "moving").utf8))
        // A copy back into the home would duplicate the UID.
        let copy = await fixture.request("COPY", target, headers: [("Destination", DAVFixture.calendar + "copy.ics")])
        #expect(copy.status == 403)
        #expect(try xml(copy).child(XMLName(Namespaces.calDAV, "no-uid-conflict")) != nil)
        let foreign = await fixture.request(
            "MOVE", target, headers: [("Destination", "/dav/calendars/other@example.test/calendar/x.ics")])
        #expect(foreign.status == 403)
        #expect(await fixture.request("GET", target).status == 200)
    }
}
