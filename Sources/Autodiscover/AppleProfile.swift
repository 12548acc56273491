import Foundation

/// An Apple configuration profile (`.mobileconfig`) that sets up a mailbox on an iPhone, iPad or Mac.
///
/// What goes in depends on the platform, because Apple offers the Exchange ActiveSync payload
/// (`com.apple.eas.account`) on iOS, iPadOS and visionOS only; macOS has none:
///
/// - iOS: one Exchange ActiveSync payload. It already brings mail, calendars, contacts, reminders and
///   notes, so CalDAV and CardDAV payloads beside it would show every calendar and contact twice.
/// - macOS: a CalDAV payload (`com.apple.caldav.account`) and a CardDAV payload
///   (`com.apple.carddav.account`) for Calendar and Contacts.
///
/// No payload carries a password: the device asks for it when the profile is installed. Every
/// `PayloadUUID` is a name-based UUID of the payload type and the address (`NameBasedUUID`), and every
/// `PayloadIdentifier` is built from the profile's UUID, so installing the profile again replaces it.
public struct AppleProfile: Sendable, Equatable {
    /// The platform a profile is made for.
    public enum Platform: String, Sendable, CaseIterable {
        case iOS = "ios"
        case macOS = "macos"
    }

    /// The media type that makes Safari offer to install the profile.
    public static let contentType = "application/x-apple-aspen-config"

    public let account: OnboardingAccount
    public let endpoints: OnboardingEndpoints
    public let platform: Platform

    /// A profile for `account`; refused when its plan has no sync protocols, since every payload in it is one.
    public init(account: OnboardingAccount, endpoints: OnboardingEndpoints, platform: Platform)
        throws(OnboardingRefusal)
    {
        guard account.allowsSyncProtocols else { throw .planHasNoSyncProtocols(address: account.emailAddress) }
        self.account = account
        self.endpoints = endpoints
        self.platform = platform
    }

    /// The profile as an XML property list.
    public var document: [UInt8] {
        let profileUUID = uuid("Configuration")
        let identifier = "almanac." + profileUUID.uuidString.lowercased()
        let payloads: [PropertyList]
        switch platform {
        case .iOS: payloads = [exchangeActiveSyncPayload(profileIdentifier: identifier)]
        case .macOS: payloads = davPayloads(profileIdentifier: identifier)
        }
        return PropertyList.dictionary([
            "PayloadContent": .array(payloads),
            "PayloadDescription": .string("Sets up \(account.emailAddress) on this device. It contains no password."),
            "PayloadDisplayName": .string("Almanac: \(account.emailAddress)"),
            "PayloadIdentifier": .string(identifier),
            "PayloadType": .string("Configuration"),
            "PayloadUUID": .string(profileUUID.uuidString),
            "PayloadVersion": .integer(1),
        ]).document
    }

    /// `com.apple.eas.account`: `Host` is host and port of the ActiveSync URL (the device adds
    /// `/Microsoft-Server-ActiveSync` itself), `SSL` whether it is HTTPS.
    private func exchangeActiveSyncPayload(profileIdentifier: String) -> PropertyList {
        let server = OnboardingEndpoints.server(of: endpoints.activeSync)
        var payload = common(type: "com.apple.eas.account", name: "Exchange ActiveSync", in: profileIdentifier)
        payload["EmailAddress"] = .string(account.emailAddress)
        payload["Host"] = .string(server.authority)
        payload["SSL"] = .boolean(server.usesTLS)
        payload["UserName"] = .string(account.emailAddress)
        return .dictionary(payload)
    }

    /// `com.apple.caldav.account` and `com.apple.carddav.account`, each pointing at its entry URL, which
    /// answers `current-user-principal` (RFC 5397).
    private func davPayloads(profileIdentifier: String) -> [PropertyList] {
        [
            ("CalDAV", "com.apple.caldav.account", endpoints.calDAV),
            ("CardDAV", "com.apple.carddav.account", endpoints.cardDAV),
        ]
        .map { prefix, type, url in
            let server = OnboardingEndpoints.server(of: url)
            var payload = common(type: type, name: prefix, in: profileIdentifier)
            payload[prefix + "AccountDescription"] = .string(account.emailAddress)
            payload[prefix + "HostName"] = .string(server.host)
            payload[prefix + "Port"] = .integer(server.port)
            payload[prefix + "PrincipalURL"] = .string(url)
            payload[prefix + "UseSSL"] = .boolean(server.usesTLS)
            payload[prefix + "Username"] = .string(account.emailAddress)
            return .dictionary(payload)
        }
    }

    /// The keys every payload has (Apple's CommonPayloadKeys).
    private func common(type: String, name: String, in profileIdentifier: String) -> [String: PropertyList] {
        [
            "PayloadDisplayName": .string(name),
            "PayloadIdentifier": .string(profileIdentifier + "." + type),
            "PayloadType": .string(type),
            "PayloadUUID": .string(uuid(type).uuidString),
            "PayloadVersion": .integer(1),
        ]
    }

    private func uuid(_ payloadType: String) -> UUID {
        NameBasedUUID.make(name: payloadType + ":" + account.emailAddress.lowercased())
    }
}
