import ICalendar

/// A wall-clock date and time without a zone, and its seconds when read as UTC ("wall seconds").
/// Conversions do their calendar arithmetic on wall seconds; ICalendarDate does the civil
/// calendar, so there is one implementation of it.
struct CivilTime: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall time of `seconds` read as UTC.
    init(seconds: Int64) {
        let digits = Array(ICalendarDate.formatUTC(seconds).utf8)
        func number(_ range: Range<Int>) -> Int {
            digits[range].reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        }
        self.init(
            year: number(0..<4), month: number(4..<6), day: number(6..<8), hour: number(9..<11),
            minute: number(11..<13), second: number(13..<15))
    }

    /// Parses `YYYYMMDD` or `YYYYMMDDTHHMMSS` with an optional `Z`; nil when malformed.
    init?(basic text: some StringProtocol) {
        var value = String(text)
        if value.hasSuffix("Z") { value.removeLast() }
        if value.utf8.count == 8 { value += "T000000" }
        guard value.utf8.count == 15, let seconds = ICalendarDate.parseUTC(value + "Z") else { return nil }
        self.init(seconds: seconds)
    }

    /// Seconds since the epoch when read as UTC; clamped to years 0001–9999 by ICalendarDate.
    var seconds: Int64 {
        ICalendarDate.parseUTC(basic + "Z") ?? 0
    }

    /// `YYYYMMDDTHHMMSS`.
    var basic: String {
        date + "T" + Self.pad(hour, 2) + Self.pad(minute, 2) + Self.pad(second, 2)
    }

    /// `YYYYMMDD`.
    var date: String {
        Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2)
    }

    /// 0 Sunday … 6 Saturday.
    var weekday: Int {
        let days = Int(seconds.dividedRoundingDown(by: 86_400))
        return ((days + 4) % 7 + 7) % 7
    }

    /// Whether the time of day is midnight.
    var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 }

    /// Days in this month.
    var daysInMonth: Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int64 {
    /// Floor division for a positive divisor.
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        self >= 0 ? self / divisor : -((-self + divisor - 1) / divisor)
    }
}
