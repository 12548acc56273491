/// The time one value of a DATE, DATE-TIME or PERIOD property stands for, in UTC seconds
/// (RFC 5545 §3.3.4, §3.3.5, §3.3.9).
///
/// A DATE-TIME is an instant (`start == end`). A DATE spans its whole day, from its midnight to
/// the next midnight in the zone it is read in (23 or 25 hours across a DST change). A PERIOD
/// (an RDATE or FREEBUSY value) spans from its start to its end.
public struct PropertyTime: Sendable, Equatable {
    public let start: Int64
    public let end: Int64
    /// Whether the value is a DATE.
    public let isDate: Bool
    /// Whether the value was evaluated as floating time: no zone of its own, so read in the
    /// floating time zone (a DATE, a local time, or a TZID that names no known zone).
    public let isFloating: Bool

    public init(start: Int64, end: Int64, isDate: Bool, isFloating: Bool) {
        self.start = start
        self.end = end
        self.isDate = isDate
        self.isFloating = isFloating
    }

    /// The time-range test of a `prop-filter` (RFC 4791 §9.7.2, §9.9) with [rangeStart,
    /// rangeEnd), nil being unbounded: an instant matches when it lies in the range; a span
    /// (a DATE's day, a PERIOD) when it overlaps it, `start < rangeEnd` and `end > rangeStart`.
    public func overlaps(start rangeStart: Int64?, end rangeEnd: Int64?) -> Bool {
        let lower = rangeStart ?? .min
        let upper = rangeEnd ?? .max
        if end > start { return start < upper && end > lower }
        return start >= lower && start < upper
    }
}
