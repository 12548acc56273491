import AlmanacServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// How the HTTP front hands requests to CalDAV: the DAV paths, the bare host
/// and the well-known redirect (RFC 6764).
struct DAVRoutingTests {
    static let propfind = ByteBuffer(
        string: "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:current-user-principal/></d:prop></d:propfind>")

    @Test(arguments: ["/.well-known/caldav", "/.well-known/carddav", "/.well-known/CardDAV/"])
    func wellKnownRedirectsToTheDAVRootKeepingTheMethod(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let get = try await client.execute(uri: path, method: .get, headers: basicAuth("demo@example.test"))
                #expect(get.status == .movedPermanently)
                #expect(get.headers[.location] == "/dav/")
                let propfind = try await client.execute(
                    uri: path, method: HTTPRequest.Method("PROPFIND")!,
                    headers: basicAuth("demo@example.test"), body: Self.propfind)
                #expect(propfind.status == .permanentRedirect)
                #expect(propfind.headers[.location] == "/dav/")
            }
        }
    }

    @Test func bareHostAnswersDiscoveryForEnhancedOnly() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                var headers = basicAuth("demo@example.test")
                headers[HTTPField.Name("Depth")!] = "0"
                let enhanced = try await client.execute(
                    uri: "/", method: HTTPRequest.Method("PROPFIND")!, headers: headers, body: Self.propfind)
                #expect(enhanced.status.code == 207)
                #expect(String(buffer: enhanced.body).contains("/dav/principals/demo@example.test/"))
                let basic = try await client.execute(
                    uri: "/", method: HTTPRequest.Method("PROPFIND")!, headers: basicAuth("basic@example.test"),
                    body: Self.propfind)
                #expect(basic.status == .forbidden)
                #expect(String(buffer: basic.body).contains("needs an Enhanced mailbox"))
                let anonymous = try await client.execute(
                    uri: "/", method: HTTPRequest.Method("PROPFIND")!, body: Self.propfind)
                #expect(anonymous.status == .unauthorized)
            }
        }
    }

    @Test func putAndGetThroughTheFront() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let ics = """
                    BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:front-1\r\n\
                    DTSTAMP:20261101T000000Z\r\nDTSTART:20261120T100000Z\r\nDTEND:20261120T110000Z\r\n\
                    SUMMARY:Through the front\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
                    """
                var headers = basicAuth("demo@example.test")
                headers[.contentType] = "text/calendar"
                let path = "/dav/calendars/demo@example.test/calendar/front-1.ics"
                let put = try await client.execute(
                    uri: path, method: .put, headers: headers, body: ByteBuffer(string: ics))
                #expect(put.status == .created)
                let etag = try #require(put.headers[.eTag])
                let get = try await client.execute(uri: path, method: .get, headers: basicAuth("demo@example.test"))
                #expect(get.status == .ok)
                #expect(String(buffer: get.body) == ics)
                #expect(get.headers[.eTag] == etag)
                let head = try await client.execute(uri: path, method: .head, headers: basicAuth("demo@example.test"))
                #expect(head.status == .ok)
                #expect(head.headers[.contentLength] == String(ics.utf8.count))
            }
        }
    }
}
