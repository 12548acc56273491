/// One instance of a component (RFC 5545 §3.8.5: the recurrence set), in UTC seconds.
public struct Occurrence: Sendable, Equatable {
    /// Start of the instance (VTODO: see ``TimeRangeRule``; `Int64.min` when the to-do has no dates).
    public let start: Int64
    /// End of the instance (equal to `start` for zero-length instances; `Int64.max` for an undated to-do).
    public let end: Int64
    /// The RECURRENCE-ID of the instance, nil when the component does not recur.
    public let recurrenceID: Int64?
    /// Whether `component` is an overriding component (one with RECURRENCE-ID).
    public let isOverride: Bool
    /// The component the instance's properties come from: the master or the override.
    public let component: ICalendarComponent
    /// How a time range is tested against the instance (RFC 4791 §9.9).
    let rule: TimeRangeRule
    /// Whether a floating time or a DATE took part (evaluated in the floating time zone).
    let isFloating: Bool

    /// The RFC 4791 §9.9 test with [rangeStart, rangeEnd); nil is unbounded.
    public func overlaps(start rangeStart: Int64?, end rangeEnd: Int64?) -> Bool {
        rule.matches(start: start, end: end, rangeStart: rangeStart ?? .min, rangeEnd: rangeEnd ?? .max)
    }
}

/// Busy time for free-busy-query (RFC 4791 §7.10, FBTYPE of RFC 5545 §3.2.9).
public struct BusyPeriod: Sendable, Equatable {
    public let start: Int64
    public let end: Int64
    /// "BUSY", "BUSY-TENTATIVE" or "BUSY-UNAVAILABLE".
    public let type: String

    public init(start: Int64, end: Int64, type: String) {
        self.start = start
        self.end = end
        self.type = type
    }
}
