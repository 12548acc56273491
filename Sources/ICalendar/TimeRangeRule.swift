/// The time-range tests of RFC 4791 §9.9, one per row of its tables.
/// `start`/`end` are the instance's; [rangeStart, rangeEnd) the query's.
enum TimeRangeRule: Sendable, Equatable {
    /// VEVENT; VJOURNAL with DATE. A zero-length instance matches when rangeStart ≤ start < rangeEnd.
    case interval
    /// VTODO with DTSTART and DURATION (end = DTSTART + DURATION).
    case todoStartDuration
    /// VTODO with DTSTART and DUE (end = DUE).
    case todoStartDue
    /// VTODO with DTSTART only; VJOURNAL with DATE-TIME.
    case instant
    /// VTODO with DUE only (start = end = DUE).
    case todoDue
    /// VTODO with COMPLETED and CREATED (start = CREATED, end = COMPLETED).
    case todoCompletedCreated
    /// VTODO with COMPLETED only.
    case todoCompleted
    /// VTODO with CREATED only.
    case todoCreated
    /// VTODO with none of them: always matches.
    case always

    func matches(start: Int64, end: Int64, rangeStart s: Int64, rangeEnd e: Int64) -> Bool {
        switch self {
        case .interval: end > start ? (s < end && e > start) : (s <= start && e > start)
        case .todoStartDuration: s <= end && (e > start || e >= end)
        case .todoStartDue: (s < end || s <= start) && (e > start || e >= end)
        case .instant: s <= start && e > start
        case .todoDue: s < end && e >= end
        case .todoCompletedCreated: (s <= start || s <= end) && (e >= start || e >= end)
        case .todoCompleted: s <= start && e >= start
        case .todoCreated: e > start
        case .always: true
        }
    }
}
