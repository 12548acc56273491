import CLibical

/// RRULE expansion (RFC 5545 §3.3.10, §3.8.5.3) with libical's `icalrecur_iterator`.
///
/// libical iterates on the wall clock of a floating DTSTART; this type converts UNTIL into
/// that wall clock first: a UTC UNTIL into DTSTART's zone, a DATE UNTIL to the end of its
/// day, and a local UNTIL (as iPhones send with a TZID'd DTSTART) is taken as written.
/// libical does nothing with EXDATE, RDATE or overrides: ``OccurrenceEngine`` does.
/// Call only inside `Libical.run`.
struct RecurrenceExpander {
    /// Iterations allowed in one call, over all rules (FREQ=SECONDLY without end must not loop).
    static let maxIterations = 100_000

    var budget = maxIterations
    /// Whether the budget ran out before some rule reached its horizon.
    private(set) var exhausted = false

    /// The parsed rule, or nil when libical rejects it.
    static func parse(_ rule: String) -> icalrecurrencetype? {
        icalerror_clear_errno()
        let recurrence = icalrecurrencetype_from_string(rule)
        guard recurrence.freq != ICAL_NO_RECURRENCE, almanac_icalerrno() == ICAL_NO_ERROR else { return nil }
        return recurrence
    }

    /// Whether the rule has neither COUNT nor UNTIL.
    static func isUnbounded(_ recurrence: icalrecurrencetype) -> Bool {
        recurrence.count == 0 && icaltime_is_null_time(recurrence.until) != 0
    }

    /// Whether libical's `icalrecur_iterator_set_start` lands on the same instances as iterating
    /// from DTSTART: not with COUNT (the count starts at DTSTART), and not for HOURLY, MINUTELY
    /// and SECONDLY rules with an INTERVAL, which libical 3.0 does not align to DTSTART (checked
    /// by `ICalendarOccurrenceTests.skippingMatchesFullExpansion`).
    static func canSkip(_ recurrence: icalrecurrencetype) -> Bool {
        guard recurrence.count == 0 else { return false }
        switch recurrence.freq {
        case ICAL_DAILY_RECURRENCE, ICAL_WEEKLY_RECURRENCE, ICAL_MONTHLY_RECURRENCE, ICAL_YEARLY_RECURRENCE:
            return true
        default:
            return false
        }
    }

    /// Instance starts of `rule` from `anchor` (DTSTART) up to `horizon` UTC seconds inclusive,
    /// in the anchor's form (same TZID, DATE or DATE-TIME). With `skipBefore`, instances starting
    /// before it may be left out: libical then starts iterating there instead of at DTSTART.
    mutating func expand(
        _ rule: String, anchor: DateTimeValue, horizon: Int64, skipBefore: Int64? = nil, resolver: ZoneResolver
    ) -> [DateTimeValue] {
        guard var recurrence = Self.parse(rule) else { return [] }
        if icaltime_is_null_time(recurrence.until) == 0 {
            var until = recurrence.until
            if until.is_date != 0, !anchor.isDate {
                until.is_date = 0
                until.hour = 23
                until.minute = 59
                until.second = 59
            } else if icaltime_is_utc(until) != 0, !anchor.isUTC {
                let local = resolver.local(Int64(icaltime_as_timet(until)), like: anchor)
                until = ZoneResolver.icaltime(local)
            }
            if anchor.isDate {
                until.is_date = 1
                until.hour = 0
                until.minute = 0
                until.second = 0
            }
            until.zone = nil
            recurrence.until = until
        }
        guard let iterator = icalrecur_iterator_new(recurrence, ZoneResolver.icaltime(anchor)) else { return [] }
        defer { icalrecur_iterator_free(iterator) }
        if let skipBefore, Self.canSkip(recurrence), skipBefore > resolver.seconds(anchor) {
            var start = resolver.local(skipBefore, like: anchor)
            if anchor.isDate { (start.hour, start.minute, start.second) = (0, 0, 0) }
            // A refusal leaves the iterator at DTSTART.
            _ = icalrecur_iterator_set_start(iterator, ZoneResolver.icaltime(start))
        }
        var starts: [DateTimeValue] = []
        while true {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 { break }
            guard budget > 0 else {
                exhausted = true
                break
            }
            budget -= 1
            var value = anchor
            value.year = Int(next.year)
            value.month = Int(next.month)
            value.day = Int(next.day)
            if !anchor.isDate {
                value.hour = Int(next.hour)
                value.minute = Int(next.minute)
                value.second = Int(next.second)
            }
            if resolver.seconds(value) > horizon { break }
            starts.append(value)
        }
        return starts
    }
}
