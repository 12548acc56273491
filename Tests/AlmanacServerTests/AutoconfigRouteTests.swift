import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Thunderbird's autoconfig file, fetched without credentials.
struct AutoconfigRouteTests {
    static let paths = ["/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"]

    @Test(arguments: paths)
    func knownDomainGetsTheFileWithoutCredentials(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(uri: path + "?emailaddress=demo%40example.test", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/xml; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(text.contains(#"<clientConfig version="1.1">"#))
                #expect(text.contains(#"<emailProvider id="example.test">"#))
                #expect(text.contains(#"<addressBook type="carddav">"#))
                #expect(text.contains("<serverURL>http://localhost/carddav</serverURL>"))
                #expect(text.contains(#"<calendar type="caldav">"#))
                #expect(text.contains("<serverURL>http://localhost/caldav</serverURL>"))
                #expect(text.contains("<username>%EMAILADDRESS%</username>"))
                #expect(text.contains("<authentication>http-basic</authentication>"))
                #expect(!text.contains("demo@"))
            }
        }
    }

    /// The answer for a domain is the same whether the address exists, is Basic, or is made up.
    @Test func answerDoesNotRevealWhetherAUserExists() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                var bodies: [String] = []
                for address in ["demo%40example.test", "basic%40example.test", "nobody%40example.test"] {
                    let response = try await client.execute(
                        uri: "/mail/config-v1.1.xml?emailaddress=" + address, method: .get)
                    #expect(response.status == .ok)
                    bodies.append(String(buffer: response.body))
                }
                #expect(Set(bodies).count == 1)
            }
        }
    }

    @Test(arguments: paths)
    func unknownDomainIsNotFound(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                for query in ["?emailaddress=alice%40example.org", "?emailaddress=not-an-address", ""] {
                    let response = try await client.execute(uri: path + query, method: .get)
                    #expect(response.status == .notFound, "\(path)\(query)")
                    #expect(!String(buffer: response.body).contains("clientConfig"))
                }
            }
        }
    }

    @Test func autoconfigHostNamesTheDomain() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                var headers = HTTPFields()
                headers[HTTPField.Name("Host")!] = "autoconfig.example.test"
                let response = try await client.execute(uri: "/mail/config-v1.1.xml", method: .get, headers: headers)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<domain>example.test</domain>"))
            }
        }
    }

    /// `example--test.w.BASE` names `example.test` when the base is configured, and its URLs are on that host.
    @Test func mappedHostNamesTheDomain() async throws {
        let headers = HTTPFields([
            HTTPField(name: HTTPField.Name("Host")!, value: "example--test.w.almanac.example.net")
        ])
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let unconfigured = try await client.execute(
                    uri: "/.well-known/autoconfig/mail/config-v1.1.xml", method: .get, headers: headers)
                #expect(unconfigured.status == .notFound)
            }
            var fixture = fixture
            fixture.configuration.publicBaseDomain = "almanac.example.net"
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/.well-known/autoconfig/mail/config-v1.1.xml", method: .get, headers: headers)
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("<domain>example.test</domain>"))
                #expect(text.contains("<serverURL>http://example--test.w.almanac.example.net/caldav</serverURL>"))
                #expect(text.contains("<hostname>example--test.w.almanac.example.net</hostname>"))
            }
        }
    }
}
