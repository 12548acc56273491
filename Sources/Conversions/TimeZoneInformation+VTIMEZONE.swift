import ICalendar

extension TimeZoneInformation {
    /// A VTIMEZONE (RFC 5545 §3.6.5) named `tzid` with the rules of this structure: one STANDARD
    /// and, for a zone with daylight time, one DAYLIGHT observance, each a yearly RRULE from 1970
    /// (or its fixed date when the SYSTEMTIME has a year).
    func vtimezone(tzid: String) -> ICalendarComponent {
        guard hasDaylightTime else {
            return ICalendarComponent(
                name: "VTIMEZONE", properties: [ICalendarProperty(name: "TZID", value: tzid)],
                components: [
                    Self.observance(
                        "STANDARD", start: CivilTime(year: 1970, month: 1, day: 1), rule: nil, from: standardOffset,
                        to: standardOffset)
                ])
        }
        return ICalendarComponent(
            name: "VTIMEZONE", properties: [ICalendarProperty(name: "TZID", value: tzid)],
            components: [
                Self.observance(
                    "STANDARD", change: standardDate, from: daylightOffset, to: standardOffset),
                Self.observance(
                    "DAYLIGHT", change: daylightDate, from: standardOffset, to: daylightOffset),
            ])
    }

    private static func observance(_ name: String, change: SystemTime, from: Int, to: Int) -> ICalendarComponent {
        let year = change.year == 0 ? 1970 : Int(change.year)
        let start = change.occurrence(in: year) ?? CivilTime(year: 1970, month: 1, day: 1)
        return observance(name, start: start, rule: change.year == 0 ? rrule(change) : nil, from: from, to: to)
    }

    private static func observance(_ name: String, start: CivilTime, rule: String?, from: Int, to: Int)
        -> ICalendarComponent
    {
        var properties = [ICalendarProperty(name: "DTSTART", value: start.basic)]
        if let rule { properties.append(ICalendarProperty(name: "RRULE", value: rule)) }
        properties += [
            ICalendarProperty(name: "TZOFFSETFROM", value: offsetText(from)),
            ICalendarProperty(name: "TZOFFSETTO", value: offsetText(to)),
        ]
        return ICalendarComponent(name: name, properties: properties)
    }

    /// `FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU` for "the last Sunday of October".
    private static func rrule(_ change: SystemTime) -> String {
        let week = change.day >= 5 ? "-1" : String(change.day)
        return "FREQ=YEARLY;BYMONTH=\(change.month);BYDAY=\(week)\(RecurrenceRule.weekdays[Int(change.dayOfWeek)])"
    }

    /// UTC offset (RFC 5545 §3.3.14): `+0530`, `-0300`.
    static func offsetText(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + CivilTime.pad(minutes / 60, 2) + CivilTime.pad(minutes % 60, 2)
    }
}
