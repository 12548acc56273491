import Foundation

/// Where a client's times go: the master's new times, the zone they are stored in, and the
/// client's `Timezone` structure (MS-ASCAL 2.2.2.44) its times were written in.
struct PlacedTimes {
    var times: EventTimes
    var zone: ZoneChoice
    var blob: TimeZoneInformation?

    /// The client's offset at an instant: its structure's, else the storing zone's.
    func clientOffset(_ instant: Int64) -> Int {
        blob?.offset(atUTC: instant) ?? zone.offset(instant)
    }

    /// UTC seconds of a client time; a time without `Z` is local to the zone.
    func utc(_ value: EASDate.Value) -> Int64 {
        value.isUTC ? value.seconds : value.seconds &- Int64(zone.offset(value.seconds))
    }

    /// The UTC midnight of the client's local day of `value` (all-day times, MS-ASCAL 2.2.2.1),
    /// rounded up to the next day when `roundUp` and not a midnight.
    func day(_ value: EASDate.Value, roundUp: Bool = false) -> Int64 {
        let wall = value.isUTC ? value.seconds &+ Int64(clientOffset(value.seconds)) : value.seconds
        let floor = wall.dividedRoundingDown(by: 86_400) * 86_400
        return roundUp && floor != wall ? floor + 86_400 : floor
    }

    /// A client's original start of an instance (`ExceptionStartTime`, `InstanceId`) as the
    /// master's times count it.
    func original(_ value: EASDate.Value) -> Int64 {
        times.isAllDay ? day(value) : utc(value)
    }

    /// The times `fields` give (StartTime, EndTime, AllDayEvent of an event or an exception),
    /// nil when they change nothing of `old`. A missing start on an Add is the next half hour
    /// and a missing end half an hour later (MS-ASCAL 3.2.4.4); an end before the start is
    /// refused.
    func times(from fields: ClientFields, old: EventTimes?, allDayDefault: Bool) throws(ConversionError)
        -> EventTimes?
    {
        let allDay = try fields.flag("AllDayEvent", "Calendar") ?? allDayDefault
        let sentStart = try fields.date("StartTime", "Calendar")
        let sentEnd = try fields.date("EndTime", "Calendar")
        if sentStart == nil && sentEnd == nil, let old, old.isAllDay == allDay { return nil }
        let now = Int64(Date().timeIntervalSince1970)
        let fallbackStart = old?.start ?? (now / 1800 + 1) * 1800
        let length = old.map { $0.end - $0.start } ?? (allDay ? 86_400 : 1800)
        if allDay {
            let start = sentStart.map { day($0) } ?? fallbackStart.dividedRoundingDown(by: 86_400) * 86_400
            var end = sentEnd.map { day($0, roundUp: true) } ?? start + max(86_400, length)
            if end <= start { end = start + 86_400 }
            return EventTimes(start: start, end: end, form: .date)
        }
        let start = sentStart.map(utc) ?? sentEnd.map { utc($0) - length } ?? fallbackStart
        let end = sentEnd.map(utc) ?? start + length
        guard end >= start else { throw .invalidField(name: "EndTime", value: EASDate.compact(end)) }
        return EventTimes(start: start, end: end, form: zone.form)
    }
}
