import ICalendar
import Synchronization

/// Finds the zone a client's `Timezone` structure means (MS-ASCAL 2.2.2.44): the zone its
/// StandardName (or DaylightName) names, as Windows ID, Outlook display name or IANA name, when
/// its standard offset agrees; else the first zone of the CLDR table whose rules in that year are
/// the same (then one with the same offsets only). Answers are remembered, so a client that
/// sends the same structure with every item pays for the search once.
enum TimeZoneMatcher {
    private static let cache = Mutex<[Key: String?]>([:])
    private static let cacheLimit = 512

    private struct Key: Hashable {
        let information: TimeZoneInformation
        let year: Int
    }

    /// The TZID for `information`, nil when no known zone has its offsets.
    static func tzid(for information: TimeZoneInformation, year: Int) -> String? {
        let key = Key(information: information, year: year)
        if let known = cache.withLock({ $0[key] }) { return known }
        let found = search(information, year: year)
        cache.withLock { entries in
            if entries.count >= cacheLimit { entries.removeAll() }
            entries[key] = found
        }
        return found
    }

    private static let empty = ICalendarObject(root: ICalendarComponent(name: "VCALENDAR"))

    private static func search(_ information: TimeZoneInformation, year: Int) -> String? {
        for name in [information.standardName, information.daylightName] where !name.isEmpty {
            let iana =
                WindowsTimeZones.iana(forWindows: name) ?? WindowsTimeZones.iana(forDisplayName: name)
                ?? (name.contains("/") ? name : nil)
            if let iana, let rules = TimeZoneInformation(tzid: iana, in: empty, year: year),
                rules.standardOffset == information.standardOffset
            {
                return iana
            }
        }
        let wanted = Set(
            [information.standardOffset, information.hasDaylightTime ? information.daylightOffset : nil]
                .compactMap { $0 })
        let probes = [
            CivilTime(year: year, month: 1, day: 15).seconds, CivilTime(year: year, month: 7, day: 15).seconds,
        ]
        var sameOffsets: String?
        for iana in WindowsTimeZones.ianaZones {
            guard let offsets = empty.utcOffsets(tzid: iana, at: probes), Set(offsets) == wanted else { continue }
            guard let rules = TimeZoneInformation(tzid: iana, in: empty, year: year) else { continue }
            if rules.hasSameRules(as: information) { return iana }
            if sameOffsets == nil { sameOffsets = iana }
        }
        return sameOffsets
    }
}
