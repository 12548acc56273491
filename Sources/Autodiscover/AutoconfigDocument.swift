/// The Thunderbird autoconfig file (`config-v1.1.xml`, the "Autoconfig 1.1" format by Ben Bucksch, written
/// up as draft-ietf-mailmaint-autoconfig) for one mail domain.
///
/// It is fetched before the client has a password, so it names no user: the login is the placeholder
/// `%EMAILADDRESS%` and the document is the same for every address of the domain.
///
/// `emailProvider` carries `domain`, `displayName`, `displayShortName` and one `incomingServer`. The format
/// needs an incoming server (clients read a file without a usable one as no configuration at all;
/// Thunderbird's reader fails with "Need proper <incomingServer>"), but its types are IMAP, POP3 and JMAP,
/// and Almanac has none of them: mail will come over Exchange ActiveSync. So the incoming server is the EAS
/// endpoint, written the way Thunderbird's reader accepts it, `type="exchange"` with the URL in `easURL` and
/// host, port, TLS and login beside it (the draft's version 1.2 calls the same thing `type="activesync"`).
/// There is no `outgoingServer`: Almanac takes no SMTP submission, mail is sent over EAS. A client that only
/// does IMAP or POP3 with SMTP finds nothing it can use and falls back to asking, which is the truth.
///
/// The CardDAV and CalDAV URLs follow as `addressBook type="carddav"` and `calendar type="caldav"`, beside
/// `emailProvider`, with `http-basic` authentication.
public struct AutoconfigDocument: Sendable, Equatable {
    /// The content type Thunderbird accepts (the draft: `text/xml`).
    public static let contentType = "text/xml; charset=utf-8"

    /// The lower-cased mail domain.
    public let domain: String
    public let endpoints: OnboardingEndpoints

    public init(domain: String, endpoints: OnboardingEndpoints) {
        self.domain = domain.lowercased()
        self.endpoints = endpoints
    }

    /// The placeholder a client replaces with the address being set up.
    static let usernamePlaceholder = "%EMAILADDRESS%"

    /// `displayShortName` MUST NOT be longer than 20 characters (draft-ietf-mailmaint-autoconfig).
    static let maximumShortNameLength = 20

    /// The document, UTF-8.
    public var bytes: [UInt8] {
        var writer = MarkupWriter()
        writer.start("clientConfig", [("version", "1.1")])
        writer.start("emailProvider", [("id", domain)])
        writer.element("domain", domain)
        writer.element("displayName", domain)
        writer.element("displayShortName", String(shortName.prefix(Self.maximumShortNameLength)))
        writeIncomingServer(to: &writer)
        writer.end()
        writeDAVServer("addressBook", type: "carddav", url: endpoints.cardDAV, to: &writer)
        writeDAVServer("calendar", type: "caldav", url: endpoints.calDAV, to: &writer)
        return writer.bytes
    }

    /// The first label of the domain: `example` for `example.com`.
    private var shortName: Substring {
        domain.split(separator: ".").first ?? Substring(domain)
    }

    private func writeIncomingServer(to writer: inout MarkupWriter) {
        let server = OnboardingEndpoints.server(of: endpoints.activeSync)
        writer.start("incomingServer", [("type", "exchange")])
        writer.element("hostname", server.host)
        writer.element("port", String(server.port))
        writer.element("socketType", server.usesTLS ? "SSL" : "plain")
        writer.element("username", Self.usernamePlaceholder)
        writer.element("authentication", "password-cleartext")
        writer.element("easURL", endpoints.activeSync)
        writer.end()
    }

    private func writeDAVServer(_ element: String, type: String, url: String, to writer: inout MarkupWriter) {
        writer.start(element, [("type", type)])
        writer.element("username", Self.usernamePlaceholder)
        writer.element("authentication", "http-basic")
        writer.element("serverURL", url)
        writer.end()
    }
}
