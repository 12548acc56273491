import DAVXML
import Testing

@testable import DAV

/// PUT, GET, DELETE with RFC 7232 conditions and RFC 4791 §5.3.2.1 preconditions.
struct PutTests {
    @Test func createReadReplaceDelete() async throws {
        let fixture = DAVFixture()
        let path = DAVFixture.calendar + "My%20Event.ics"
        let created = await fixture.put(path, event(uid: "e1"), headers: [("If-None-Match", "*")])
        #expect(created.status == 201)
        let etag = try #require(created.header("ETag"))
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))

        let got = await fixture.request("GET", path)
        #expect(got.status == 200)
        #expect(got.body == Array(event(uid: "e1").utf8))
        #expect(got.header("ETag") == etag)

        // If-None-Match: * on an existing resource fails and changes nothing.
        let again = await fixture.put(path, event(uid: "e1", summary: "Changed"), headers: [("If-None-Match", "*")])
        #expect(again.status == 412)
        #expect(await fixture.request("GET", path).body == Array(event(uid: "e1").utf8))

        let stale = await fixture.put(path, event(uid: "e1", summary: "Changed"), headers: [("If-Match", "\"0000\"")])
        #expect(stale.status == 412)
        let replaced = await fixture.put(path, event(uid: "e1", summary: "Changed"), headers: [("If-Match", etag)])
        #expect(replaced.status == 204)
        #expect(replaced.header("ETag") != etag)

        let anyMatch = await fixture.put(
            DAVFixture.calendar + "absent.ics", event(uid: "e2"), headers: [("If-Match", "*")])
        #expect(anyMatch.status == 412)

        #expect(await fixture.request("DELETE", path, headers: [("If-Match", etag)]).status == 412)
        #expect(await fixture.request("DELETE", path).status == 204)
        #expect(await fixture.request("GET", path).status == 404)
        #expect(try await fixture.itemCount() == 0)
    }

    @Test func resourceNameAndUIDAreNeverRewritten() async throws {
        let fixture = DAVFixture()
        let body = event(uid: "weird uid/with:chars")
        #expect(await fixture.put(DAVFixture.calendar + "client-chosen-name.ics", body).status == 201)
        let listing = try xml(await fixture.propfind(DAVFixture.calendar, depth: "1", "<d:getetag/>"))
        let hrefs = listing.descendants(DAVNames.href).map(\.text)
        #expect(hrefs.contains(DAVFixture.calendar + "client-chosen-name.ics"))
        #expect(await fixture.request("GET", DAVFixture.calendar + "client-chosen-name.ics").body == Array(body.utf8))
    }

    @Test(arguments: [
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "valid-calendar-object-resource"),
        ("this is not a calendar", "valid-calendar-data"),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261120T100000Z\r\n",
            "valid-calendar-data"
        ),
    ])
    func invalidDataIsRefusedAndNothingStored(body: String, condition: String) async throws {
        let fixture = DAVFixture()
        let response = await fixture.put(DAVFixture.calendar + "bad.ics", body)
        #expect(response.status == 403)
        let error = try xml(response)
        #expect(
            error.children.contains { $0.name.local == condition }, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(try await fixture.itemCount() == 0)
    }

    @Test func twoUIDsOrMixedComponentsAreNotOneObject() async throws {
        let fixture = DAVFixture()
        let twoUIDs = event(uid: "a").replacingOccurrences(
            of: "END:VCALENDAR",
            with:
                "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261121T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR"
        )
        let response = await fixture.put(DAVFixture.calendar + "two.ics", twoUIDs)
        #expect(response.status == 403)
        #expect(try xml(response).child(XMLName(Namespaces.calDAV, "valid-calendar-object-resource")) != nil)
        #expect(try await fixture.itemCount() == 0)
    }

    @Test func uidConflictNamesTheHolder() async throws {
        let fixture = DAVFixture()
        #expect(await fixture.put(DAVFixture.calendar + "first.ics", event(uid: "same")).status == 201)
        let response = await fixture.put(DAVFixture.calendar + "second.ics", event(uid: "same"))
        #expect(response.status == 403)
        let conflict = try #require(try xml(response).child(XMLName(Namespaces.calDAV, "no-uid-conflict")))
        #expect(conflict.child(DAVNames.href)?.text == DAVFixture.calendar + "first.ics")
        #expect(try await fixture.itemCount() == 1)
    }

    @Test func componentTheCalendarDoesNotHoldIsRefused() async throws {
        let fixture = DAVFixture()
        let response = await fixture.put(DAVFixture.calendar + "task.ics", todo(uid: "t1"))
        #expect(response.status == 403)
        #expect(try xml(response).child(XMLName(Namespaces.calDAV, "supported-calendar-component")) != nil)
        #expect(await fixture.put(DAVFixture.home + "tasks/task.ics", todo(uid: "t1")).status == 201)
    }

    @Test func wrongMediaTypeAndOversizeAreRefused() async throws {
        var limits = DAVLimits()
        limits.maximumResourceSize = 300
        let fixture = DAVFixture(limits: limits)
        let wrongType = await fixture.request(
            "PUT", DAVFixture.calendar + "a.ics", headers: [("Content-Type", "text/vcard")], body: event(uid: "a"))
        #expect(wrongType.status == 403)
        #expect(try xml(wrongType).child(XMLName(Namespaces.calDAV, "supported-calendar-data")) != nil)
        let big = await fixture.put(
            DAVFixture.calendar + "big.ics",
            event(uid: "big", extra: ["DESCRIPTION:" + String(repeating: "x", count: 400)]))
        #expect(big.status == 403)
        #expect(try xml(big).child(XMLName(Namespaces.calDAV, "max-resource-size")) != nil)
        #expect(try await fixture.itemCount() == 0)
    }

    @Test func quotaExceededIs507AndNothingIsWritten() async throws {
        let fixture = DAVFixture(quotaBytes: 500)
        #expect(await fixture.put(DAVFixture.calendar + "small.ics", event(uid: "s")).status == 201)
        let response = await fixture.put(
            DAVFixture.calendar + "large.ics",
            event(uid: "l", extra: ["DESCRIPTION:" + String(repeating: "y", count: 300)]))
        #expect(response.status == 507)
        #expect(try xml(response).child(.dav("quota-not-exceeded")) != nil)
        #expect(try await fixture.itemCount() == 1)
        let quota = try xml(
            await fixture.propfind(DAVFixture.calendar, "<d:quota-used-bytes/><d:quota-available-bytes/>"))
        let used = try #require(Int(quota.descendants(DAVNames.quotaUsedBytes).first?.text ?? ""))
        let available = try #require(Int(quota.descendants(DAVNames.quotaAvailableBytes).first?.text ?? ""))
        #expect(used == event(uid: "s").utf8.count)
        #expect(used + available == 500)
    }

    @Test func putOutsideACalendarIsRefused() async throws {
        let fixture = DAVFixture()
        #expect(await fixture.put(DAVFixture.home + "x.ics", event(uid: "x")).status == 405)
        #expect(await fixture.put(DAVFixture.home + "nope/x.ics", event(uid: "x")).status == 409)
    }
}
