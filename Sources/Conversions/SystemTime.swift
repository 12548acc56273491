/// A SYSTEMTIME of a TIME_ZONE_INFORMATION (MS-ASDTYPE 2.7.6, MS-DTYP 2.3.13): eight
/// little-endian 16-bit fields. In a time zone it names when a change happens: with `year` 0 it
/// is a yearly rule, "the `day`-th `dayOfWeek` of `month`" where day 5 means the last one; with
/// a year it is that date. `month` 0 means the zone has no such change.
struct SystemTime: Sendable, Equatable, Hashable {
    var year: UInt16 = 0
    var month: UInt16 = 0
    /// 0 Sunday … 6 Saturday.
    var dayOfWeek: UInt16 = 0
    /// The week of the month (1–5, 5 the last) in a yearly rule; the day of the month with a year.
    var day: UInt16 = 0
    var hour: UInt16 = 0
    var minute: UInt16 = 0
    var second: UInt16 = 0
    var milliseconds: UInt16 = 0

    static let none = SystemTime()

    /// Whether the zone has this change at all.
    var isSet: Bool { month != 0 }

    /// Whether the fields are in their ranges (MS-DTYP 2.3.13).
    var isValid: Bool {
        guard isSet else { return true }
        let dayRange: ClosedRange<UInt16> = year == 0 ? 1...5 : 1...31
        return month <= 12 && dayOfWeek <= 6 && dayRange.contains(day) && hour <= 23 && minute <= 59 && second <= 59
            && milliseconds <= 999
    }

    var fields: [UInt16] { [year, month, dayOfWeek, day, hour, minute, second, milliseconds] }

    init() {}

    init(fields: some Collection<UInt16>) {
        let values = Array(fields) + Array(repeating: 0, count: max(0, 8 - fields.count))
        (year, month, dayOfWeek, day) = (values[0], values[1], values[2], values[3])
        (hour, minute, second, milliseconds) = (values[4], values[5], values[6], values[7])
    }

    /// The yearly rule that puts a change at the wall time `time`: its month, weekday, and the
    /// week of the month, counted as the last (5) when the day is in the month's last seven days.
    init(ruleFor time: CivilTime) {
        year = 0
        month = UInt16(time.month)
        dayOfWeek = UInt16(time.weekday)
        day = time.day + 7 > time.daysInMonth ? 5 : UInt16((time.day - 1) / 7 + 1)
        hour = UInt16(time.hour)
        minute = UInt16(time.minute)
        second = UInt16(time.second)
    }

    /// The wall time of the change in `year` (the rule's day, or the fixed date in its year).
    func occurrence(in year: Int) -> CivilTime? {
        guard isSet, isValid else { return nil }
        if self.year != 0 {
            guard Int(self.year) == year else { return nil }
            return CivilTime(
                year: year, month: Int(month), day: Int(day), hour: Int(hour), minute: Int(minute), second: Int(second))
        }
        let first = CivilTime(year: year, month: Int(month), day: 1)
        let firstMatch = 1 + (Int(dayOfWeek) - first.weekday + 7) % 7
        var dayOfMonth = firstMatch + 7 * (Int(day) - 1)
        while dayOfMonth > first.daysInMonth { dayOfMonth -= 7 }
        return CivilTime(
            year: year, month: Int(month), day: dayOfMonth, hour: Int(hour), minute: Int(minute), second: Int(second))
    }
}
