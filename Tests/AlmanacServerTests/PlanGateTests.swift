import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The plan gate runs before routing: Basic mailboxes are refused on every
/// sync path, Enhanced ones pass (to a 404 until a protocol handler exists).
struct PlanGateTests {
    static let syncPaths = [
        "/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=basic&DeviceId=X&DeviceType=iPhone",
        "/microsoft-server-activesync",
        "/MICROSOFT-SERVER-ACTIVESYNC",
        "/dav/",
        "/dav/calendars/basic@example.test/",
        "/caldav",
        "/carddav/",
        "/.well-known/caldav",
        "/.well-known/carddav",
    ]

    @Test(arguments: syncPaths)
    func basicMailboxGetsForbiddenWithMessage(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: path, method: .post, headers: basicAuth("basic@example.test"))
                #expect(response.status == .forbidden)
                let text = String(buffer: response.body)
                #expect(text.contains("Basic plan"))
                #expect(text.contains("needs an Enhanced mailbox"))
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            }
        }
    }

    @Test(arguments: syncPaths)
    func enhancedMailboxPassesTheGate(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let ownPath = path.replacingOccurrences(of: "basic@", with: "demo@")
                let response = try await client.execute(
                    uri: ownPath, method: .post, headers: basicAuth("demo@example.test"))
                #expect(response.status != .forbidden)
                #expect(response.status != .unauthorized)
                #expect(!String(buffer: response.body).contains("Basic plan"))
            }
        }
    }

    @Test(arguments: ["/dav/", "/Microsoft-Server-ActiveSync", "/.well-known/caldav"])
    func noCredentialsOnSyncPathIsChallenged(path: String) async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Basic realm=\"Almanac\", charset=\"UTF-8\"")
            }
        }
    }

    @Test func wrongPasswordOnSyncPathIsUnauthorized() async throws {
        try await Fixture.with { fixture in
            try await fixture.application().test(.router) { client in
                let response = try await client.execute(
                    uri: "/caldav", method: .get, headers: basicAuth("demo@example.test", "Wrong-Password-1"))
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] != nil)
            }
        }
    }

    @Test func pathsThatOnlyLookLikeSyncPathsAreNotGated() {
        #expect(SyncPaths.protocol(of: "/caldavx") == nil)
        #expect(SyncPaths.protocol(of: "/davinci") == nil)
        #expect(SyncPaths.protocol(of: "/healthz") == nil)
        #expect(SyncPaths.protocol(of: "/Microsoft-Server-ActiveSync") == .activeSync)
        #expect(SyncPaths.protocol(of: "/carddav/") == .cardDAV)
        #expect(SyncPaths.protocol(of: "/dav") == .dav)
    }
}
