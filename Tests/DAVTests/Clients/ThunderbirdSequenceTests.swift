import DAVXML
import Foundation
import Testing

@testable import DAV

/// The requests of Thunderbird's CalDAV provider (comm-central
/// `calendar/providers/caldav`): principal lookup, OPTIONS, a Depth 0
/// PROPFIND of the calendar, WebDAV sync (`Depth: 1` and `<sync-level>1`,
/// a default `DAV:` namespace, `<sync-token/>` when it has none), a
/// calendar-multiget of what changed, and conditional writes. Thunderbird
/// names a new resource after the item's id (`<uid>.ics`), so undoing a
/// delete PUTs the same href again.
struct ThunderbirdSequenceTests {
    static let calendar = DAVFixture.calendar
    static let principal = "/dav/principals/demo@example.test/"

    /// Thunderbird's webdav-sync body (`CalDavWebDavSyncHandler.doWebDAVSync`).
    static func syncBody(_ token: String?) -> String {
        let tokenElement = token.map { "<sync-token>\($0)</sync-token>" } ?? "<sync-token/>"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <sync-collection xmlns="DAV:">\(tokenElement)<sync-level>1</sync-level>\
            <prop><getcontenttype/><getetag/></prop></sync-collection>
            """
    }

    static func multigetBody(_ hrefs: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">\
        <D:prop><D:getetag/><C:calendar-data/></D:prop>\
        \(hrefs.map { "<D:href>\($0)</D:href>" }.joined())</C:calendar-multiget>
        """
    }

    func sync(_ fixture: DAVFixture, _ token: String?) async throws -> SyncAnswer {
        let response = await fixture.request(
            "REPORT", Self.calendar, headers: [("Depth", "1"), ("Content-Type", "text/xml; charset=utf-8")],
            body: Self.syncBody(token))
        return try SyncAnswer(response, collection: Self.calendar)
    }

    /// What Thunderbird checks on each changed member of a sync answer before it fetches it.
    func expectFetchable(_ answer: SyncAnswer) {
        for href in answer.changed {
            let entry = answer.multistatus[href]
            #expect(entry?.firstPropstatStatus == ok200, "\(href): first propstat must be 200")
            #expect(entry?.text(DAVNames.getcontenttype)?.hasPrefix("text/calendar") == true)
            #expect(entry?.text(DAVNames.getetag)?.isEmpty == false)
        }
    }

    func ctag(_ fixture: DAVFixture) async throws -> String? {
        let response = await fixture.propfind(Self.calendar, "<cs:getctag/>")
        return try ClientMultistatus(response)[Self.calendar]?.text(DAVNames.getctag)
    }

