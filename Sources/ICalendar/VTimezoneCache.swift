import CLibical

/// libical zones built from VTIMEZONE components, shared by every evaluation and keyed by the
/// component's serialised text, so the same definition yields the same zone.
///
/// A zone made with `icaltimezone_set_component` starts with no expanded transitions; its first
/// UTC offset lookup expands every observance from its DTSTART (often 1970) to the year asked,
/// stepping libical's recurrence iterator through ICU for each transition. Done per evaluation,
/// that expansion was most of the cost of a time-range query over events with a TZID. Kept
/// here, a zone expands once and then answers from its table.
///
/// Use only inside `Libical.run`, whose lock guards this state; a zone handed out stays valid
/// until ``trim()``, which ``ZoneResolver/close()`` calls at the end of each evaluation.
final class VTimezoneCache {
    /// Distinct definitions kept; beyond it the least recently used are freed.
    static let capacity = 256

    nonisolated(unsafe) static let shared = VTimezoneCache()

    private struct Entry {
        let zone: OpaquePointer?
        var lastUse: UInt64
    }

    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0

    /// The zone for a VTIMEZONE definition, or nil when libical rejects it (also remembered).
    func zone(for definition: String) -> OpaquePointer? {
        clock &+= 1
        if var entry = entries[definition] {
            entry.lastUse = clock
            entries[definition] = entry
            return entry.zone
        }
        let zone = Self.make(definition)
        entries[definition] = Entry(zone: zone, lastUse: clock)
        return zone
    }

    /// Frees the least recently used zones beyond ``capacity``; none may be in use.
    func trim() {
        guard entries.count > Self.capacity else { return }
        let excess = entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(entries.count - Self.capacity)
        for (key, entry) in excess {
            if let zone = entry.zone { icaltimezone_free(zone, 1) }
            entries[key] = nil
        }
    }

    private static func make(_ definition: String) -> OpaquePointer? {
        guard let component = icalparser_parse_string(definition) else { return nil }
        guard icalcomponent_isa(component) == ICAL_VTIMEZONE_COMPONENT, let zone = icaltimezone_new() else {
            icalcomponent_free(component)
            return nil
        }
        guard icaltimezone_set_component(zone, component) != 0 else {
            icalcomponent_free(component)
            icaltimezone_free(zone, 1)
            return nil
        }
        return zone
    }
}
