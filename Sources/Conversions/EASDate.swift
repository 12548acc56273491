import ICalendar

/// The date formats of EAS fields.
///
/// Calendar times are Compact DateTime (MS-ASDTYPE 2.7.2, `20261121T093000Z`); task dates and
/// `Tasks:Until`/`Start` are dateTime (MS-ASDTYPE 2.3, `2026-11-21T09:30:00.000Z`). Clients are
/// not strict, so either form is read for any field; 16.x all-day times come without `Z`
/// (local dates, MS-ASCAL 2.2.2.1) and task `StartDate`/`DueDate` are local times written as if
/// UTC (MS-ASTASK 2.2.2). Settings' out-of-office `StartTime`/`EndTime` (MS-ASCMD 2.2.3.175.1,
/// 2.2.3.66.1) are dateTime too.
public enum EASDate {
    /// A parsed value: wall seconds (read as UTC) and whether the text said UTC (`Z`).
    public struct Value: Equatable, Sendable {
        public var seconds: Int64
        public var isUTC: Bool
    }

    /// `20261121T093000Z` (or without `Z` for local times).
    static func compact(_ seconds: Int64, utc: Bool = true) -> String {
        CivilTime(seconds: seconds).basic + (utc ? "Z" : "")
    }

    /// `2026-11-21T09:30:00.000Z`.
    public static func dateTime(_ seconds: Int64) -> String {
        let time = CivilTime(seconds: seconds)
        return CivilTime.pad(time.year, 4) + "-" + CivilTime.pad(time.month, 2) + "-" + CivilTime.pad(time.day, 2) + "T"
            + CivilTime.pad(time.hour, 2) + ":" + CivilTime.pad(time.minute, 2) + ":" + CivilTime.pad(time.second, 2)
            + ".000Z"
    }

    /// Reads either form: `YYYYMMDDTHHMMSS[Z]`, `YYYY-MM-DDTHH:MM:SS[.fff][Z]`, or a bare date.
    public static func parse(_ text: String) -> Value? {
        guard text.utf8.count <= 40 else { return nil }
        var value = Substring(text.trimmingCharacters(in: " "))
        var isUTC = false
        if value.hasSuffix("Z") || value.hasSuffix("z") {
            isUTC = true
            value = value.dropLast()
        }
        if let dot = value.firstIndex(of: ".") {
            let fraction = value[value.index(after: dot)...]
            guard !fraction.isEmpty, fraction.count <= 7, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            value = value[..<dot]
        }
        let basic = value.filter { $0 != "-" && $0 != ":" }
        guard basic.count == 8 || basic.count == 15, basic.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "T") }),
            let time = CivilTime(basic: basic)
        else { return nil }
        return Value(seconds: time.seconds, isUTC: isUTC)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> Substring {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return slice
    }
}
