/// `Birthday` and `Anniversary` (MS-ASCNTC 2.2.2.6, 2.2.2.3): a calendar date carried as an
/// MS-ASDTYPE 2.3 date-time in UTC, whose time "SHOULD be ignored".
enum ContactDate {
    /// The calendar date a client meant by a date-time it sent; nil when `text` is no date-time.
    ///
    /// Phones send the local midnight of the day converted to UTC. West of UTC that instant falls
    /// on the same date (00:00–12:00); east of UTC on the previous date (10:00–23:00 for UTC+1 to
    /// UTC+14; a birthday in New Zealand summer, UTC+13, arrives as 11:00 the day before). The
    /// ranges overlap only at 10:00–12:00; Almanac reads 11:00 and later as the next day (UTC+12
    /// and UTC+13: New Zealand, Fiji, Tonga, Samoa) and 10:xx as the same day (UTC−10: Hawaii),
    /// so UTC+14 (Line Islands) and UTC−11 (Niue, American Samoa) come out a day off. A time at
    /// minute 59 (the 11:59 MS-ASCNTC 2.2.2.6 mentions, or 23:59) marks the end of the date it is
    /// on and is kept as that date.
    static func intended(_ text: String) -> CivilTime? {
        guard let value = EASDate.parse(text) else { return nil }
        let time = CivilTime(seconds: value.seconds)
        guard time.hour >= 11, time.minute != 59, time.year < 9999 || time.month < 12 || time.day < 31 else {
            return time
        }
        return CivilTime(seconds: value.seconds + 86_400)
    }

    /// The midnight UTC date-time a date is sent as (`1980-05-17T00:00:00.000Z`).
    static func text(year: Int, month: Int, day: Int) -> String {
        EASDate.dateTime(CivilTime(year: year, month: month, day: day).seconds)
    }
}
