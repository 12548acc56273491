import DAVXML
import Testing

@testable import DAV

/// eM Client: account setup from the bare server URL (`/caldav`), the
/// principal, the calendar home listed with Depth 1, sync-collection sent
/// without a Depth header, and PROPPATCH when the user renames or recolours
/// a calendar. eM Client also synchronises the calendar home itself when it
/// advertises sync-collection, and reports the account as failing when that
/// REPORT is refused (apple/ccs-calendarserver#494: "Sync of 1admin/ failed
/// … supported-report").
struct EMClientSequenceTests {
    static let principal = "/dav/principals/demo@example.test/"

    static func syncBody(_ token: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <D:sync-collection xmlns:D="DAV:"><D:sync-token>\(token)</D:sync-token>\
        <D:prop><D:getetag/><D:getcontenttype/></D:prop></D:sync-collection>
        """
    }

    static let homeProperties = """
        <d:displayname/><a:calendar-color/><d:resourcetype/><c:supported-calendar-component-set/><cs:getctag/>\
        <d:sync-token/><d:current-user-privilege-set/>
        """

    /// REPORT with no Depth header, as eM Client sends it.
    func sync(_ fixture: DAVFixture, _ path: String, _ token: String) async -> DAVResponse {
        await fixture.request(
            "REPORT", path, headers: [("Content-Type", "text/xml; charset=utf-8")], body: Self.syncBody(token))
    }

    @Test func discoveryFromTheBareCaldavURL() async throws {
        let fixture = DAVFixture()
        await fixture.put(DAVFixture.calendar + "a.ics", event(uid: "a"))

        let entry = try ClientMultistatus(
            await fixture.propfind("/caldav", "<d:current-user-principal/><d:principal-URL/><d:resourcetype/>"))
        let entryResponse = try #require(entry.entries.first)
        #expect(entryResponse.href == "/caldav")
        #expect(entryResponse.firstPropstatStatus == ok200)
        let principalHref = try #require(
            entryResponse.found(DAVNames.currentUserPrincipal)?.child(DAVNames.href)?.text)
        #expect(principalHref == Self.principal)

        let principal = try ClientMultistatus(
            await fixture.propfind(
                principalHref,
                "<c:calendar-home-set/><d:displayname/><c:calendar-user-address-set/><cs:email-address-set/>"))
        let principalEntry = try #require(principal[principalHref])
        #expect(principalEntry.firstPropstatStatus == ok200)
        let homeHref = try #require(principalEntry.found(DAVNames.calendarHomeSet)?.child(DAVNames.href)?.text)
        #expect(homeHref == DAVFixture.home)

        let home = try ClientMultistatus(await fixture.propfind(homeHref, depth: "1", Self.homeProperties))
        #expect(home.hrefs.first == homeHref)
        for entry in home.entries {
            #expect(entry.firstPropstatStatus == ok200, "\(entry.href): first propstat must be 200")
        }
        let calendars = home.entries.filter { $0.found(DAVNames.resourcetype)?.child(DAVNames.calendar) != nil }
        #expect(Set(calendars.map(\.href)) == [calendarPath("calendar"), calendarPath("tasks"), calendarPath("notes")])
        for calendar in calendars {
            #expect(calendar.text(DAVNames.getctag)?.isEmpty == false)
            #expect(calendar.text(DAVNames.syncToken)?.isEmpty == false)
            #expect(calendar.text(DAVNames.displayname)?.isEmpty == false)
            let privileges = calendar.found(DAVNames.currentUserPrivilegeSet)?.descendants(DAVNames.privilege)
                .flatMap(\.children).map(\.name)
            #expect(privileges?.contains(.dav("write")) == true)
            // No colour set yet: reported missing, after the 200 propstat.
            #expect(calendar.status(of: DAVNames.calendarColor)?.contains(" 404 ") == true)
        }

        // sync-collection without Depth: the initial sync lists the event.
        let initial = try SyncAnswer(await sync(fixture, DAVFixture.calendar, ""), collection: DAVFixture.calendar)
        #expect(initial.changed == [DAVFixture.calendar + "a.ics"])
        #expect(!initial.token.isEmpty)
        await fixture.put(DAVFixture.calendar + "b.ics", event(uid: "b"))
        let next = try SyncAnswer(
            await sync(fixture, DAVFixture.calendar, initial.token), collection: DAVFixture.calendar)
        #expect(next.changed == [DAVFixture.calendar + "b.ics"])
        #expect(next.removed.isEmpty)
    }

    /// The home lists sync-collection in its supported-report-set; eM Client then runs it there.
    /// What the home advertises it must answer (RFC 3253 §3.1.5, RFC 6578 §3.1): either a 207
    /// or no sync-collection in the home's supported-report-set.
    @Test func homeAnswersTheReportsItAdvertises() async throws {
        let fixture = DAVFixture()
        let home = try ClientMultistatus(await fixture.propfind(DAVFixture.home, "<d:supported-report-set/>"))
        let advertised =
            home[DAVFixture.home]?.found(DAVNames.supportedReportSet)?.descendants(DAVNames.report)
            .flatMap(\.children).map(\.name) ?? []
        let response = await sync(fixture, DAVFixture.home, "")
        if advertised.contains(DAVNames.syncCollection) {
            #expect(
                response.status == 207,
                "the home advertises sync-collection but answers \(response.status): \(String(decoding: response.body, as: UTF8.self))"
            )
        } else {
            #expect(response.status == 403)
            #expect(try xml(response).child(.dav("supported-report")) != nil)
        }
    }

    @Test func renameAndRecolourWithProppatch() async throws {
        let fixture = DAVFixture()
        await fixture.put(DAVFixture.calendar + "a.ics", event(uid: "a"))
        let token = try SyncAnswer(await sync(fixture, DAVFixture.calendar, ""), collection: DAVFixture.calendar).token

        let patch = await fixture.request(
            "PROPPATCH", DAVFixture.calendar, headers: [("Content-Type", "text/xml; charset=utf-8")],
            body: """
                <?xml version="1.0" encoding="utf-8"?>
                <D:propertyupdate xmlns:D="DAV:" xmlns:A="http://apple.com/ns/ical/"><D:set><D:prop>\
                <D:displayname>Work</D:displayname><A:calendar-color>#3A87ADFF</A:calendar-color>\
                </D:prop></D:set></D:propertyupdate>
                """)
        let patched = try ClientMultistatus(patch)
        let patchEntry = try #require(patched[DAVFixture.calendar])
        #expect(patchEntry.propstats.count == 1)
        #expect(patchEntry.firstPropstatStatus == ok200)
        #expect(
            Set(patchEntry.propstats.first?.properties.map(\.name) ?? []) == [
                DAVNames.displayname, DAVNames.calendarColor,
            ])

        let home = try ClientMultistatus(await fixture.propfind(DAVFixture.home, depth: "1", Self.homeProperties))
        let calendar = try #require(home[DAVFixture.calendar])
        #expect(calendar.text(DAVNames.displayname) == "Work")
        #expect(calendar.text(DAVNames.calendarColor) == "#3A87ADFF")
        #expect(calendar.firstPropstatStatus == ok200)
        // The other calendars keep their names.
        #expect(home[calendarPath("tasks")]?.text(DAVNames.displayname) == "Tasks")

        // A rename is not a member change: the next sync brings nothing to download.
        let after = try SyncAnswer(await sync(fixture, DAVFixture.calendar, token), collection: DAVFixture.calendar)
        #expect(after.allMembers.isEmpty)

        // Removing the colour takes it away again.
        let removal = await fixture.request(
            "PROPPATCH", DAVFixture.calendar,
            body: """
                <D:propertyupdate xmlns:D="DAV:" xmlns:A="http://apple.com/ns/ical/"><D:remove><D:prop>\
                <A:calendar-color/></D:prop></D:remove></D:propertyupdate>
                """)
        #expect(try ClientMultistatus(removal)[DAVFixture.calendar]?.firstPropstatStatus == ok200)
        let reread = try ClientMultistatus(await fixture.propfind(DAVFixture.calendar, "<a:calendar-color/>"))
        #expect(reread[DAVFixture.calendar]?.status(of: DAVNames.calendarColor)?.contains(" 404 ") == true)
    }
}
