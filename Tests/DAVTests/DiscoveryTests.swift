import DAVXML
import Testing

@testable import DAV

/// Discovery as clients do it (RFC 6764, RFC 5397, RFC 4791 §6.2).
struct DiscoveryTests {
    @Test(arguments: ["/caldav", "/caldav/", "/dav/", "/dav"])
    func entryPointsAnswerCurrentUserPrincipal(path: String) async throws {
        let fixture = DAVFixture()
        let response = await fixture.propfind(path, "<d:current-user-principal/><d:resourcetype/>")
        #expect(response.status == 207)
        let body = try xml(response)
        #expect(body.descendants(DAVNames.href).first?.text == path)
        let principal = body.descendants(DAVNames.currentUserPrincipal).first?.child(DAVNames.href)?.text
        #expect(principal == "/dav/principals/demo@example.test/")
    }

    @Test func principalNamesTheCalendarHomeAndAddress() async throws {
        let fixture = DAVFixture()
        let response = await fixture.propfind(
            "/dav/principals/demo@example.test/",
            "<c:calendar-home-set/><c:calendar-user-address-set/><d:principal-URL/><d:displayname/><d:resourcetype/>")
        let body = try xml(response)
        #expect(body.descendants(DAVNames.calendarHomeSet).first?.child(DAVNames.href)?.text == DAVFixture.home)
        let addresses = body.descendants(DAVNames.calendarUserAddressSet).first?.children(DAVNames.href).map(\.text)
        #expect(addresses?.contains("mailto:demo@example.test") == true)
        #expect(body.descendants(DAVNames.principal).count == 1)
        #expect(body.descendants(DAVNames.displayname).first?.text == "Demo User")
    }

    @Test func homeListsTheThreeStandardCollectionsWith200First() async throws {
        let fixture = DAVFixture()
        let response = await fixture.propfind(
            DAVFixture.home, depth: "1",
            "<d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><c:supported-calendar-component-set/><d:current-user-privilege-set/>"
        )
        #expect(response.status == 207)
        let body = try xml(response)
        let responses = body.children(DAVNames.response)
        #expect(responses.count == 4)
        for response in responses {
            let first = try #require(response.children(DAVNames.propstat).first)
            #expect(first.child(DAVNames.status)?.text == "HTTP/1.1 200 OK")
        }
        let names = body.descendants(DAVNames.displayname).map(\.text)
        #expect(names == ["Calendars", "Calendar", "Tasks", "Notes"])
        let components = body.descendants(DAVNames.comp).compactMap { $0.attributes[XMLName("", "name")] }
        #expect(components == ["VEVENT", "VTODO", "VJOURNAL"])
        let ctags = body.descendants(DAVNames.getctag).map(\.text).filter { !$0.isEmpty }
        #expect(ctags.count == 3 && ctags.allSatisfy { $0.hasPrefix("urn:x-almanac:sync:") })
    }

    @Test func optionsAdvertisesCalendarAccess() async throws {
        let fixture = DAVFixture()
        for path in ["/dav/principals/demo@example.test/", DAVFixture.calendar, "/caldav"] {
            let response = await fixture.request("OPTIONS", path)
            #expect(response.status == 200)
            #expect(response.header("DAV")?.contains("calendar-access") == true)
            #expect(response.header("Allow")?.contains("REPORT") == true)
        }
    }

    @Test func depthInfinityIsRefusedWithFiniteDepth() async throws {
        let fixture = DAVFixture()
        let response = await fixture.propfind(DAVFixture.home, depth: "infinity", "<d:displayname/>")
        #expect(response.status == 403)
        #expect(try xml(response).child(.dav("propfind-finite-depth")) != nil)
    }

    @Test(arguments: [
        "/dav/calendars/other@example.test/", "/dav/calendars/other@example.test/calendar/x.ics",
        "/dav/principals/other@example.test/",
    ])
    func anotherUsersPathsAreForbiddenAlike(path: String) async throws {
        let fixture = DAVFixture()
        let response = await fixture.propfind(path, "<d:displayname/>")
        #expect(response.status == 403)
    }

    @Test(arguments: [
        "/dav/unknown/", "/dav/calendars/demo@example.test/nope/",
        "/dav/calendars/demo@example.test/calendar/missing.ics",
    ])
    func unknownPathsAreNotFound(path: String) async throws {
        let fixture = DAVFixture()
        #expect(await fixture.propfind(path, "<d:displayname/>").status == 404)
    }

    @Test(arguments: [
        "<d:propfind xmlns:d=\"DAV:\"><d:prop>",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><d:propfind xmlns:d=\"DAV:\"><d:prop>&a;</d:prop></d:propfind>",
        "not xml at all",
    ])
    func malformedOrDTDBodiesAreBadRequests(body: String) async throws {
        let fixture = DAVFixture()
        let response = await fixture.request("PROPFIND", DAVFixture.home, headers: [("Depth", "0")], body: body)
        #expect(response.status == 400)
    }
}
