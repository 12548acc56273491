import ICalendar

/// The start and end of an event or an overridden instance, in UTC seconds (a DATE is its UTC
/// midnight), with DTSTART's form.
struct EventTimes: Equatable {
    var start: Int64
    var end: Int64
    var form: TimeForm

    var isAllDay: Bool { form == .date }

    /// DTSTART, then DTEND, or DTSTART + DURATION, or one day for a DATE and no time otherwise
    /// (RFC 5545 §3.6.1). Nil without a readable DTSTART.
    init?(of event: ICalendarComponent, in object: ICalendarObject) {
        guard let dtstart = event.property("DTSTART"), let start = object.utcSeconds(of: dtstart) else { return nil }
        self.start = start
        form = TimeForm(of: dtstart, in: object)
        if let dtend = event.property("DTEND"), let end = object.utcSeconds(of: dtend) {
            self.end = max(end, start)
        } else if let duration = event.value("DURATION").flatMap(TriggerDuration.seconds) {
            end = start &+ max(duration, 0)
        } else {
            end = form == .date ? start + 86_400 : start
        }
    }

    init(start: Int64, end: Int64, form: TimeForm) {
        self.start = start
        self.end = end
        self.form = form
    }

    /// The zone offset of the event's form at an instant (0 for UTC, floating and DATE).
    static func offsets(_ form: TimeForm, in object: ICalendarObject) -> (Int64) -> Int {
        guard case .zone(let tzid) = form else { return { _ in 0 } }
        return { instant in object.utcOffsets(tzid: tzid, at: [instant])?.first ?? 0 }
    }
}
