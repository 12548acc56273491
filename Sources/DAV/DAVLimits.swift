/// Bounds of the DAV layer, with documented defaults.
public struct DAVLimits: Sendable, Equatable {
    /// Largest calendar object or vCard accepted (CalDAV `max-resource-size`, RFC 4791 §5.2.5).
    public var maximumResourceSize: Int = 10 * 1024 * 1024
    /// Largest XML request body (PROPFIND, PROPPATCH, REPORT, MKCALENDAR).
    public var maximumXMLBodySize: Int = 4 * 1024 * 1024
    /// Earliest and latest times accepted (`min-date-time`, `max-date-time`, §5.2.6–7).
    public var minimumDateTime = "19000101T000000Z"
    public var maximumDateTime = "21001231T235959Z"
    /// Most responses in one sync-collection answer when the client sets no limit.
    public var maximumSyncResults: Int = 100_000

    public init() {}
}
