import Autodiscover
import Testing

struct AppleProfileTests {
    @Test func iPhoneProfileHasTheExchangePayload() throws {
        let profile = try AppleProfile(account: demo, endpoints: endpoints, platform: .iOS)
        #expect(text(profile.document) == text(try fixture("ios.mobileconfig")))
    }

    @Test func macProfileHasCalDAVAndCardDAVPayloads() throws {
        let profile = try AppleProfile(account: demo, endpoints: endpoints, platform: .macOS)
        #expect(text(profile.document) == text(try fixture("macos.mobileconfig")))
    }

    @Test func basicPlanGetsNoProfile() {
        for platform in AppleProfile.Platform.allCases {
            #expect(throws: OnboardingRefusal.planHasNoSyncProtocols(address: "basic@example.test")) {
                try AppleProfile(account: basic, endpoints: endpoints, platform: platform)
            }
        }
        #expect(
            OnboardingRefusal.planHasNoSyncProtocols(address: "basic@example.test").description.contains(
                "Basic plan"))
    }

    @Test func noPasswordIsEverInAProfile() throws {
        for platform in AppleProfile.Platform.allCases {
            let document = text(try AppleProfile(account: demo, endpoints: endpoints, platform: platform).document)
            #expect(!document.contains("Password"))
        }
    }

    /// The same mailbox always gets the same identifiers, so installing again replaces; another mailbox gets
    /// others, so two accounts on one device do not replace each other.
    @Test func identifiersAreStablePerMailbox() throws {
        let first = try AppleProfile(account: demo, endpoints: endpoints, platform: .iOS).document
        let again = try AppleProfile(account: demo, endpoints: endpoints, platform: .iOS).document
        #expect(first == again)
        var alice = demo
        alice.emailAddress = "alice@example.test"
        let other = text(try AppleProfile(account: alice, endpoints: endpoints, platform: .iOS).document)
        #expect(!other.contains("F73E77DD-E531-53AD-BC02-581A7211F005"))
        #expect(!other.contains("C6C129B0-9E9A-5922-BE50-F225CDDDF083"))
    }

    @Test func hostCarriesANonDefaultPort() throws {
        let local = OnboardingEndpoints(
            activeSync: "http://127.0.0.1:8080/Microsoft-Server-ActiveSync", calDAV: "http://127.0.0.1:8080/caldav",
            cardDAV: "http://127.0.0.1:8080/carddav")
        let iPhone = text(try AppleProfile(account: demo, endpoints: local, platform: .iOS).document)
        #expect(iPhone.contains("<key>Host</key>\n        <string>127.0.0.1:8080</string>"))
        #expect(iPhone.contains("<key>SSL</key>\n        <false/>"))
        let mac = text(try AppleProfile(account: demo, endpoints: local, platform: .macOS).document)
        #expect(mac.contains("<key>CalDAVPort</key>\n        <integer>8080</integer>"))
        #expect(mac.contains("<key>CardDAVHostName</key>\n        <string>127.0.0.1</string>"))
    }
}
