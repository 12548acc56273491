extension ICalendarObject {
    /// Floating times and DATEs with no floating zone are read as UTC; bounds then widen by 14 h
    /// on each side, the largest UTC offset, so the index never misses an instance.
    static let floatingSlack: Int64 = 14 * 3600

    /// Unix seconds bounding all instances of all components (UTC): the start of the first and the
    /// end of the last; `end` nil when a rule recurs without end (or past the iteration budget),
    /// both nil for a to-do without dates (it matches every range). Floating times and DATEs are
    /// read in `floatingTimeZone` (IANA), or in UTC widened by ±14 h. For a store pre-filter
    /// that never misses an RFC 4791 §9.9 match, compare inclusively:
    /// `start <= rangeEnd AND (end IS NULL OR end >= rangeStart)`.
    public func occurrenceBounds(floatingTimeZone: String? = nil) -> (start: Int64?, end: Int64?) {
        let names = root.components.map(\.name).filter { $0 != "VTIMEZONE" }
        let (occurrences, unbounded) = Libical.run { () -> ([Occurrence], Bool) in
            let resolver = ZoneResolver(root: root, floatingTimeZone: floatingTimeZone)
            defer { resolver.close() }
            var engine = OccurrenceEngine(root: root, resolver: resolver)
            var all: [Occurrence] = []
            for name in Set(names) { all += engine.instances(of: name, horizon: .max, firstOnly: true) }
            return (all, engine.hasUnboundedRule || engine.exhausted)
        }
        guard !occurrences.isEmpty else { return (nil, nil) }
        if occurrences.contains(where: { $0.rule == .always }) { return (nil, nil) }
        var start = occurrences.map(\.start).min()!
        var end = occurrences.map(\.end).max()!
        if floatingTimeZone == nil, occurrences.contains(where: \.isFloating) {
            start = start == .min ? start : start - Self.floatingSlack
            end = end == .max ? end : end + Self.floatingSlack
        }
        return (start == .min ? nil : start, unbounded || end == .max ? nil : end)
    }

    /// The instances of the top-level `component` type overlapping [start, end) by the tests of
    /// RFC 4791 §9.9, sorted by start: overrides in place of the instances they replace, EXDATEs
    /// removed, RDATEs added. At most `limit` instances; the expansion stops after
    /// ``RecurrenceExpander/maxIterations`` rule iterations.
    public func occurrences(
        of component: String, from start: Int64, to end: Int64, floatingTimeZone: String? = nil, limit: Int = 10_000
    ) -> [Occurrence] {
        let name = component.uppercased()
        let all = Libical.run { () -> [Occurrence] in
            let resolver = ZoneResolver(root: root, floatingTimeZone: floatingTimeZone)
            defer { resolver.close() }
            var engine = OccurrenceEngine(root: root, resolver: resolver)
            engine.windowStart = start
            return engine.instances(of: name, horizon: end)
        }
        let matching = all.filter { $0.overlaps(start: start, end: end) }.sorted {
            ($0.start, $0.end) < ($1.start, $1.end)
        }
        return Array(matching.prefix(max(0, limit)))
    }

    /// The time-range test of calendar-query (RFC 4791 §9.9): whether an instance of `component`
    /// overlaps [start, end) (nil is unbounded). With "VALARM", whether an alarm of a VEVENT or
    /// VTODO instance triggers in the range. A rule cut off by the iteration budget before the
    /// range counts as overlapping.
    public func overlaps(component: String, start: Int64?, end: Int64?, floatingTimeZone: String? = nil) -> Bool {
        let name = component.uppercased()
        if name == "VALARM" { return alarmTriggers(start: start, end: end, floatingTimeZone: floatingTimeZone) }
        let rangeStart = start ?? .min
        let rangeEnd = end ?? .max
        return Libical.run { () -> Bool in
            let resolver = ZoneResolver(root: root, floatingTimeZone: floatingTimeZone)
            defer { resolver.close() }
            var engine = OccurrenceEngine(root: root, resolver: resolver)
            engine.windowStart = start
            let instances = engine.instances(of: name, horizon: rangeEnd)
            if instances.contains(where: { $0.overlaps(start: rangeStart, end: rangeEnd) }) { return true }
            return engine.exhausted
        }
    }
}
