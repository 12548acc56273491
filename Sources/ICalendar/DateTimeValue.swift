/// A DATE or DATE-TIME value (RFC 5545 §3.3.4, §3.3.5) with its form: UTC (`Z`),
/// with a TZID parameter, or floating.
struct DateTimeValue: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var isDate = false
    var isUTC = false
    var tzid: String?

    /// Whether the value is evaluated in the floating time zone (floating DATE-TIME or DATE).
    var isFloating: Bool { !isUTC && tzid == nil }

    /// Parses `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`; nil when malformed or out of range.
    init?(_ text: Substring, tzid: String? = nil) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16,
            let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            year >= 1, (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        if bytes.count == 8 {
            isDate = true
            return
        }
        guard bytes[8] == UInt8(ascii: "T"), let hour = number(9..<11), let minute = number(11..<13),
            let second = number(13..<15), hour < 24, minute < 60, second <= 60
        else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = min(second, 59)
        if bytes.count == 16 {
            guard bytes[15] == UInt8(ascii: "Z") else { return nil }
            isUTC = true
        } else {
            self.tzid = tzid
        }
    }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The value of a property: TZID from its parameter, DATE or DATE-TIME by its text.
    init?(property: ICalendarProperty) {
        let tzid = property.parameter("TZID")?.value
        self.init(Substring(property.value.trimmingSpaces), tzid: tzid?.isEmpty == true ? nil : tzid)
    }

    /// Seconds since the epoch when the fields are read as UTC (proleptic Gregorian).
    var secondsAsUTC: Int64 {
        Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The UTC date-time at `seconds` since the epoch.
    /// Seconds are clamped to years 0001–9999.
    static func utc(_ unclamped: Int64) -> DateTimeValue {
        let seconds = min(max(unclamped, -62_135_596_800), 253_402_300_799)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = Int(seconds - days * 86_400)
        let (year, month, day) = civilFromDays(days)
        var value = DateTimeValue(
            year: year, month: month, day: day, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
        value.isUTC = true
        return value
    }

    /// `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `…Z`.
    var text: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = pad(year, 4) + pad(month, 2) + pad(day, 2)
        if isDate { return date }
        return date + "T" + pad(hour, 2) + pad(minute, 2) + pad(second, 2) + (isUTC ? "Z" : "")
    }

    /// Adds whole days on the calendar (the wall clock stays).
    func addingDays(_ days: Int64) -> DateTimeValue {
        let (year, month, day) = Self.civilFromDays(
            Self.daysFromCivil(year: self.year, month: self.month, day: self.day) + days)
        var value = self
        value.year = year
        value.month = month
        value.day = day
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }
}

extension String {
    var trimmingSpaces: Substring {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
