import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

struct AuthenticationTests {
    @Test func healthNeedsNoCredentials() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(uri: "/healthz", method: .get)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"status\":\"ok\""))
            }
        }
    }

    @Test(arguments: ["demo@example.test", "DEMO@Example.Test", "EXAMPLE\\demo", "example.test\\demo"])
    func loginFormsPhonesSend(login: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(uri: "/healthz", method: .get, headers: basicAuth(login))
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("\"user\":\"demo@example.test\""))
                #expect(body.contains("\"plan\":\"enhanced\""))
            }
        }
    }

    @Test(arguments: [
        "Bearer abc", "Basic", "Basic !!!notbase64", "Basic " + Data("nocolon".utf8).base64EncodedString(),
    ])
    func malformedAuthorizationIsUnauthorized(header: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                var headers = HTTPFields()
                headers[.authorization] = header
                let response = try await client.execute(uri: "/healthz", method: .get, headers: headers)
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func eleventhQuickWrongPasswordIsThrottled() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                for attempt in 1...10 {
                    let response = try await client.execute(
                        uri: "/dav/", method: .get, headers: basicAuth("demo@example.test", "Wrong-\(attempt)x"))
                    #expect(response.status == .unauthorized, "attempt \(attempt)")
                }
                let eleventh = try await client.execute(
                    uri: "/dav/", method: .get, headers: basicAuth("demo@example.test", "Wrong-11x"))
                #expect(eleventh.status == .tooManyRequests)
                let retryAfter = try #require(eleventh.headers[.retryAfter].flatMap { Int($0) })
                #expect(retryAfter > 0 && retryAfter <= 15 * 60)
                // While locked, even the right password from this client is refused.
                let right = try await client.execute(
                    uri: "/healthz", method: .get, headers: basicAuth("demo@example.test"))
                #expect(right.status == .tooManyRequests)
                // Another user from the same client is not locked.
                let other = try await client.execute(
                    uri: "/healthz", method: .get, headers: basicAuth("basic@example.test"))
                #expect(other.status == .ok)
            }
        }
    }

    @Test func basicCredentialsParsing() {
        let encoded = Data("a@b.c:pa:ss wörd".utf8).base64EncodedString()
        #expect(BasicCredentials(authorization: "Basic \(encoded)") == .init(login: "a@b.c", password: "pa:ss wörd"))
        #expect(BasicCredentials(authorization: "basic \(encoded)") != nil)
        #expect(BasicCredentials(authorization: "Basic " + Data(":pw".utf8).base64EncodedString()) == nil)
        let huge = "Basic " + String(repeating: "A", count: BasicCredentials.maximumHeaderLength)
        #expect(BasicCredentials(authorization: huge) == nil)
    }

    @Test func oversizedBodyIsRefusedBeforeReading() async throws {
        var fixture = try await Fixture()
        fixture.configuration.maxBodySize = 1024
        let app = fixture.application()
        try await app.test(.router) { client in
            var headers = basicAuth("demo@example.test")
            headers[.contentLength] = "2048"
            let response = try await client.execute(
                uri: "/account/password", method: .post, headers: headers,
                body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 2048))
            #expect(response.status == .contentTooLarge)
        }
        await fixture.tearDown()
    }
}
