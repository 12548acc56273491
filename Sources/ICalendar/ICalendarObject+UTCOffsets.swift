extension ICalendarObject {
    /// The UTC offset, in seconds east of UTC, of the zone `tzid` names at each of `instants`
    /// (UTC seconds), the TZID resolved as for DTSTART (RFC 5545 §3.2.19): this object's
    /// VTIMEZONE of that TZID, then the system's zones (IANA, Windows and Outlook names).
    /// Nil when the TZID resolves to no zone, so that a value with it is floating time.
    public func utcOffsets(tzid: String, at instants: [Int64]) -> [Int]? {
        Libical.run { () -> [Int]? in
            let resolver = ZoneResolver(root: root, floatingTimeZone: nil)
            defer { resolver.close() }
            guard resolver.zone(tzid: tzid) != nil else { return nil }
            var like = DateTimeValue(year: 1970, month: 1, day: 1)
            like.tzid = tzid
            return instants.map { instant in Int(resolver.local(instant, like: like).secondsAsUTC &- instant) }
        }
    }
}
