import DAVXML
import Testing

@testable import DAV

/// sync-collection (RFC 6578) as Thunderbird, eM Client and DAVx5 use it.
struct SyncCollectionTests {
    static func sync(_ token: String, limit: Int? = nil) -> String {
        let limitElement = limit.map { "<d:limit><d:nresults>\($0)</d:nresults></d:limit>" } ?? ""
        return """
            <d:sync-collection xmlns:d="DAV:"><d:sync-token>\(token)</d:sync-token>\(limitElement)
            <d:prop><d:getetag/></d:prop></d:sync-collection>
            """
    }

    struct Answer {
        let changed: [String]
        let removed: [String]
        let truncated: Bool
        let token: String
    }

    func sync(_ fixture: DAVFixture, _ token: String, limit: Int? = nil, depth: String = "1") async throws -> Answer {
        let response = await fixture.report(DAVFixture.calendar, depth: depth, Self.sync(token, limit: limit))
        #expect(response.status == 207)
        let body = try xml(response)
        var changed: [String] = []
        var removed: [String] = []
        var truncated = false
        for response in body.children(DAVNames.response) {
            let href = response.child(DAVNames.href)?.text ?? ""
            switch response.child(DAVNames.status)?.text {
            case "HTTP/1.1 404 Not Found": removed.append(href)
            case "HTTP/1.1 507 Insufficient Storage": truncated = true
            default: changed.append(href)
            }
        }
        return Answer(
            changed: changed.sorted(), removed: removed.sorted(), truncated: truncated,
            token: body.child(DAVNames.syncToken)?.text ?? "")
    }

    @Test func initialThenIncrementalWithTombstones() async throws {
        let fixture = DAVFixture()
        for name in ["a", "b", "c"] { await fixture.put(DAVFixture.calendar + "\(name).ics", event(uid: name)) }
        let first = try await sync(fixture, "")
        #expect(first.changed == ["a", "b", "c"].map { DAVFixture.calendar + "\($0).ics" })
        #expect(first.token.hasPrefix("urn:x-almanac:sync:"))
        let property = try xml(await fixture.propfind(DAVFixture.calendar, "<d:sync-token/>"))
        #expect(property.descendants(DAVNames.syncToken).first?.text == first.token)

        let unchanged = try await sync(fixture, first.token, depth: "0")
        #expect(unchanged.changed.isEmpty && unchanged.removed.isEmpty)

        await fixture.put(DAVFixture.calendar + "b.ics", event(uid: "b", summary: "Changed"))
        #expect(await fixture.request("DELETE", DAVFixture.calendar + "c.ics").status == 204)
        await fixture.put(DAVFixture.calendar + "d.ics", event(uid: "d"))
        let second = try await sync(fixture, first.token)
        #expect(second.changed == [DAVFixture.calendar + "b.ics", DAVFixture.calendar + "d.ics"])
        #expect(second.removed == [DAVFixture.calendar + "c.ics"])
        let third = try await sync(fixture, second.token)
        #expect(third.changed.isEmpty && third.removed.isEmpty)
    }

    @Test func limitTruncatesWith507AndLosesNothing() async throws {
        let fixture = DAVFixture()
        for index in 0..<5 { await fixture.put(DAVFixture.calendar + "\(index).ics", event(uid: "u\(index)")) }
        var seen: [String] = []
        var answer = try await sync(fixture, "", limit: 2)
        #expect(answer.truncated)
        seen += answer.changed
        var rounds = 0
        while answer.truncated && rounds < 10 {
            answer = try await sync(fixture, answer.token, limit: 2)
            seen += answer.changed
            rounds += 1
        }
        #expect(Set(seen) == Set((0..<5).map { DAVFixture.calendar + "\($0).ics" }))
        #expect(!answer.truncated)
    }

    @Test(arguments: [
        "urn:x-almanac:sync:00000000-0000-0000-0000-000000000000:1", "http://example.com/other-server/5", "garbage",
    ])
    func foreignOrUnknownTokensAreRefused(token: String) async throws {
        let fixture = DAVFixture()
        await fixture.put(DAVFixture.calendar + "a.ics", event(uid: "a"))
        let response = await fixture.report(DAVFixture.calendar, Self.sync(token))
        #expect(response.status == 403)
        #expect(try xml(response).child(.dav("valid-sync-token")) != nil)
    }
}
