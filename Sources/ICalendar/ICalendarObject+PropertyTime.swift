extension ICalendarObject {
    /// The value types (RFC 5545 §3.2.20) that name a time; a property whose VALUE parameter
    /// names another type (DURATION, TEXT, URI, …) has none.
    static let timeValueTypes: Set<String> = ["DATE", "DATE-TIME", "PERIOD"]

    /// Every time a property's value names, in UTC seconds, in the order written: one for
    /// DTSTART or DUE, one per item of a list such as EXDATE or RDATE (RFC 5545 §3.8.5).
    ///
    /// A TZID resolves as for occurrences: this object's VTIMEZONE of that TZID, then the
    /// system's zones (IANA, Windows and Outlook names). Floating times, DATEs and TZIDs that
    /// resolve to nothing are read in `floatingTimeZone` (an IANA name, RFC 4791 §5.2.2), or
    /// as UTC when there is none. Items that are no DATE or DATE-TIME are skipped, so a
    /// property of another type (a TEXT SUMMARY, a DURATION TRIGGER) gives an empty array.
    public func utcTimes(of property: ICalendarProperty, floatingTimeZone: String? = nil) -> [PropertyTime] {
        let values = Self.timeValues(of: property)
        guard !values.isEmpty else { return [] }
        return Libical.run { () -> [PropertyTime] in
            let resolver = ZoneResolver(root: root, floatingTimeZone: floatingTimeZone)
            defer { resolver.close() }
            return values.map { value, periodEnd in
                let start = resolver.seconds(value)
                var end = start
                switch periodEnd {
                case .some(.explicit(let explicit)):
                    end = max(start, resolver.seconds(explicit))
                case .some(.duration(let duration)):
                    let (shifted, overflow) = resolver.seconds(value.addingDays(duration.days))
                        .addingReportingOverflow(duration.seconds)
                    end = overflow ? start : max(start, shifted)
                case nil:
                    if value.isDate { end = resolver.seconds(value.addingDays(1)) }
                }
                return PropertyTime(
                    start: start, end: end, isDate: value.isDate, isFloating: resolver.isFloating(value))
            }
        }
    }

    /// UTC seconds of the property's first DATE or DATE-TIME value (a DATE's midnight, a
    /// PERIOD's start), read as ``utcTimes(of:floatingTimeZone:)`` reads it; nil when the
    /// value names no time.
    public func utcSeconds(of property: ICalendarProperty, floatingTimeZone: String? = nil) -> Int64? {
        utcTimes(of: property, floatingTimeZone: floatingTimeZone).first?.start
    }

    /// How a PERIOD value ends (RFC 5545 §3.3.9): at a date-time or after a duration.
    enum PeriodEnd {
        case explicit(DateTimeValue)
        case duration(ICalendarDuration)
    }

    /// The DATE and DATE-TIME items of a property's value, each with its PERIOD end if any.
    static func timeValues(of property: ICalendarProperty) -> [(DateTimeValue, PeriodEnd?)] {
        if let type = property.parameter("VALUE")?.value.uppercased() {
            guard timeValueTypes.contains(type) else { return [] }
        } else if ICalendarProperty.textProperties.contains(property.name) {
            return []
        }
        let tzid = property.parameter("TZID")?.value
        let zone = tzid?.isEmpty == true ? nil : tzid
        var values: [(DateTimeValue, PeriodEnd?)] = []
        for item in property.value.split(separator: ",") {
            let parts = item.split(separator: "/", maxSplits: 1)
            guard let first = parts.first, let value = DateTimeValue(String(first).trimmingSpaces, tzid: zone) else {
                continue
            }
            var end: PeriodEnd?
            if parts.count == 2 {
                if let explicit = DateTimeValue(String(parts[1]).trimmingSpaces, tzid: zone) {
                    end = .explicit(explicit)
                } else if let duration = ICalendarDuration(String(String(parts[1]).trimmingSpaces)) {
                    end = .duration(duration)
                }
            }
            values.append((value, end))
        }
        return values
    }
}
