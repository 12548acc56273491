import DAVXML
import Foundation
import Testing

@testable import DAV

/// DAVx5 (bitfireAT/davx5-ose over dav4jvm): OPTIONS on the principal to see
/// calendar-access, the home with Depth 1 (privileges decide read-only,
/// the component set decides calendar or task list), then sync-collection
/// from dav4jvm's `reportChanges`: `Depth: 0`, a default `DAV:` namespace,
/// `<sync-token/>` when it has none, `<sync-level>1</sync-level>`, an
/// optional `<limit><nresults>`, getetag. A 507 on the collection's own
/// href means "more to come": DAVx5 saves the token and asks again.
struct DAVx5SequenceTests {
    static let principal = "/dav/principals/demo@example.test/"
    static let tasks = calendarPath("tasks")

    static func reportChanges(_ token: String?, limit: Int?) -> String {
        let tokenElement = token.map { "<sync-token>\($0)</sync-token>" } ?? "<sync-token />"
        let limitElement = limit.map { "<limit><nresults>\($0)</nresults></limit>" } ?? ""
        return """
            <?xml version='1.0' encoding='UTF-8' ?><sync-collection xmlns="DAV:">\(tokenElement)\
            <sync-level>1</sync-level>\(limitElement)<prop><getetag /></prop></sync-collection>
            """
    }

    func reportChanges(_ fixture: DAVFixture, _ collection: String, _ token: String?, limit: Int? = nil) async throws
        -> SyncAnswer
    {
        let response = await fixture.request(
            "REPORT", collection, headers: [("Depth", "0"), ("Content-Type", "application/xml; charset=utf-8")],
            body: Self.reportChanges(token, limit: limit))
        return try SyncAnswer(response, collection: collection)
    }

    /// Pages through a sync until the collection is no longer answered 507; returns what was
    /// reported (in order), removals, the number of requests and the final token.
    func syncUntilComplete(_ fixture: DAVFixture, _ collection: String, from token: String?, limit: Int) async throws
        -> (changed: [String], removed: [String], rounds: Int, token: String)
    {
        var token = token
        var changed: [String] = []
        var removed: [String] = []
        var rounds = 0
        while rounds < 50 {
            let answer = try await reportChanges(fixture, collection, token, limit: limit)
            rounds += 1
            #expect(answer.allMembers.count <= limit, "nresults \(limit) answered with \(answer.allMembers.count)")
            changed += answer.changed
            removed += answer.removed
            #expect(!answer.token.isEmpty)
            token = answer.token
            if !answer.truncated { break }
        }
        return (changed, removed, rounds, token ?? "")
    }

    func task(uid: String, summary: String, due: String) -> String {
        ics([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ximian//NONSGML Evolution Calendar//EN",
            "BEGIN:VTODO", "UID:\(uid)", "DTSTAMP:20261101T000000Z", "CREATED:20261101T000000Z",
            "SUMMARY:\(summary)", "DUE;VALUE=DATE:\(due)", "STATUS:NEEDS-ACTION", "PRIORITY:5",
            "END:VTODO", "END:VCALENDAR",
        ])
    }

    @Test func serviceDetectionAndCollectionList() async throws {
        let fixture = DAVFixture()
        let options = await fixture.request("OPTIONS", Self.principal)
        #expect(options.status == 200)
        let classes = Set(
            options.header("DAV")?.split(separator: ",").map { String(String($0).trimmingWhitespace()) } ?? [])
        #expect(classes.contains("calendar-access"))

        let home = try ClientMultistatus(
            await fixture.propfind(
                DAVFixture.home, depth: "1",
                """
                <d:resourcetype/><d:displayname/><d:owner/><d:current-user-privilege-set/>\
                <c:calendar-description/><a:calendar-color/><c:calendar-timezone/>\
                <c:supported-calendar-component-set/><d:sync-token/><cs:getctag/><cs:source/>
                """))
        for entry in home.entries {
            #expect(entry.firstPropstatStatus == ok200, "\(entry.href): first propstat must be 200")
        }
        for path in [DAVFixture.calendar, Self.tasks] {
            let entry = try #require(home[path])
            let privileges = Set(
                entry.found(DAVNames.currentUserPrivilegeSet)?.descendants(DAVNames.privilege).flatMap(\.children)
                    .map(\.name) ?? [])
            // DAVx5 marks a collection read-only unless write (or write-content, bind, unbind) is granted.
            #expect(privileges.contains(.dav("write")))
            #expect(privileges.isSuperset(of: [.dav("write-content"), .dav("bind"), .dav("unbind")]))
            #expect(entry.text(DAVNames.syncToken)?.isEmpty == false)
        }
        let tasksComponents = home[Self.tasks]?.found(DAVNames.supportedCalendarComponentSet)?.children(DAVNames.comp)
            .compactMap { $0.attributes[XMLName("", "name")] }
        #expect(tasksComponents == ["VTODO"])
        // The home itself has no sync-token: DAVx5 syncs collections, not the home.
        #expect(home[DAVFixture.home]?.status(of: DAVNames.syncToken)?.contains(" 404 ") == true)
    }

