import ICalendar

/// The form of an item's date-time values (RFC 5545 §3.3.4, §3.3.5): a DATE, UTC, floating, or
/// local time in a zone. DTSTART's form is also the form of DTEND, EXDATE and RECURRENCE-ID.
enum TimeForm: Equatable, Sendable {
    case date
    case utc
    case floating
    case zone(String)

    /// The form of a property's value; a TZID that names no zone is floating.
    init(of property: ICalendarProperty, in object: ICalendarObject) {
        let value = property.value
        if property.parameter("VALUE")?.value.uppercased() == "DATE" || value.utf8.count == 8 {
            self = .date
        } else if value.hasSuffix("Z") {
            self = .utc
        } else if let tzid = property.parameter("TZID")?.value, !tzid.isEmpty,
            object.utcOffsets(tzid: tzid, at: [0]) != nil
        {
            self = .zone(tzid)
        } else {
            self = .floating
        }
    }

    /// The value and parameters that say the UTC instant `utc` in this form; `offset` gives the
    /// zone's UTC offset at an instant. A DATE is the UTC date of `utc` (DATE values are read as
    /// UTC midnights throughout the conversions).
    func property(_ name: String, utc: Int64, offset: (Int64) -> Int, keeping old: ICalendarProperty?)
        -> ICalendarProperty
    {
        var parameters = (old?.parameters ?? []).filter { $0.name != "TZID" && $0.name != "VALUE" }
        let value: String
        switch self {
        case .date:
            value = CivilTime(seconds: utc).date
            parameters.insert(ICalendarParameter(name: "VALUE", values: ["DATE"]), at: 0)
        case .utc:
            value = EASDate.compact(utc)
        case .floating:
            value = CivilTime(seconds: utc).basic
        case .zone(let tzid):
            value = CivilTime(seconds: utc &+ Int64(offset(utc))).basic
            parameters.insert(ICalendarParameter(name: "TZID", values: [tzid]), at: 0)
        }
        return ICalendarProperty(name: name, value: value, parameters: parameters)
    }
}
