import ICalendar
import Store

/// What the store indexes of a calendar object: UID, summary and the bounds
/// of all occurrences, so time-range queries do not parse every item.
public enum CalendarIndex {
    public static func index(_ object: ICalendarObject, floatingTimeZone: String?) -> ItemIndex {
        let bounds = object.occurrenceBounds(floatingTimeZone: floatingTimeZone)
        let master = object.root.components.first { $0.name != "VTIMEZONE" && $0.property("RECURRENCE-ID") == nil }
        return ItemIndex(
            uid: object.uid, subject: master?.property("SUMMARY")?.value, startAt: bounds.start, endAt: bounds.end)
    }
}
