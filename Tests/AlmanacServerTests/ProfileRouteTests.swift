import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /profile.mobileconfig`: an Apple configuration profile for the signed-in mailbox.
struct ProfileRouteTests {
    @Test func enhancedMailboxGetsAnExchangeProfile() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/profile.mobileconfig", method: .get, headers: basicAuth("demo@example.test"))
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/x-apple-aspen-config")
                #expect(response.headers[.contentDisposition] == #"attachment; filename="almanac.mobileconfig""#)
                let text = String(buffer: response.body)
                #expect(text.contains("<string>com.apple.eas.account</string>"))
                #expect(text.contains("<key>Host</key>\n        <string>localhost</string>"))
                #expect(text.contains("<key>EmailAddress</key>\n        <string>demo@example.test</string>"))
                #expect(!text.contains("Password"))
                #expect(!text.contains(Fixture.password))
                let again = try await client.execute(
                    uri: "/profile.mobileconfig", method: .get, headers: basicAuth("demo@example.test"))
                #expect(String(buffer: again.body) == text)
            }
        }
    }

    @Test func macProfileHasCalDAVAndCardDAV() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/profile.mobileconfig?platform=macOS", method: .get, headers: basicAuth("demo@example.test"))
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("<string>com.apple.caldav.account</string>"))
                #expect(text.contains("<string>com.apple.carddav.account</string>"))
                #expect(!text.contains("com.apple.eas.account"))
                #expect(text.contains("<string>http://localhost/caldav</string>"))
            }
        }
    }

    @Test func basicMailboxGetsAClearForbidden() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                for query in ["", "?platform=macos"] {
                    let response = try await client.execute(
                        uri: "/profile.mobileconfig" + query, method: .get, headers: basicAuth("basic@example.test"))
                    #expect(response.status == .forbidden)
                    let text = String(buffer: response.body)
                    #expect(text.contains("basic@example.test is on the Basic plan"))
                    #expect(text.contains("Enhanced mailbox"))
                }
            }
        }
    }

    @Test func anonymousAndBadPlatformAreRefused() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let anonymous = try await client.execute(uri: "/profile.mobileconfig", method: .get)
                #expect(anonymous.status == .unauthorized)
                #expect(anonymous.headers[.wwwAuthenticate] != nil)
                let windows = try await client.execute(
                    uri: "/profile.mobileconfig?platform=windows", method: .get, headers: basicAuth("demo@example.test")
                )
                #expect(windows.status == .badRequest)
            }
        }
    }
}