    @Test func pagedSyncThroughTruncationLosesNothing() async throws {
        let fixture = DAVFixture()
        let names = (1...7).map { "event-\($0).ics" }
        for (index, name) in names.enumerated() {
            await fixture.put(DAVFixture.calendar + name, event(uid: "e\(index)"))
        }
        let first = try await syncUntilComplete(fixture, DAVFixture.calendar, from: nil, limit: 3)
        #expect(first.rounds == 3)
        #expect(Set(first.changed) == Set(names.map { DAVFixture.calendar + $0 }))
        #expect(first.changed.count == names.count, "each member once over the pages: \(first.changed)")
        #expect(first.removed.isEmpty)

        // Changes after the last page: an edit, a delete, two new ones; paged by two.
        await fixture.put(DAVFixture.calendar + "event-2.ics", event(uid: "e1", summary: "Edited"))
        #expect(await fixture.request("DELETE", DAVFixture.calendar + "event-5.ics").status == 204)
        await fixture.put(DAVFixture.calendar + "event-8.ics", event(uid: "e8"))
        await fixture.put(DAVFixture.calendar + "event-9.ics", event(uid: "e9"))
        let second = try await syncUntilComplete(fixture, DAVFixture.calendar, from: first.token, limit: 2)
        #expect(second.rounds == 2)
        #expect(
            Set(second.changed) == Set(["event-2.ics", "event-8.ics", "event-9.ics"].map { DAVFixture.calendar + $0 }))
        #expect(second.removed == [DAVFixture.calendar + "event-5.ics"])

        // Complete: the next request is empty and not truncated.
        let quiet = try await reportChanges(fixture, DAVFixture.calendar, second.token, limit: 2)
        #expect(quiet.allMembers.isEmpty && !quiet.truncated)
    }

    /// A change that lands while DAVx5 is between pages is picked up by a later page.
    @Test func changeBetweenPagesIsNotLost() async throws {
        let fixture = DAVFixture()
        for index in 0..<4 { await fixture.put(DAVFixture.calendar + "\(index).ics", event(uid: "u\(index)")) }
        let page1 = try await reportChanges(fixture, DAVFixture.calendar, nil, limit: 2)
        #expect(page1.truncated)
        // Someone edits an event DAVx5 already has, and adds one.
        await fixture.put(DAVFixture.calendar + "0.ics", event(uid: "u0", summary: "Edited meanwhile"))
        await fixture.put(DAVFixture.calendar + "new.ics", event(uid: "new"))
        let rest = try await syncUntilComplete(fixture, DAVFixture.calendar, from: page1.token, limit: 2)
        let seen = Set(page1.changed + rest.changed)
        #expect(seen == Set(["0.ics", "1.ics", "2.ics", "3.ics", "new.ics"].map { DAVFixture.calendar + $0 }))
        #expect(rest.changed.contains(DAVFixture.calendar + "0.ics"), "the edit after page 1 must be reported")
    }

    @Test func tasksSyncInTheTaskList() async throws {
        let fixture = DAVFixture()
        let initial = try await reportChanges(fixture, Self.tasks, nil)
        #expect(initial.allMembers.isEmpty && !initial.token.isEmpty)

        // jtx Board / tasks.org through DAVx5: new task, If-None-Match.
        let href = Self.tasks + "3f1c2d4e-task.ics"
        let created = await fixture.request(
            "PUT", href, headers: [("If-None-Match", "*"), ("Content-Type", "text/calendar; charset=utf-8")],
            body: task(uid: "3f1c2d4e-task", summary: "Buy milk", due: "20261121"))
        #expect(created.status == 201)
        let etag = try #require(created.header("ETag"))
        // An event has no place in the task list.
        let wrong = await fixture.put(Self.tasks + "event.ics", event(uid: "not-a-task"))
        #expect(wrong.status == 403)

        let afterCreate = try await reportChanges(fixture, Self.tasks, initial.token)
        #expect(afterCreate.changed == [href])
        #expect(afterCreate.multistatus[href]?.text(DAVNames.getetag) == etag)

        // Completed on the phone: If-Match update.
        let done = task(uid: "3f1c2d4e-task", summary: "Buy milk", due: "20261121").replacingOccurrences(
            of: "STATUS:NEEDS-ACTION", with: "STATUS:COMPLETED\r\nCOMPLETED:20261120T180000Z\r\nPERCENT-COMPLETE:100")
        let updated = await fixture.request(
            "PUT", href, headers: [("If-Match", etag), ("Content-Type", "text/calendar; charset=utf-8")], body: done)
        #expect(updated.status == 204)

        // DAVx5 downloads by multiget.
        let afterUpdate = try await reportChanges(fixture, Self.tasks, afterCreate.token)
        #expect(afterUpdate.changed == [href])
        let multiget = try ClientMultistatus(
            await fixture.report(
                Self.tasks,
                """
                <?xml version='1.0' encoding='UTF-8' ?><CAL:calendar-multiget xmlns="DAV:" \
                xmlns:CAL="urn:ietf:params:xml:ns:caldav"><prop><getetag /><CAL:calendar-data /></prop>\
                <href>\(href)</href></CAL:calendar-multiget>
                """))
        #expect(multiget[href]?.text(DAVNames.calendarDataType)?.contains("STATUS:COMPLETED") == true)

        // The events calendar did not change.
        let eventsToken = try await reportChanges(fixture, DAVFixture.calendar, nil).token
        #expect(try await reportChanges(fixture, DAVFixture.calendar, eventsToken).allMembers.isEmpty)

        // Deleted on the phone.
        let currentETag = try #require(updated.header("ETag"))
        #expect(await fixture.request("DELETE", href, headers: [("If-Match", currentETag)]).status == 204)
        let afterDelete = try await reportChanges(fixture, Self.tasks, afterUpdate.token)
        #expect(afterDelete.removed == [href] && afterDelete.changed.isEmpty)
    }
}
