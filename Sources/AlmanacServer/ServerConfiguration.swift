import ActiveSync
import Logging

/// Everything `almanac serve` needs, after the configuration file, the
/// environment and the flags have been merged (flags win, then the
/// environment, then the file, then these defaults).
public struct ServerConfiguration: Sendable, Equatable {
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 asks the system for a free one (the bound port is printed).
    public var port: Int = 8080
    /// The data directory (see ``DataDirectory``).
    public var dataDirectory: String = "data"
    /// PEM certificate chain; TLS is on when this and ``tlsKey`` are set.
    public var tlsCertificate: String?
    /// PEM private key of ``tlsCertificate``.
    public var tlsKey: String?
    /// The host name clients use, for the URLs the server prints and hands out;
    /// defaults to the listen address.
    public var publicHost: String?
    /// The base of the per-domain host names `DOMAIN--with-dashes.w.BASE` (e.g. `almanac.example.net`): a
    /// request to `example--com.w.almanac.example.net` is about the mail domain `example.com`, and the
    /// onboarding documents it gets name that host. Lower-cased; nil when not configured.
    public var publicBaseDomain: String?
    /// How many user stores may be open at once.
    public var maxOpenStores: Int = 256
    /// Largest request body accepted, in bytes; larger ones get 413.
    public var maxBodySize: Int = 32 * 1024 * 1024
    /// Exchange ActiveSync devices of a user not seen for this many days are removed when that
    /// user adds another device (Outlook sends a new DeviceId on each restart); nil keeps them.
    public var deviceIdleDays: Int? = 30
    /// The heartbeat intervals, in seconds, an ActiveSync Ping or Sync may ask for (MS-ASCMD:
    /// 60 to 3,540); outside them the client is told the nearest bound.
    public var heartbeatMinimum: Int = 60
    public var heartbeatMaximum: Int = 3540
    /// Requests of one ActiveSync device, and of one user, in progress at once (a waiting Ping
    /// included), and Pings of one user waiting at once; past them: HTTP 503 with Retry-After.
    public var requestsPerDevice: Int = 4
    public var requestsPerUser: Int = 40
    public var waitingPerUser: Int = 20
    /// Seconds a connection may send nothing (between requests or inside one) before it is
    /// closed; a request being answered (a waiting Ping) does not count as idle.
    public var idleTimeout: Int = 120
    public var logLevel: Logger.Level = .info

    public init() {}

    public var usesTLS: Bool { tlsCertificate != nil || tlsKey != nil }

    /// ``heartbeatMinimum`` to ``heartbeatMaximum`` (``validate()`` refuses a minimum above the maximum).
    public var heartbeatRange: ClosedRange<Int> {
        min(heartbeatMinimum, heartbeatMaximum)...heartbeatMaximum
    }

    /// The ActiveSync caps.
    public var requestLimits: RequestAdmission.Limits {
        RequestAdmission.Limits(
            requestsPerDevice: requestsPerDevice, requestsPerUser: requestsPerUser, waitingPerUser: waitingPerUser)
    }

    /// The base URL clients use, e.g. `https://mail.example.com` or `http://127.0.0.1:8080`.
    public func baseURL(boundPort: Int? = nil) -> String {
        let scheme = usesTLS ? "https" : "http"
        let port = boundPort ?? self.port
        let host = publicHost ?? (self.host == "0.0.0.0" || self.host == "::" ? "localhost" : self.host)
        let bracketed = host.contains(":") ? "[\(host)]" : host
        let defaultPort = usesTLS ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(bracketed)" : "\(scheme)://\(bracketed):\(port)"
    }
}
