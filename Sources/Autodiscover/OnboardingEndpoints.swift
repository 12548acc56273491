import Foundation

/// The URLs onboarding documents hand out, all on one server base such as `https://mail.example.com`.
public struct OnboardingEndpoints: Sendable, Equatable {
    /// The Exchange ActiveSync endpoint (MS-ASHTTP 2.2.1.1.1), e.g. `https://HOST/Microsoft-Server-ActiveSync`.
    public var activeSync: String
    /// What a CalDAV client is given, e.g. `https://HOST/caldav`.
    public var calDAV: String
    /// What a CardDAV client is given, e.g. `https://HOST/carddav`.
    public var cardDAV: String

    public init(activeSync: String, calDAV: String, cardDAV: String) {
        self.activeSync = activeSync
        self.calDAV = calDAV
        self.cardDAV = cardDAV
    }

    /// Scheme, host and port of an endpoint, for the documents that want them apart (autoconfig's
    /// `hostname`/`port`/`socketType`, a profile's `Host`/`SSL`).
    struct Server: Equatable {
        var usesTLS: Bool
        var host: String
        var port: Int

        /// `host`, or `host:port` when the port is not the scheme's default.
        var authority: String {
            port == (usesTLS ? 443 : 80) ? host : "\(host):\(port)"
        }
    }

    /// The parts of `url`; a URL without a host gives the whole text as the host, so a document never
    /// silently loses the server.
    static func server(of url: String) -> Server {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            return Server(usesTLS: true, host: url, port: 443)
        }
        let usesTLS = components.scheme?.lowercased() != "http"
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return Server(usesTLS: usesTLS, host: bracketed, port: components.port ?? (usesTLS ? 443 : 80))
    }
}
