import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/autodiscover/autodiscover.xml` as Outlook and phones call it.
struct AutodiscoverRouteTests {
    static let mobileSync = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"
    static let outlook = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"

    /// The body iOS Mail sends (mobilesync request schema) or Outlook sends (outlook request schema).
    static func body(_ address: String, schema: String = mobileSync, namespace: String = "mobilesync") -> ByteBuffer {
        ByteBuffer(
            string: """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/\(namespace)/requestschema/2006">
                <Request><EMailAddress>\(address)</EMailAddress>
                <AcceptableResponseSchema>\(schema)</AcceptableResponseSchema></Request></Autodiscover>
                """)
    }

    static func xml(_ headers: HTTPFields) -> HTTPFields {
        var headers = headers
        headers[.contentType] = "text/xml"
        return headers
    }

    @Test func iOSRequestGetsTheActiveSyncURL() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post,
                    headers: Self.xml(basicAuth("demo@example.test")), body: Self.body("demo@example.test"))
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/xml; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(text.contains(#"<Response xmlns="\#(Self.mobileSync)">"#))
                #expect(text.contains("<Type>MobileSync</Type>"))
                #expect(text.contains("<Url>http://localhost/Microsoft-Server-ActiveSync</Url>"))
                #expect(text.contains("<DisplayName>Demo User</DisplayName>"))
                #expect(!text.contains("<Error>"))
            }
        }
    }

    @Test func outlookRequestGetsAnOutlookAnswer() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post,
                    headers: Self.xml(basicAuth("demo@example.test")),
                    body: Self.body("Demo@Example.test", schema: Self.outlook, namespace: "outlook"))
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"<Response xmlns="\#(Self.outlook)">"#))
                #expect(text.contains("<AccountType>email</AccountType>"))
                #expect(text.contains("<Action>settings</Action>"))
                #expect(text.contains("<Server>http://localhost/Microsoft-Server-ActiveSync</Server>"))
                #expect(text.contains("<LoginName>demo@example.test</LoginName>"))
            }
        }
    }

    @Test(arguments: [HTTPRequest.Method.post, .get])
    func noCredentialsIsChallenged(method: HTTPRequest.Method) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: method,
                    body: method == .post ? Self.body("demo@example.test") : nil)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Basic realm=\"Almanac\", charset=\"UTF-8\"")
                let wrong = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: method,
                    headers: basicAuth("demo@example.test", "Wrong-Password-1"))
                #expect(wrong.status == .unauthorized)
            }
        }
    }

    @Test func anotherMailboxGetsTheErrorAnswer() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post,
                    headers: Self.xml(basicAuth("demo@example.test")), body: Self.body("basic@example.test"))
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("<ErrorCode>500</ErrorCode>"))
                #expect(!text.contains("Microsoft-Server-ActiveSync"))
            }
        }
    }

    /// The plan gate covers sync paths only; Autodiscover answers a Basic mailbox in its own error format.
    @Test(arguments: [(mobileSync, "mobilesync"), (outlook, "outlook")])
    func basicPlanGetsAnErrorAnswerNotTheURL(schema: String, namespace: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post,
                    headers: Self.xml(basicAuth("basic@example.test")),
                    body: Self.body("basic@example.test", schema: schema, namespace: namespace))
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"<Response xmlns="\#(schema)">"#))
                #expect(text.contains("<ErrorCode>501</ErrorCode>"))
                #expect(text.contains("is on the Basic plan"))
                #expect(!text.contains("Microsoft-Server-ActiveSync"))
            }
        }
    }

    @Test(arguments: [
        "<Autodiscover><Request>", "not xml", "<html><body>hello</body></html>",
        #"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#,
    ])
    func malformedBodyGetsError600(body: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post,
                    headers: Self.xml(basicAuth("demo@example.test")), body: ByteBuffer(string: body))
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("<ErrorCode>600</ErrorCode>"))
                #expect(text.contains("<Message>Invalid Request</Message>"))
            }
        }
    }

    /// Clients probe with GET: an authenticated probe gets the Invalid Request answer, as from Exchange.
    @Test func getProbeGetsError600() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .get, headers: basicAuth("demo@example.test"))
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<ErrorCode>600</ErrorCode>"))
            }
        }
    }

    @Test func oversizedBodyIsRefused() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let padding = String(repeating: "<!-- padding -->", count: 2048)
                let response = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post,
                    headers: Self.xml(basicAuth("demo@example.test")),
                    body: ByteBuffer(string: String(buffer: Self.body("demo@example.test")) + padding))
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test(arguments: [
        "/Autodiscover/Autodiscover.xml", "/AUTODISCOVER/AUTODISCOVER.XML", "/autodiscover/AutoDiscover.xml",
        "/autodiscover/autodiscover.xml?Email=demo%40example.test",
    ])
    func pathIsMatchedInAnyCase(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: path, method: .post, headers: Self.xml(basicAuth("demo@example.test")),
                    body: Self.body("demo@example.test"))
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<Type>MobileSync</Type>"))
            }
        }
    }

    @Test func otherPathsAndMethodsAreNotAutodiscover() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let put = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .put, headers: basicAuth("demo@example.test"))
                #expect(put.status == .methodNotAllowed)
                #expect(put.headers[.allow] == "GET, POST")
                let near = try await client.execute(
                    uri: "/autodiscover/autodiscover.xmlx", method: .post, headers: basicAuth("demo@example.test"),
                    body: Self.body("demo@example.test"))
                #expect(near.status == .notFound)
            }
        }
    }

    /// A request to `DOMAIN--with-dashes.w.BASE` is answered with URLs on that host, whatever `public-host` says;
    /// any other host gets `public-host`.
    @Test func urlsFollowTheMappedHostThenPublicHost() async throws {
        try await Fixture.with { fixture in
            var fixture = fixture
            fixture.configuration.publicBaseDomain = "almanac.example.net"
            fixture.configuration.publicHost = "mail.example.com"
            try await fixture.application().test(.router) { client in
                var mapped = Self.xml(basicAuth("demo@example.test"))
                mapped[HTTPField.Name("Host")!] = "Example--Test.w.almanac.example.net"
                let onMapped = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post, headers: mapped,
                    body: Self.body("demo@example.test"))
                #expect(
                    String(buffer: onMapped.body).contains(
                        "<Url>http://example--test.w.almanac.example.net/Microsoft-Server-ActiveSync</Url>"))
                var other = Self.xml(basicAuth("demo@example.test"))
                other[HTTPField.Name("Host")!] = "evil.example.org"
                let onOther = try await client.execute(
                    uri: "/autodiscover/autodiscover.xml", method: .post, headers: other,
                    body: Self.body("demo@example.test"))
                #expect(
                    String(buffer: onOther.body).contains(
                        "<Url>http://mail.example.com:8080/Microsoft-Server-ActiveSync</Url>"))
            }
        }
    }
}
