import AlmanacServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

struct AccountTests {
    @Test func accountPageShowsPlanAndURLs() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let enhanced = try await client.execute(
                    uri: "/account", method: .get, headers: basicAuth("demo@example.test"))
                #expect(enhanced.status == .ok)
                let text = String(buffer: enhanced.body)
                #expect(text.contains("demo@example.test"))
                #expect(text.contains("Enhanced"))
                #expect(text.contains("Storage:      0 bytes used of 25 GB"))
                #expect(text.contains("/Microsoft-Server-ActiveSync"))
                #expect(text.contains("/caldav"))
                let basic = try await client.execute(
                    uri: "/account", method: .get, headers: basicAuth("basic@example.test"))
                #expect(String(buffer: basic.body).contains("needs an Enhanced mailbox"))
                let anonymous = try await client.execute(uri: "/account", method: .get)
                #expect(anonymous.status == .unauthorized)
            }
        }
    }

    @Test func passwordChangeTakesEffectAtOnce() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                // Warm the credential cache with the old password first.
                let before = try await client.execute(
                    uri: "/healthz", method: .get, headers: basicAuth("demo@example.test"))
                #expect(before.status == .ok)
                let change = try await client.execute(
                    uri: "/account/password", method: .post, headers: form(basicAuth("demo@example.test")),
                    body: ByteBuffer(string: "password=New%2BSecret-9"))
                #expect(change.status == .noContent)
                let old = try await client.execute(
                    uri: "/healthz", method: .get, headers: basicAuth("demo@example.test"))
                #expect(old.status == .unauthorized)
                let new = try await client.execute(
                    uri: "/healthz", method: .get, headers: basicAuth("demo@example.test", "New+Secret-9"))
                #expect(new.status == .ok)
            }
        }
    }

    @Test(arguments: ["password=shrt1A!", "password=alllowercase1!", "password=NoDigits!!", "other=Value-123"])
    func refusedPasswordChangesNothing(body: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let change = try await client.execute(
                    uri: "/account/password", method: .post, headers: form(basicAuth("demo@example.test")),
                    body: ByteBuffer(string: body))
                #expect(change.status == .badRequest)
                let old = try await client.execute(
                    uri: "/healthz", method: .get, headers: basicAuth("demo@example.test"))
                #expect(old.status == .ok)
            }
        }
    }

    private func form(_ headers: HTTPFields) -> HTTPFields {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return headers
    }
}
