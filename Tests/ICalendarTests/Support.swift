import ICalendar

/// Wraps component lines in a VCALENDAR with CRLF line ends.
func calendar(_ lines: String...) -> String {
    calendar(lines)
}

func calendar(_ lines: [String]) -> String {
    (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//Tests//EN"] + lines + ["END:VCALENDAR"])
        .joined(separator: "\r\n") + "\r\n"
}

func parsed(_ text: String) throws -> ICalendarObject {
    try ICalendarObject.parse(text)
}

/// Unix seconds of a UTC "YYYYMMDDTHHMMSSZ" (the format is checked by ICalendarDateTests).
func utc(_ text: String) -> Int64 {
    ICalendarDate.parseUTC(text)!
}

/// RFC 5545 §3.6.5-style VTIMEZONE for Europe/Berlin (EU rules since 1996).
let berlinVTIMEZONE = """
    BEGIN:VTIMEZONE\r
    TZID:Europe/Berlin\r
    BEGIN:DAYLIGHT\r
    TZOFFSETFROM:+0100\r
    TZOFFSETTO:+0200\r
    TZNAME:CEST\r
    DTSTART:19700329T020000\r
    RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
    END:DAYLIGHT\r
    BEGIN:STANDARD\r
    TZOFFSETFROM:+0200\r
    TZOFFSETTO:+0100\r
    TZNAME:CET\r
    DTSTART:19701025T030000\r
    RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
    END:STANDARD\r
    END:VTIMEZONE
    """
