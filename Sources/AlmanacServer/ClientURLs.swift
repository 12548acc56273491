/// The URLs a client is given for one server base URL (`https://host[:port]`).
///
/// Printed by `almanac serve --demo`, shown on the account page, and later
/// handed out by Autodiscover.
public struct ClientURLs: Sendable, Equatable {
    public let base: String

    public init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// Exchange ActiveSync endpoint (MS-ASHTTP 2.2.1.1.1).
    public var activeSync: String { base + "/Microsoft-Server-ActiveSync" }
    /// What to paste into a CalDAV client.
    public var calDAV: String { base + "/caldav" }
    /// What to paste into a CardDAV client.
    public var cardDAV: String { base + "/carddav" }
    /// Outlook and mobile Autodiscover.
    public var autodiscover: String { base + "/autodiscover/autodiscover.xml" }
    public var account: String { base + "/account" }
    public var health: String { base + "/healthz" }
}
