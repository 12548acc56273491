/// The URL paths of the sync protocols, which only Enhanced mailboxes may use.
///
/// Matched case-insensitively (phones vary the case of
/// `/Microsoft-Server-ActiveSync`), as a whole segment: `/caldav` and
/// `/caldav/x` match, `/caldavx` does not.
public enum SyncPaths {
    public enum SyncProtocol: String, Sendable {
        case activeSync = "Exchange ActiveSync"
        case calDAV = "CalDAV"
        case cardDAV = "CardDAV"
        case dav = "CalDAV and CardDAV"
    }

    /// Path prefixes, lower-cased, and the protocol each belongs to.
    public static let prefixes: [(prefix: String, protocol: SyncProtocol)] = [
        ("/microsoft-server-activesync", .activeSync),
        ("/dav", .dav),
        ("/caldav", .calDAV),
        ("/carddav", .cardDAV),
        ("/.well-known/caldav", .calDAV),
        ("/.well-known/carddav", .cardDAV),
    ]

    /// The protocol a path belongs to, or nil when it is not a sync path.
    public static func `protocol`(of path: String) -> SyncProtocol? {
        let lowered = path.lowercased()
        for entry in prefixes where lowered.hasPrefix(entry.prefix) {
            let rest = lowered.dropFirst(entry.prefix.count)
            if rest.isEmpty || rest.hasPrefix("/") || rest.hasPrefix("?") { return entry.protocol }
        }
        return nil
    }
}
