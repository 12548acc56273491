import DAVXML
import Testing

@testable import DAV

/// principal-property-search (RFC 3744 §9.4): users find themselves, nobody else.
struct PrincipalSearchTests {
    static func search(_ match: String) -> String {
        """
        <d:principal-property-search xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
        <d:property-search><d:prop><d:displayname/></d:prop><d:match>\(match)</d:match></d:property-search>
        <d:prop><d:displayname/><c:calendar-home-set/></d:prop></d:principal-property-search>
        """
    }

    @Test func findsTheOwnPrincipalByNameOrAddress() async throws {
        let fixture = DAVFixture()
        for match in ["demo user", "DEMO@example", "Demo"] {
            let response = await fixture.report("/dav/principals/", depth: "0", Self.search(match))
            #expect(response.status == 207)
            let body = try xml(response)
            #expect(body.children(DAVNames.response).count == 1, "\(match)")
            #expect(body.descendants(DAVNames.calendarHomeSet).first?.child(DAVNames.href)?.text == DAVFixture.home)
        }
        let none = try xml(await fixture.report("/dav/principals/", depth: "0", Self.search("someone else")))
        #expect(none.children(DAVNames.response).isEmpty)
    }

    @Test func searchPropertySetNamesWhatCanBeSearched() async throws {
        let fixture = DAVFixture()
        let response = await fixture.report(
            "/dav/principals/", depth: "0", "<d:principal-search-property-set xmlns:d=\"DAV:\"/>")
        #expect(response.status == 200)
        #expect(try xml(response).descendants(DAVNames.displayname).count == 1)
    }
}
