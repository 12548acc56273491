import ICalendar

/// A task date (DTSTART, DUE) as EAS says it: the instant (`UtcStartDate`, `UtcDueDate`) and the
/// wall time in the task's zone (`StartDate`, `DueDate`, written as if UTC, MS-ASTASK 2.2.2).
struct TaskDate: Equatable {
    var utc: Int64
    var wall: Int64
    var form: TimeForm

    init?(_ property: ICalendarProperty?, in object: ICalendarObject) {
        guard let property, let utc = object.utcSeconds(of: property) else { return nil }
        form = TimeForm(of: property, in: object)
        self.utc = utc
        wall = utc &+ Int64(EventTimes.offsets(form, in: object)(utc))
    }
}
