import ICalendar

/// The instance of a recurring event that an `AirSyncBase:InstanceId` names (MS-ASAIRS
/// 2.2.2.25: the instance's original start, a Compact DateTime, MS-ASDTYPE 2.7.2), read the
/// way `Exceptions` reads it (``PlacedTimes/original(_:)``): UTC seconds for timed events,
/// the day's UTC midnight for all-day events, whose 16.x instance ids are local dates
/// without `Z` (MS-ASCAL 2.2.2.1).
struct EventInstance {
    /// The instance's original start (its RECURRENCE-ID) as the master's times count it.
    let original: Int64
    /// The master's times and zone, to write EXDATE, RECURRENCE-ID and the instance's times in.
    let placed: PlacedTimes

    /// - Throws: ``ConversionError/invalidField(name:value:)`` for an id that is no date,
    ///   ``ConversionError/noSuchInstance(_:)`` when the master does not recur or the id is no
    ///   current instance of it (never one, or already deleted).
    init(_ instanceID: String, master: ICalendarComponent, in object: ICalendarObject, blob: TimeZoneInformation?)
        throws(ConversionError)
    {
        guard let value = EASDate.parse(instanceID) else {
            throw .invalidField(name: "InstanceId", value: ClientFields.shown(instanceID))
        }
        guard master.property("RRULE") != nil || master.property("RDATE") != nil,
            let times = EventTimes(of: master, in: object)
        else { throw .noSuchInstance(instanceID) }
        let zone = ZoneChoice(
            client: nil, existing: times.isAllDay ? nil : times.form, object: object,
            year: CivilTime(seconds: times.start).year)
        placed = PlacedTimes(times: times, zone: zone, blob: blob)
        var candidates = [placed.original(value)]
        // An all-day id sent in UTC from a zone east of UTC falls on the evening before.
        if times.isAllDay, value.isUTC, blob == nil, candidates[0] != value.seconds {
            candidates.append(candidates[0] + 86_400)
        }
        guard let found = candidates.first(where: { Self.isInstance($0, of: master, in: object) }) else {
            throw .noSuchInstance(instanceID)
        }
        original = found
    }

    /// Whether `original` is the RECURRENCE-ID of an override of the master or the start of one
    /// of its instances (RFC 5545 §3.8.5: the recurrence set, EXDATEs removed).
    static func isInstance(_ original: Int64, of master: ICalendarComponent, in object: ICalendarObject) -> Bool {
        let overridden = EventExceptions.overrides(of: master, in: object.root).contains { instance in
            instance.component.property("RECURRENCE-ID").flatMap { object.utcSeconds(of: $0) } == original
        }
        if overridden { return true }
        return object.occurrences(of: "VEVENT", from: original, to: original &+ 1).contains {
            !$0.isOverride && $0.recurrenceID == original
        }
    }
}
