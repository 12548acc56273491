import ICalendar
import Store

/// What the store indexes of a calendar object: UID, summary and the bounds
/// of all occurrences, so time-range queries do not parse every item; and, for a task, whether
/// it is complete (in ``ItemIndex/isRead``), so EAS FilterType 8 does not parse every task.
public enum CalendarIndex {
    public static func index(_ object: ICalendarObject, floatingTimeZone: String?) -> ItemIndex {
        let bounds = object.occurrenceBounds(floatingTimeZone: floatingTimeZone)
        let master = object.root.components.first { $0.name != "VTIMEZONE" && $0.property("RECURRENCE-ID") == nil }
        return ItemIndex(
            uid: object.uid, subject: master?.property("SUMMARY")?.value, startAt: bounds.start, endAt: bounds.end,
            isRead: task(of: object).map(isComplete))
    }

    /// The task of an object: its first VTODO that is not an override; nil when it has none.
    public static func task(of object: ICalendarObject) -> ICalendarComponent? {
        object.root.components("VTODO").first { $0.property("RECURRENCE-ID") == nil }
    }

    /// Whether a task is complete: RFC 5545 §3.8.1.11 STATUS:COMPLETED, or a COMPLETED date
    /// (§3.8.2.1).
    public static func isComplete(_ task: ICalendarComponent) -> Bool {
        task.property("STATUS")?.value.uppercased() == "COMPLETED" || task.property("COMPLETED") != nil
    }
}
