/// UTC date-times as in CalDAV time-range attributes (RFC 4791 §9.9: "20060104T000000Z").
public enum ICalendarDate {
    /// Unix seconds of a UTC DATE-TIME; nil for anything else (no DATE, no floating time).
    public static func parseUTC(_ text: String) -> Int64? {
        guard let value = DateTimeValue(Substring(text)), value.isUTC else { return nil }
        return value.secondsAsUTC
    }

    /// "YYYYMMDDTHHMMSSZ" for Unix seconds.
    public static func formatUTC(_ seconds: Int64) -> String {
        DateTimeValue.utc(seconds).text
    }
}
