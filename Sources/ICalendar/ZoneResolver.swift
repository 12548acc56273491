import CLibical

/// Turns DATE/DATE-TIME values into UTC seconds for one evaluation, inside `Libical.run`.
///
/// A TZID resolves, in order, to: the object's own VTIMEZONE (RFC 5545 §3.6.5, through
/// `icaltimezone_set_component`); an IANA zone of the system database
/// (`icaltimezone_get_builtin_timezone`, which libical 3.0 on Debian reads from
/// /usr/share/zoneinfo); a Windows zone name through ``WindowsTimeZones``; an Outlook display
/// name ("(UTC+01:00) Amsterdam, Berlin, …"). A TZID that resolves to nothing is evaluated as
/// floating time. Floating values use `floatingTimeZone` (IANA), or UTC.
final class ZoneResolver {
    private var vtimezones: [String: ICalendarComponent]
    private var resolved: [String: OpaquePointer?] = [:]
    private let floatingZone: OpaquePointer?

    /// Not usable outside `Libical.run`; call ``close()`` before leaving it.
    init(root: ICalendarComponent, floatingTimeZone: String?) {
        var vtimezones: [String: ICalendarComponent] = [:]
        for zone in root.components("VTIMEZONE") {
            if let tzid = zone.property("TZID")?.value { vtimezones[tzid] = zone }
        }
        self.vtimezones = vtimezones
        floatingZone = floatingTimeZone.flatMap { Self.builtin($0) }
    }

    /// Ends the evaluation: the zones it used may be freed from here on.
    func close() {
        resolved.removeAll()
        VTimezoneCache.shared.trim()
    }

    /// The libical zone a value is evaluated in: nil for UTC and for floating without a floating zone.
    func zone(for value: DateTimeValue) -> OpaquePointer? {
        if value.isUTC { return nil }
        if let tzid = value.tzid, let zone = zone(tzid: tzid) { return zone }
        return floatingZone
    }

    /// Whether `value` ends up evaluated as floating time (no zone of its own).
    func isFloating(_ value: DateTimeValue) -> Bool {
        if value.isUTC { return false }
        if let tzid = value.tzid, zone(tzid: tzid) != nil { return false }
        return true
    }

    /// UTC seconds of a DATE or DATE-TIME (a DATE is its midnight), read as RFC 5545 §3.3.5
    /// says where the zone's offset changes: a local time that occurs twice (the hour a
    /// fall-back repeats) is its first occurrence, and one that never occurs (the hour a
    /// spring-forward skips) is read with the offset before the gap, so that 02:30 on the day
    /// Europe/Berlin skips from 02:00 to 03:00 is 01:30Z (03:30 CEST).
    ///
    /// libical's `icaltime_as_timet_with_zone` reads a gap time with the offset after the
    /// change, an hour early; so its answer is checked here against the offsets half a day
    /// around it (no zone changes its offset twice within that).
    func seconds(_ value: DateTimeValue) -> Int64 {
        guard let zone = zone(for: value) else { return value.secondsAsUTC }
        let wall = value.secondsAsUTC
        let read = Int64(icaltime_as_timet_with_zone(Self.icaltime(value), zone))
        let here = Self.offset(at: read, in: zone)
        let earlier = Self.offset(at: read &- Self.transitionWindow, in: zone)
        let readIsLocal = read &+ here == wall
        if earlier == here, readIsLocal { return read }
        // An offset change near: the first instant showing the wall time, else the gap rule.
        let later = Self.offset(at: read &+ Self.transitionWindow, in: zone)
        let isLocal = { (instant: Int64) in instant &+ Self.offset(at: instant, in: zone) == wall }
        var candidates = [wall &- earlier, wall &- later].filter(isLocal)
        if readIsLocal { candidates.append(read) }
        return candidates.min() ?? wall &- earlier
    }

    /// How far from libical's reading the offsets on either side of a change are looked up.
    static let transitionWindow: Int64 = 12 * 3_600

    /// The zone's UTC offset, in seconds east, at an instant.
    static func offset(at instant: Int64, in zone: OpaquePointer) -> Int64 {
        let time = icaltime_from_timet_with_zone(time_t(instant), 0, zone)
        let local = DateTimeValue(
            year: Int(time.year), month: Int(time.month), day: Int(time.day), hour: Int(time.hour),
            minute: Int(time.minute), second: Int(time.second))
        return local.secondsAsUTC &- instant
    }

    /// The wall-clock time at `seconds` in the zone `like` is evaluated in, with `like`'s form.
    func local(_ seconds: Int64, like value: DateTimeValue) -> DateTimeValue {
        var result: DateTimeValue
        if let zone = zone(for: value) {
            let time = icaltime_from_timet_with_zone(time_t(seconds), 0, zone)
            result = DateTimeValue(
                year: Int(time.year), month: Int(time.month), day: Int(time.day),
                hour: Int(time.hour), minute: Int(time.minute), second: Int(time.second))
        } else {
            result = DateTimeValue.utc(seconds)
        }
        result.isUTC = value.isUTC
        result.isDate = value.isDate
        result.tzid = value.tzid
        return result
    }

    /// The zone a TZID names, or nil (then evaluated as floating).
    func zone(tzid: String) -> OpaquePointer? {
        if let known = resolved[tzid] { return known }
        let zone = vtimezone(tzid) ?? Self.systemZone(forTZID: tzid)
        resolved[tzid] = zone
        return zone
    }

    private func vtimezone(_ tzid: String) -> OpaquePointer? {
        guard let definition = vtimezones[tzid] else { return nil }
        return VTimezoneCache.shared.zone(for: definition.serialized)
    }

    /// IANA name (also inside prefixes like "/mozilla.org/20070129_1/Europe/Berlin"), then
    /// Windows name, then Outlook display name.
    static func systemZone(forTZID tzid: String) -> OpaquePointer? {
        let trimmed = String(tzid.trimmingSpaces)
        if let zone = builtin(trimmed) { return zone }
        if let iana = WindowsTimeZones.iana(forWindows: trimmed) ?? WindowsTimeZones.iana(forDisplayName: trimmed) {
            return builtin(iana) ?? WindowsTimeZones.modernName(iana).flatMap { builtin($0) }
        }
        var parts = trimmed.split(separator: "/")
        while parts.count > 2 {
            parts.removeFirst()
            if let zone = builtin(parts.joined(separator: "/")) { return zone }
        }
        return nil
    }

    /// A zone of the system database; "UTC" and "GMT" give libical's UTC zone.
    static func builtin(_ name: String) -> OpaquePointer? {
        guard !name.isEmpty, name.utf8.count < 128, !name.contains(".."), !name.hasPrefix("/") else { return nil }
        return icaltimezone_get_builtin_timezone(name)
    }

    static func icaltime(_ value: DateTimeValue) -> icaltimetype {
        var time = icaltimetype()
        time.year = Int32(clamping: value.year)
        time.month = Int32(value.month)
        time.day = Int32(value.day)
        time.hour = Int32(value.hour)
        time.minute = Int32(value.minute)
        time.second = Int32(value.second)
        time.is_date = value.isDate ? 1 : 0
        return time
    }
}
