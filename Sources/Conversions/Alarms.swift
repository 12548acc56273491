import ICalendar

/// The VALARMs (RFC 5545 §3.6.6) of an event or task as EAS sees them: one reminder, the first
/// alarm. The others are kept as they are when the client changes that one.
enum Alarms {
    /// UTC seconds when the first alarm of `component` fires; nil without one. A relative TRIGGER
    /// is counted from `start`, or from `end` with RELATED=END (§3.2.14).
    static func firstTrigger(of component: ICalendarComponent, in object: ICalendarObject, start: Int64?, end: Int64?)
        -> Int64?
    {
        guard let alarm = component.components("VALARM").first, let trigger = alarm.property("TRIGGER") else {
            return nil
        }
        if trigger.parameter("VALUE")?.value.uppercased() == "DATE-TIME" {
            return object.utcSeconds(of: trigger)
        }
        guard let offset = TriggerDuration.seconds(trigger.value) else { return nil }
        let relatedToEnd = trigger.parameter("RELATED")?.value.uppercased() == "END"
        guard let base = relatedToEnd ? (end ?? start) : (start ?? end) else { return nil }
        return base &+ offset
    }

    /// Sets the first alarm's TRIGGER (adding an alarm when there is none), keeping the alarm's
    /// other properties.
    static func setFirstTrigger(_ trigger: ICalendarProperty, in component: inout ICalendarComponent, summary: String?)
    {
        if let index = component.components.firstIndex(where: { $0.name == "VALARM" }) {
            component.components[index].replaceProperties("TRIGGER", with: [trigger])
        } else {
            component.components.append(
                ICalendarComponent(
                    name: "VALARM",
                    properties: [
                        ICalendarProperty(name: "ACTION", value: "DISPLAY"),
                        ICalendarProperty(name: "DESCRIPTION", value: summary ?? "Reminder"), trigger,
                    ]))
        }
    }

    /// Removes every alarm: the client turned the reminder off.
    static func removeAll(from component: inout ICalendarComponent) {
        component.components.removeAll { $0.name == "VALARM" }
    }
}
