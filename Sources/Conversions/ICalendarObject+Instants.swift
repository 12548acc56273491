import ICalendar

extension ICalendarObject {
    /// UTC seconds of a DATE or DATE-TIME property, with a local time that falls in a
    /// spring-forward gap read with the offset before the gap (RFC 5545 §3.3.5: 02:30 on a day
    /// that skips from 02:00 to 03:00 is 03:30 after the change).
    func instant(of property: ICalendarProperty) -> Int64? {
        guard let utc = utcSeconds(of: property) else { return nil }
        guard case .zone(let tzid) = TimeForm(of: property, in: self),
            let wall = CivilTime(basic: property.value.trimmingCharacters(in: " "))?.seconds,
            let offsets = utcOffsets(tzid: tzid, at: [utc, utc - 3 * 3600]),
            utc &+ Int64(offsets[0]) != wall
        else { return utc }
        return wall &- Int64(offsets[1])
    }
}