    @Test func discoveryWebdavSyncMultigetAndConditionalWrites() async throws {
        let fixture = DAVFixture()
        // Two events already there (added on the phone).
        await fixture.put(Self.calendar + "phone-1.ics", event(uid: "phone-1", summary: "Dentist"))
        await fixture.put(Self.calendar + "phone-2.ics", event(uid: "phone-2", summary: "Gym"))

        // checkPrincipalsNameSpace: the principal's home and addresses; scheduling URLs may be absent.
        let principal = try ClientMultistatus(
            await fixture.propfind(
                Self.principal,
                "<c:calendar-home-set/><c:calendar-user-address-set/><c:schedule-inbox-URL/><c:schedule-outbox-URL/>"
            ))
        let principalEntry = try #require(principal[Self.principal])
        #expect(principalEntry.firstPropstatStatus == ok200)
        #expect(principalEntry.found(DAVNames.calendarHomeSet)?.child(DAVNames.href)?.text == DAVFixture.home)
        #expect(principalEntry.status(of: XMLName(Namespaces.calDAV, "schedule-inbox-URL"))?.contains(" 404 ") == true)

        // checkServerCaps: OPTIONS, looking for calendar-access.
        let options = await fixture.request("OPTIONS", Self.calendar)
        #expect(options.status == 200)
        let classes = options.header("DAV")?.split(separator: ",").map { String(String($0).trimmingWhitespace()) } ?? []
        #expect(classes.contains("calendar-access"))
        #expect(classes.contains("1"))

        // checkDavResourceType: Depth 0 on the calendar.
        let resourceType = try ClientMultistatus(
            await fixture.propfind(
                Self.calendar,
                """
                <d:resourcetype/><d:owner/><d:current-user-principal/><d:current-user-privilege-set/>\
                <d:supported-report-set/><c:supported-calendar-component-set/><cs:getctag/><d:sync-token/>
                """))
        #expect(resourceType.entries.count == 1)
        let calendarEntry = try #require(resourceType[Self.calendar])
        #expect(calendarEntry.firstPropstatStatus == ok200)
        #expect(calendarEntry.propstats.count == 1, "every property asked is defined on a calendar")
        #expect(calendarEntry.found(DAVNames.resourcetype)?.child(DAVNames.calendar) != nil)
        #expect(calendarEntry.found(DAVNames.owner)?.child(DAVNames.href)?.text == Self.principal)
        #expect(calendarEntry.found(DAVNames.currentUserPrincipal)?.child(DAVNames.href)?.text == Self.principal)
        let reports = calendarEntry.found(DAVNames.supportedReportSet)?.descendants(DAVNames.report)
            .flatMap(\.children).map(\.name)
        #expect(reports?.contains(DAVNames.syncCollection) == true)
        #expect(reports?.contains(DAVNames.calendarMultiget) == true)
        let components = calendarEntry.found(DAVNames.supportedCalendarComponentSet)?.children(DAVNames.comp)
            .compactMap { $0.attributes[XMLName("", "name")] }
        #expect(components == ["VEVENT"])
        let firstCtag = try #require(calendarEntry.text(DAVNames.getctag))
        #expect(calendarEntry.text(DAVNames.syncToken)?.isEmpty == false)

        // First webdav sync: every member, fetchable, and a token.
        let initial = try await sync(fixture, nil)
        #expect(Set(initial.changed) == [Self.calendar + "phone-1.ics", Self.calendar + "phone-2.ics"])
        #expect(initial.removed.isEmpty && !initial.truncated)
        #expect(!initial.token.isEmpty)
        expectFetchable(initial)

        // The multiget of those hrefs (Thunderbird pops them from the end and sends them through
        // encodeURIComponent per segment, so "@" travels as "%40").
        let encoded = initial.changed.reversed().map { $0.replacingOccurrences(of: "@", with: "%40") }
        let fetched = try ClientMultistatus(
            await fixture.report(Self.calendar, Self.multigetBody(encoded)))
        #expect(fetched.hrefs == initial.changed.reversed())
        for href in initial.changed {
            let entry = try #require(fetched[href])
            #expect(entry.firstPropstatStatus == ok200)
            #expect(entry.text(DAVNames.getetag) == initial.multistatus[href]?.text(DAVNames.getetag))
            let data = try #require(entry.text(DAVNames.calendarDataType))
            #expect(data.contains("BEGIN:VCALENDAR") && data.contains("UID:phone-"))
        }

        // A new event: If-None-Match: *, named after its UID.
        let created = await fixture.put(
            Self.calendar + "tb-1.ics", event(uid: "tb-1", summary: "Review"), headers: [("If-None-Match", "*")])
        #expect(created.status == 201)
        let createdETag = try #require(created.header("ETag"))
        // The same add replayed (offline queue) must not overwrite.
        let replayed = await fixture.put(
            Self.calendar + "tb-1.ics", event(uid: "tb-1", summary: "Other"), headers: [("If-None-Match", "*")])
        #expect(replayed.status == 412)

        // An edit with If-Match, then a stale edit.
        let edited = await fixture.put(
            Self.calendar + "tb-1.ics", event(uid: "tb-1", summary: "Review (moved)"),
            headers: [("If-Match", createdETag)])
        #expect(edited.status == 204)
        let editedETag = try #require(edited.header("ETag"))
        #expect(editedETag != createdETag)
        let stale = await fixture.put(
            Self.calendar + "tb-1.ics", event(uid: "tb-1", summary: "Lost update"), headers: [("If-Match", createdETag)]
        )
        #expect(stale.status == 412)

        // Edit one of the phone's events, delete the other with If-Match.
        let phone1ETag = try #require(initial.multistatus[Self.calendar + "phone-1.ics"]?.text(DAVNames.getetag))
        let phone2ETag = try #require(initial.multistatus[Self.calendar + "phone-2.ics"]?.text(DAVNames.getetag))
        #expect(
            await fixture.put(
                Self.calendar + "phone-1.ics", event(uid: "phone-1", summary: "Dentist 11:00"),
                headers: [("If-Match", phone1ETag)]
            ).status == 204)
        #expect(
            await fixture.request("DELETE", Self.calendar + "phone-2.ics", headers: [("If-Match", "\"stale\"")]).status
                == 412)
        #expect(
            await fixture.request("DELETE", Self.calendar + "phone-2.ics", headers: [("If-Match", phone2ETag)]).status
                == 204)

        // The ctag moved; the incremental sync names exactly what changed, once each.
        let secondCtag = try await ctag(fixture)
        #expect(secondCtag != nil && secondCtag != firstCtag)
        let incremental = try await sync(fixture, initial.token)
        #expect(Set(incremental.changed) == [Self.calendar + "tb-1.ics", Self.calendar + "phone-1.ics"])
        #expect(incremental.removed == [Self.calendar + "phone-2.ics"])
        #expect(incremental.allMembers.count == Set(incremental.allMembers).count)
        #expect(incremental.token != initial.token)
        expectFetchable(incremental)
        #expect(incremental.multistatus[Self.calendar + "tb-1.ics"]?.text(DAVNames.getetag) == editedETag)

        // Nothing more to tell: same token back, no members.
        let quiet = try await sync(fixture, incremental.token)
        #expect(quiet.allMembers.isEmpty)
        #expect(quiet.token == incremental.token)
        #expect(try await ctag(fixture) == secondCtag)
    }

    /// Deleting an event and undoing it re-creates the same href; the next sync must report
    /// it once, as a changed member: RFC 6578 §3.5.2 reports a member as removed only when
    /// "it has not been remapped since then".
    @Test
    func undoneDeleteIsReportedOnceAsChanged() async throws {
        let fixture = DAVFixture()
        let body = event(uid: "undo-me", summary: "Lunch")
        let first = await fixture.put(Self.calendar + "undo-me.ics", body, headers: [("If-None-Match", "*")])
        let token = try await sync(fixture, nil).token

        let etag = try #require(first.header("ETag"))
        #expect(
            await fixture.request("DELETE", Self.calendar + "undo-me.ics", headers: [("If-Match", etag)]).status == 204)
        #expect(await fixture.put(Self.calendar + "undo-me.ics", body, headers: [("If-None-Match", "*")]).status == 201)

        let answer = try await sync(fixture, token)
        #expect(answer.removed.isEmpty, "a re-created member is not removed: \(answer.removed)")
        #expect(answer.changed == [Self.calendar + "undo-me.ics"])
    }

    /// Without webdav sync Thunderbird lists etags with a Depth 1 PROPFIND and tells the
    /// collection from its members by `<collection/>` in resourcetype.
    @Test func etagListingMarksTheCollection() async throws {
        let fixture = DAVFixture()
        await fixture.put(Self.calendar + "a.ics", event(uid: "a"))
        let listing = try ClientMultistatus(
            await fixture.propfind(Self.calendar, depth: "1", "<d:getcontenttype/><d:resourcetype/><d:getetag/>"))
        #expect(Set(listing.hrefs) == [Self.calendar, Self.calendar + "a.ics"])
        for entry in listing.entries {
            #expect(entry.firstPropstatStatus == ok200)
        }
        #expect(listing[Self.calendar]?.found(DAVNames.resourcetype)?.child(DAVNames.collection) != nil)
        let member = try #require(listing[Self.calendar + "a.ics"])
        #expect(member.found(DAVNames.resourcetype)?.child(DAVNames.collection) == nil)
        #expect(member.text(DAVNames.getcontenttype)?.hasPrefix("text/calendar") == true)
        #expect(member.text(DAVNames.getetag)?.hasPrefix("\"") == true)
    }

    /// Another client deletes the calendar and makes a new, empty one at the same URL. The token
    /// Thunderbird holds was issued for the old collection: RFC 6578 §3.2 (DAV:valid-sync-token)
    /// wants it refused, so Thunderbird resets and resyncs (it does so on any 4xx). Answering it
    /// as if nothing changed leaves the old events in Thunderbird for ever.
    @Test func tokenOfADeletedAndRecreatedCalendarDoesNotHideTheDeletion() async throws {
        let fixture = DAVFixture()
        let work = calendarPath("work")
        let mkcalendar = """
            <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>\
            <d:displayname>Work</d:displayname></d:prop></d:set></c:mkcalendar>
            """
        #expect(await fixture.request("MKCALENDAR", work, body: mkcalendar).status == 201)
        #expect(await fixture.put(work + "standup.ics", event(uid: "standup")).status == 201)
        let held = try SyncAnswer(
            await fixture.request("REPORT", work, headers: [("Depth", "1")], body: Self.syncBody(nil)),
            collection: work)
        #expect(held.changed == [work + "standup.ics"])

        #expect(await fixture.request("DELETE", work).status == 204)
        #expect(await fixture.request("MKCALENDAR", work, body: mkcalendar).status == 201)

        let response = await fixture.request("REPORT", work, headers: [("Depth", "1")], body: Self.syncBody(held.token))
        if response.status == 207 {
            let answer = try SyncAnswer(response, collection: work)
            #expect(answer.removed == [work + "standup.ics"], "the old event must be reported gone")
        } else {
            #expect(response.status == 403)
            #expect(try xml(response).child(.dav("valid-sync-token")) != nil)
        }
    }

    /// The calendar URL as users paste it into Thunderbird: "@" escaped, no trailing slash.
    @Test func calendarURLAsTypedByTheUser() async throws {
        let fixture = DAVFixture()
        await fixture.put(Self.calendar + "a.ics", event(uid: "a"))
        let typed = "/dav/calendars/demo%40example.test/calendar"
        let properties = try ClientMultistatus(await fixture.propfind(typed, "<d:resourcetype/><cs:getctag/>"))
        #expect(properties.entries.first?.found(DAVNames.resourcetype)?.child(DAVNames.calendar) != nil)
        let answer = try SyncAnswer(
            await fixture.request("REPORT", typed, headers: [("Depth", "1")], body: Self.syncBody(nil)),
            collection: Self.calendar)
        #expect(answer.changed == [Self.calendar + "a.ics"])
        #expect(await fixture.put(typed + "/b.ics", event(uid: "b"), headers: [("If-None-Match", "*")]).status == 201)
    }
}
